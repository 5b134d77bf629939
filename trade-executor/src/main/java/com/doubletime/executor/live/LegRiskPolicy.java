package com.doubletime.executor.live;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.order.OrderAction;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * What to do when a trade's legs filled different quantities, leaving contracts held on one venue only.
 * A policy only plans the order that closes the gap; {@link LiveExecution} sends it, journals it and reports
 * whether the exposure is back within limits.
 *
 * <ul>
 *   <li>{@code rehedge}: buy the missing contracts on the short venue, paying at most the trade's limit
 *       price there plus {@code maxSlippage} (the trade then still pays $1 a pair, for a smaller edge or a
 *       bounded loss);</li>
 *   <li>{@code unwind}: sell the excess on the long venue, taking the best bids down to the average price
 *       paid minus {@code maxLossPerContract};</li>
 *   <li>{@code rehedge-then-unwind} (default): re-hedge, and unwind whatever the re-hedge could not buy;</li>
 *   <li>{@code report-only}: leave the position open and report it (for a trader who handles it by hand).</li>
 * </ul>
 */
public interface LegRiskPolicy {
    /** The order that reduces an imbalance, or null when this policy does nothing (more) about it. */
    Action plan(Imbalance imbalance, int attempt);

    String name();

    /** One corrective order: on the long venue (unwind, SELL) or the short one (re-hedge, BUY). */
    record Action(boolean onLongVenue, OrderAction action, long limitPrice, long quantity) {}

    /**
     * The gap to close: {@code excess} whole contracts held on the long venue only. Prices FixedPoint.
     *
     * @param shortLimit the trade's limit price on the short venue
     * @param longAveragePrice what the excess contracts cost on average on the long venue
     */
    record Imbalance(long excess, long shortLimit, long longAveragePrice) {}

    static LegRiskPolicy rehedge(long maxSlippage) {
        return new Rehedge(maxSlippage);
    }

    static LegRiskPolicy unwind(long maxLossPerContract) {
        return new Unwind(maxLossPerContract);
    }

    static LegRiskPolicy rehedgeThenUnwind(long maxSlippage, long maxLossPerContract) {
        return new RehedgeThenUnwind(maxSlippage, maxLossPerContract);
    }

    static LegRiskPolicy reportOnly() {
        return new ReportOnly();
    }

    /** Buys the missing contracts on the short venue up to its limit price plus {@code maxSlippage}. */
    record Rehedge(long maxSlippage) implements LegRiskPolicy {
        @Override
        public Action plan(Imbalance gap, int attempt) {
            return attempt > 0
                    ? null
                    : new Action(
                            false,
                            OrderAction.BUY,
                            Math.min(FixedPoint.ONE - TICK, gap.shortLimit() + maxSlippage),
                            gap.excess());
        }

        @Override
        public String name() {
            return "rehedge (max slippage " + FixedPoint.format(maxSlippage, 2) + ")";
        }
    }

    /** Sells the excess on the long venue down to its average price minus {@code maxLossPerContract}. */
    record Unwind(long maxLossPerContract) implements LegRiskPolicy {
        @Override
        public Action plan(Imbalance gap, int attempt) {
            return attempt > 0
                    ? null
                    : new Action(
                            true,
                            OrderAction.SELL,
                            Math.max(TICK, gap.longAveragePrice() - maxLossPerContract),
                            gap.excess());
        }

        @Override
        public String name() {
            return "unwind (max loss " + FixedPoint.format(maxLossPerContract, 2) + " per contract)";
        }
    }

    /** Re-hedges first; unwinds what the re-hedge could not buy. */
    record RehedgeThenUnwind(long maxSlippage, long maxLossPerContract) implements LegRiskPolicy {
        @Override
        public Action plan(Imbalance gap, int attempt) {
            return attempt == 0
                    ? new Rehedge(maxSlippage).plan(gap, 0)
                    : attempt == 1 ? new Unwind(maxLossPerContract).plan(gap, 0) : null;
        }

        @Override
        public String name() {
            return new Rehedge(maxSlippage).name() + " then " + new Unwind(maxLossPerContract).name();
        }
    }

    /** Leaves the position open and reports it. */
    record ReportOnly() implements LegRiskPolicy {
        @Override
        public Action plan(Imbalance gap, int attempt) {
            return null;
        }

        @Override
        public String name() {
            return "report-only";
        }
    }

    /** One cent: the smallest price both venues accept on the markets traded here. */
    long TICK = 10_000;

    /** Default re-hedge slippage over the trade's limit: two cents ({@code FixedPoint}). */
    long DEFAULT_MAX_SLIPPAGE = 20_000;

    /** Default unwind loss per contract under the average price paid: five cents ({@code FixedPoint}). */
    long DEFAULT_MAX_LOSS_PER_CONTRACT = 50_000;

    /**
     * Reads {@code {"policy":"rehedge-then-unwind","maxSlippage":"0.02","maxLossPerContract":"0.05"}}; every
     * key optional.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static LegRiskPolicy fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        long slippage = price(in, "maxSlippage", FixedPoint.format(DEFAULT_MAX_SLIPPAGE, 2));
        long loss = price(in, "maxLossPerContract", FixedPoint.format(DEFAULT_MAX_LOSS_PER_CONTRACT, 2));
        String policy = String.valueOf(in.getValue("policy", "rehedge-then-unwind"));
        return switch (policy) {
            case "rehedge" -> rehedge(slippage);
            case "unwind" -> unwind(loss);
            case "rehedge-then-unwind" -> rehedgeThenUnwind(slippage, loss);
            case "report-only" -> reportOnly();
            default ->
                throw new IllegalArgumentException("executor.legRisk.policy must be rehedge, unwind, "
                        + "rehedge-then-unwind or report-only, got " + policy);
        };
    }

    private static long price(JsonObject in, String field, String fallback) {
        try {
            BigDecimal value =
                    new BigDecimal(String.valueOf(in.getValue(field, fallback)).trim());
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
                throw new NumberFormatException("out of range");
            }
            return FixedPoint.parse(value.toPlainString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("executor.legRisk." + field
                    + " must be a decimal string between 0 and 1, got " + in.getValue(field));
        }
    }
}

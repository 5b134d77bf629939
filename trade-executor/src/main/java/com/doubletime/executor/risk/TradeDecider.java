package com.doubletime.executor.risk;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.capital.CapitalSizing;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.MarketBoard;
import com.doubletime.executor.position.PositionBook;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides on an opportunity, without Vert.x: the pair is known and both its markets open (not paused, closed or
 * resolved: {@link MarketBoard}), the controls and risk limits allow it (kill switch, pause, trades per minute, daily
 * loss, unhedged exposure, minimum annualised return; per pair where overridden), both books are usable (snapshot
 * received, not stale, young enough), the size limits leave at least one contract and Polymarket's minimum order
 * size, and both venues can pay both legs from free cash ({@link CapitalDesk}: sized down to what both can pay, or
 * refused naming venue, shard and shortfall). One decision per opportunity id, whatever the verdict.
 *
 * <p>One decision per opportunity id: updates of an open opportunity never trade again, and a rejected one is not
 * retried (a rejection for size would otherwise be journaled on every update). The remembered ids are per run: the
 * monitor numbers opportunities per run, so reloading them from the journal would silently skip new opportunities
 * after a full restart.
 *
 * <p>Single writer: the executor's thread calls it. Times are epoch nanoseconds, like the books'.
 */
public final class TradeDecider {
    /** Opportunity ids remembered for de-duplication; old ones are long closed. */
    private static final int REMEMBERED_OPPORTUNITIES = 100_000;

    private static final int PRICE_DECIMALS = 4;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final CurrentPairs pairs;
    private final Supplier<TradingControl> control;
    private final PositionBook positions;
    private final Map<String, Map<String, Object>> pairLimits;
    private final long maxBookAgeNanos;
    private final Supplier<String> tradeIds;
    private final MarketBoard markets;
    private final CapitalDesk capital;
    private final TradeRate rate = new TradeRate();
    private final Map<String, TradeRate> pairRates = new HashMap<>();
    private final Set<String> decided = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_OPPORTUNITIES;
        }
    });

    /**
     * @param pairLimits per-pair overrides of the risk limits (pair id to the limits it overrides, wire names)
     * @param maxBookAge a book not updated for longer than this is not traded on
     */
    public TradeDecider(
            CurrentPairs pairs,
            Supplier<TradingControl> control,
            PositionBook positions,
            Map<String, Map<String, Object>> pairLimits,
            Duration maxBookAge,
            Supplier<String> tradeIds) {
        this(pairs, control, positions, pairLimits, maxBookAge, tradeIds, null, null);
    }

    /**
     * With the markets' lifecycle and the capital rules (issue 12); either may be null: without {@code markets}
     * every market counts as open, without {@code capital} cash is not checked.
     */
    public TradeDecider(
            CurrentPairs pairs,
            Supplier<TradingControl> control,
            PositionBook positions,
            Map<String, Map<String, Object>> pairLimits,
            Duration maxBookAge,
            Supplier<String> tradeIds,
            MarketBoard markets,
            CapitalDesk capital) {
        this.markets = markets;
        this.capital = capital;
        this.pairs = pairs;
        this.control = control;
        this.positions = positions;
        this.pairLimits = pairLimits;
        this.maxBookAgeNanos = maxBookAge.toNanos();
        this.tradeIds = tradeIds;
    }

    /**
     * Decides on an opportunity. Returns null when this opportunity id was already decided: its later updates (new
     * size or prices) never trade again, whatever the first verdict was.
     */
    public TradeDecision decide(ArbitrageOpportunityFound found, OrderbookSet books, long nowNanos) {
        if (!decided.add(found.id())) {
            return null;
        }
        Opportunity o = found.opportunity();
        Verdict verdict = judge(found, books, nowNanos);
        if (verdict.quantity > 0) {
            rate.accepted(nowNanos);
            pairRates.computeIfAbsent(o.pairId(), id -> new TradeRate()).accepted(nowNanos);
        }
        return new TradeDecision(
                tradeIds.get(),
                found.id(),
                o.pairId(),
                o.direction(),
                verdict.quantity > 0,
                o.quantity(),
                verdict.quantity,
                LegOrder.of(o.kalshi()),
                LegOrder.of(o.polymarket()),
                verdict.reason,
                found.detectedAtNanos(),
                nowNanos);
    }

    /**
     * Forgets a closed opportunity. The monitor never reuses an id within its run once it closed, so this only
     * keeps the remembered set small.
     */
    public void forget(String opportunityId) {
        decided.remove(opportunityId);
    }

    private Verdict judge(ArbitrageOpportunityFound found, OrderbookSet books, long nowNanos) {
        Opportunity o = found.opportunity();
        MarketPair pair = pairs.find(o.pairId());
        if (pair == null) {
            return Verdict.reject("unknown pair '" + o.pairId() + "'");
        }
        String suspended = markets == null ? null : markets.suspendedBecause(pair);
        if (suspended != null) {
            return Verdict.reject(suspended);
        }
        TradingControl control = this.control.get();
        String blocked = RiskGate.blocked(control, positions, rate, nowNanos);
        Map<String, Object> override = pairLimits.getOrDefault(pair.id(), Map.of());
        RiskLimits limits =
                override.isEmpty() ? control.limits() : control.limits().merge(override);
        if (blocked == null && !override.isEmpty()) {
            blocked = RiskGate.pairBlocked(
                    pair.id(),
                    override.keySet(),
                    limits,
                    positions,
                    pairRates.computeIfAbsent(pair.id(), id -> new TradeRate()),
                    nowNanos);
        }
        if (blocked == null) {
            blocked = RiskGate.returnTooLow(
                    pair.id(), override.containsKey(RiskLimits.MIN_ANNUALIZED_RETURN), limits, found);
        }
        if (blocked != null) {
            return Verdict.reject(blocked);
        }
        String unusable = unusableBook(books, LegOrder.of(o.kalshi()), nowNanos);
        if (unusable == null) {
            unusable = unusableBook(books, LegOrder.of(o.polymarket()), nowNanos);
        }
        if (unusable != null) {
            return Verdict.reject(unusable);
        }
        RiskGate.Allowance allowance =
                RiskGate.allowance(control.limits(), limits, override.keySet(), pair, o, positions);
        long quantity = allowance.quantity();
        String limitPrices = "limit prices " + price(o.kalshi().limitPrice()) + " / "
                + price(o.polymarket().limitPrice());
        if (quantity < 1) {
            return Verdict.reject(allowance.reason() + " does not cover one contract at " + limitPrices);
        }
        if (quantity * FixedPoint.ONE < pair.minOrderSize()) {
            return Verdict.reject("quantity " + quantity + " is below Polymarket's minimum order size "
                    + FixedPoint.format(pair.minOrderSize(), 0)
                    + (quantity < o.quantity()
                            ? " (reduced from " + o.quantity() + " by " + allowance.reason() + ")"
                            : ""));
        }
        String reduced = quantity < o.quantity()
                ? "reduced from " + o.quantity() + " to " + quantity + " contracts by " + allowance.reason() + " at "
                        + limitPrices
                : null;
        return capital == null ? new Verdict(quantity, reduced) : payable(pair, o, quantity, reduced);
    }

    /** Both legs payable from free cash: the quantity both venues can pay, or a refusal naming what is short. */
    private Verdict payable(MarketPair pair, Opportunity o, long quantity, String reduced) {
        String unknown = capital.unknownBecause();
        if (unknown != null) {
            return Verdict.reject(unknown);
        }
        long minimum = Math.max(1, (pair.minOrderSize() + FixedPoint.ONE - 1) / FixedPoint.ONE);
        CapitalSizing.Sizing sizing;
        try {
            sizing = capital.size(pair, LegOrder.of(o.kalshi()), LegOrder.of(o.polymarket()), quantity, minimum);
        } catch (IllegalArgumentException e) {
            return Verdict.reject("the capital rules cannot price this trade: " + e.getMessage());
        }
        if (sizing.rejected()) {
            return Verdict.reject(sizing.reason() + (reduced == null ? "" : " (after " + reduced + ")"));
        }
        if (sizing.reduced()) {
            return new Verdict(
                    sizing.quantity(),
                    "reduced from " + o.quantity() + " to " + sizing.quantity() + " contracts: " + sizing.reason()
                            + (reduced == null ? "" : " (after " + reduced + ")"));
        }
        return new Verdict(quantity, reduced);
    }

    /** Why a leg's book cannot be traded on, or null when it can. */
    private String unusableBook(OrderbookSet books, LegOrder leg, long nowNanos) {
        Orderbook book = books.find(leg.platform(), leg.instrument());
        String name = leg.platform().wireName() + " book " + leg.instrument();
        if (book == null || !book.snapshotReceived()) {
            return name + " has no snapshot";
        }
        if (book.isStale()) {
            return name + " is stale";
        }
        long age = nowNanos - book.updatedAtNanos();
        if (age > maxBookAgeNanos) {
            return name + " is " + age / NANOS_PER_MILLI + " ms old (max " + maxBookAgeNanos / NANOS_PER_MILLI + " ms)";
        }
        return null;
    }

    private static String price(long price) {
        return FixedPoint.format(price, PRICE_DECIMALS);
    }

    private record Verdict(long quantity, String reason) {
        static Verdict reject(String reason) {
            return new Verdict(0, reason);
        }
    }
}

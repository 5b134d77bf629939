package com.doubletime.domain.capital;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The capital rule of a buy-both trade: both legs must be payable from free cash before any order leaves (Kalshi
 * from the shard of the market's {@code exchange_index}). Gives the largest whole quantity, up to the one wanted,
 * that both venues can pay at the legs' limit prices plus worst-case fees, or a rejection naming each venue (and
 * shard) that cannot pay even the smallest tradable quantity, with its shortfall. Pure.
 */
public final class CapitalSizing {
    private CapitalSizing() {}

    /** One leg as the capital rule sees it: limit price and taker fee rate (fixed-point). */
    public record LegQuote(Platform platform, long limitPrice, long feeRate) {
        public LegQuote {
            Objects.requireNonNull(platform, "platform");
            if (limitPrice <= 0 || limitPrice >= FixedPoint.ONE) {
                throw new IllegalArgumentException("limit price must lie strictly between 0 and 1");
            }
        }

        /** What {@code contracts} whole contracts can cost at most. */
        public BigDecimal cost(long contracts) {
            return CapitalFees.worstCaseCost(platform, feeRate, contracts * FixedPoint.ONE, limitPrice);
        }
    }

    /**
     * Why a venue cannot pay: it needs {@code needed} for the quantity in question and has {@code free}.
     *
     * @param exchangeIndex the Kalshi shard; {@code -1} on Polymarket
     */
    public record Shortfall(Platform venue, int exchangeIndex, long contracts, BigDecimal needed, BigDecimal free) {
        public BigDecimal amount() {
            return needed.subtract(free.max(BigDecimal.ZERO));
        }

        /** e.g. {@code KALSHI shard 2: 10 contracts need 5.35, free 0.00, short 5.35}. */
        public String describe() {
            return venue + (venue == Platform.KALSHI ? " shard " + exchangeIndex : "") + ": " + contracts
                    + " contracts need " + needed.toPlainString() + ", free "
                    + free.toPlainString() + ", short " + amount().toPlainString();
        }
    }

    /**
     * The answer: {@code quantity} whole contracts (0 = rejected). When it is below the quantity wanted,
     * {@code limitedBy} names the venues that could not pay one contract more; when rejected, the venues that
     * could not pay the minimum.
     */
    public record Sizing(long quantity, long wanted, List<Shortfall> limitedBy) {
        public Sizing {
            limitedBy = List.copyOf(limitedBy);
        }

        public boolean rejected() {
            return quantity == 0;
        }

        public boolean reduced() {
            return quantity > 0 && quantity < wanted;
        }

        /** The rejection or reduction reason, naming venue, shard and shortfall; empty when fully sized. */
        public String reason() {
            if (limitedBy.isEmpty()) {
                return rejected() ? "the quantity wanted is below the smallest tradable quantity" : "";
            }
            StringBuilder out = new StringBuilder(rejected() ? "insufficient free cash: " : "sized down by cash: ");
            for (int i = 0; i < limitedBy.size(); i++) {
                out.append(i == 0 ? "" : "; ").append(limitedBy.get(i).describe());
            }
            return out.toString();
        }
    }

    /**
     * @param wanted          whole contracts the opportunity offers (after the other risk limits)
     * @param minimum         the smallest tradable whole quantity (at least 1; Polymarket's {@code minOrderSize})
     * @param kalshiFree      free cash of the market's Kalshi shard
     * @param kalshiShard     that shard's {@code exchange_index}
     * @param polymarketFree  free Polymarket cash (already capped by the allowance)
     */
    public static Sizing size(
            LegQuote kalshi,
            LegQuote polymarket,
            long wanted,
            long minimum,
            BigDecimal kalshiFree,
            int kalshiShard,
            BigDecimal polymarketFree) {
        if (wanted <= 0) {
            throw new IllegalArgumentException("wanted must be positive, got " + wanted);
        }
        long floor = Math.max(1, minimum);
        long low = 0;
        long high = wanted;
        // costs rise with the quantity, so the largest payable quantity is found by bisection
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            if (payable(kalshi, mid, kalshiFree) && payable(polymarket, mid, polymarketFree)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low >= floor) {
            List<Shortfall> limits = low == wanted
                    ? List.of()
                    : shortfalls(kalshi, polymarket, low + 1, kalshiFree, kalshiShard, polymarketFree);
            return new Sizing(low, wanted, limits);
        }
        long tried = Math.min(floor, wanted);
        return new Sizing(0, wanted, shortfalls(kalshi, polymarket, tried, kalshiFree, kalshiShard, polymarketFree));
    }

    private static boolean payable(LegQuote leg, long contracts, BigDecimal free) {
        return leg.cost(contracts).compareTo(free) <= 0;
    }

    private static List<Shortfall> shortfalls(
            LegQuote kalshi,
            LegQuote polymarket,
            long contracts,
            BigDecimal kalshiFree,
            int kalshiShard,
            BigDecimal polymarketFree) {
        List<Shortfall> out = new ArrayList<>();
        if (!payable(kalshi, contracts, kalshiFree)) {
            out.add(new Shortfall(Platform.KALSHI, kalshiShard, contracts, kalshi.cost(contracts), kalshiFree));
        }
        if (!payable(polymarket, contracts, polymarketFree)) {
            out.add(new Shortfall(Platform.POLYMARKET, -1, contracts, polymarket.cost(contracts), polymarketFree));
        }
        return out;
    }
}

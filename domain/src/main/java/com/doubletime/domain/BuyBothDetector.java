package com.doubletime.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Finds the buy-both trade for one pair and direction, with exactly the semantics of contracts §6.
 *
 * <p>The walk that decides the size (steps 1–3) runs on fixed-point longs and allocates nothing, so
 * the common "no opportunity" answer is cheap. Only when a size is found are the legs priced (steps
 * 4–5) in exact {@link BigDecimal}: fees round up to the cent or to $0.00001 and must not be off by one
 * unit because of binary arithmetic. The fee rule itself is {@link VenueFees}'.
 */
public final class BuyBothDetector {
    private static final long ONE = FixedPoint.ONE;
    /** A price (10⁻⁶ dollars) on the scale of {@link VenueFees#perContractAtto} (10⁻¹⁸). */
    private static final long PRICE_TO_ATTO = 1_000_000_000_000L;

    private static final int EDGE_PER_CONTRACT_DECIMALS = 6;

    private BuyBothDetector() {}

    /** Evaluates both directions' legs for a pair; null when there is no opportunity or a book is not fresh. */
    public static Opportunity evaluate(MarketState state, Direction direction) {
        if (!state.isFresh()) {
            return null;
        }
        MarketPair pair = state.pair();
        Outcome kalshiOutcome = direction.kalshiOutcome();
        Outcome polymarketOutcome = pair.polymarketOutcomePayingWith(direction.hedgedKalshiOutcome());
        AskLadder kalshiAsks = state.kalshi().asks(kalshiOutcome);
        AskLadder polymarketAsks = state.polymarket().asks(polymarketOutcome);

        long profitable = profitableSize(
                kalshiAsks,
                polymarketAsks,
                pair.kalshiTakerFeeRate(),
                pair.polymarketTakerFeeRate(),
                pair.minEdge(),
                pair.maxQuantity());
        long quantity = FixedPoint.wholeUnitsDown(profitable);
        if (quantity <= 0 || quantity * ONE < pair.minOrderSize()) {
            return null;
        }
        LegPrice kalshiLeg = priceLeg(kalshiAsks, quantity * ONE);
        LegPrice polymarketLeg = priceLeg(polymarketAsks, quantity * ONE);
        BigDecimal kalshiFee = VenueFees.of(pair, Platform.KALSHI).fee(kalshiLeg.feeBase);
        BigDecimal polymarketFee = VenueFees.of(pair, Platform.POLYMARKET).fee(polymarketLeg.feeBase);
        BigDecimal totalCost =
                kalshiLeg.cost.add(kalshiFee).add(polymarketLeg.cost).add(polymarketFee);
        BigDecimal edge = BigDecimal.valueOf(quantity).subtract(totalCost);
        if (edge.signum() <= 0) {
            return null;
        }
        BigDecimal edgePerContract =
                edge.divide(BigDecimal.valueOf(quantity), EDGE_PER_CONTRACT_DECIMALS, RoundingMode.FLOOR);
        return new Opportunity(
                pair.id(),
                direction,
                quantity,
                new Leg(
                        Platform.KALSHI,
                        kalshiOutcome,
                        pair.kalshiTicker(),
                        kalshiLeg.worstPrice,
                        kalshiLeg.cost,
                        kalshiFee),
                new Leg(
                        Platform.POLYMARKET,
                        polymarketOutcome,
                        polymarketOutcome == Outcome.YES ? pair.yesTokenId() : pair.noTokenId(),
                        polymarketLeg.worstPrice,
                        polymarketLeg.cost,
                        polymarketFee),
                totalCost,
                edge,
                edgePerContract,
                state.kalshi().updatedAtNanos(),
                state.polymarket().updatedAtNanos());
    }

    /**
     * Steps 1–3 before rounding: walks both ladders best-first in blocks of the smaller remaining size and
     * sums the blocks whose marginal cost per pair {@code k + m + rk·k(1−k) + rm·m(1−m)} is at most
     * {@code 1 − minEdge}, stopping at the first block that is not (or at {@code maxQuantity}).
     *
     * <p>Costs are compared in units of 10⁻¹⁸ dollars so the comparison is exact: a price (10⁻⁶) times
     * 10¹² and a rate (10⁻⁶) × k (10⁻⁶) × (1 − k) (10⁻⁶) land on the same scale and stay below 2⁶³.
     */
    static long profitableSize(
            AskLadder kalshi,
            AskLadder polymarket,
            long kalshiRate,
            long polymarketRate,
            long minEdge,
            long maxQuantity) {
        long limit = Math.multiplyExact(ONE - minEdge, PRICE_TO_ATTO);
        int k = 0;
        int m = 0;
        long kalshiLeft = kalshi.levelCount() > 0 ? kalshi.size(0) : 0;
        long polymarketLeft = polymarket.levelCount() > 0 ? polymarket.size(0) : 0;
        long total = 0;
        while (k < kalshi.levelCount() && m < polymarket.levelCount()) {
            long kp = kalshi.price(k);
            long mp = polymarket.price(m);
            long marginal = (kp + mp) * PRICE_TO_ATTO
                    + VenueFees.perContractAtto(kalshiRate, kp)
                    + VenueFees.perContractAtto(polymarketRate, mp);
            if (marginal > limit) {
                break;
            }
            long block = Math.min(kalshiLeft, polymarketLeft);
            if (block >= maxQuantity - total) {
                return maxQuantity;
            }
            total += block;
            kalshiLeft -= block;
            polymarketLeft -= block;
            if (kalshiLeft == 0 && ++k < kalshi.levelCount()) {
                kalshiLeft = kalshi.size(k);
            }
            if (polymarketLeft == 0 && ++m < polymarket.levelCount()) {
                polymarketLeft = polymarket.size(m);
            }
        }
        return total;
    }

    /** Step 4 for one venue: Σ size × price and Σ size·p·(1−p) over the levels that fill {@code size}. */
    private static LegPrice priceLeg(AskLadder asks, long size) {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal feeBase = BigDecimal.ZERO;
        long left = size;
        long worst = 0;
        for (int level = 0; level < asks.levelCount() && left > 0; level++) {
            long take = Math.min(left, asks.size(level));
            long price = asks.price(level);
            BigDecimal levelCost = FixedPoint.toBigDecimal(take).multiply(FixedPoint.toBigDecimal(price));
            cost = cost.add(levelCost);
            feeBase = feeBase.add(VenueFees.feeBaseOfCost(levelCost, price));
            worst = price;
            left -= take;
        }
        return new LegPrice(cost, feeBase, worst);
    }

    private record LegPrice(BigDecimal cost, BigDecimal feeBase, long worstPrice) {}
}

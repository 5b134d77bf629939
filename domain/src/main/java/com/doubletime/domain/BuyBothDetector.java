package com.doubletime.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Finds the buy-both trade for one pair and direction, with exactly the semantics of contracts §6.
 *
 * <p>The walk that decides the size (steps 1–3) runs on fixed-point longs and allocates nothing, so
 * the common "no opportunity" answer is cheap. When a size is found the legs are priced (steps 4–5) in exact
 * integer arithmetic too: costs in 10⁻¹² dollars, each fee's {@code rate × Σ size·p·(1−p)} in 10⁻²⁴ dollars on
 * 128 bits, rounded up once to the venue's unit by integer division. The results are the same numbers, at the same
 * scales, as exact {@link BigDecimal} arithmetic gives ({@link #evaluateExact}, still used when a value would not
 * fit: sizes of millions of contracts); only the record's fields are made {@code BigDecimal}. No binary floating
 * point anywhere: fees round up to the cent or to $0.00001 and must not be off by one unit. The fee rule itself is
 * {@link VenueFees}'. Integer pricing allocates a few small objects per window where {@code BigDecimal} made
 * dozens, and its little code is compiled early, which a replay of a capture in a fresh JVM feels from the first
 * window.
 */
public final class BuyBothDetector {
    private static final long ONE = FixedPoint.ONE;
    /** A price (10⁻⁶ dollars) on the scale of {@link VenueFees#perContractAtto} (10⁻¹⁸). */
    private static final long PRICE_TO_ATTO = 1_000_000_000_000L;

    private static final int EDGE_PER_CONTRACT_DECIMALS = 6;

    private BuyBothDetector() {}

    /** Evaluates both directions' legs for a pair; null when there is no opportunity or a book is not fresh. */
    public static Opportunity evaluate(MarketState state, Direction direction) {
        return evaluate(state, direction, false);
    }

    /** The same, pricing the legs in {@link BigDecimal} only: the reference the integer pricing is held to. */
    static Opportunity evaluateExact(MarketState state, Direction direction) {
        return evaluate(state, direction, true);
    }

    private static Opportunity evaluate(MarketState state, Direction direction, boolean bigDecimalOnly) {
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
        VenueFees kalshiFees = VenueFees.of(pair, Platform.KALSHI);
        VenueFees polymarketFees = VenueFees.of(pair, Platform.POLYMARKET);
        Priced priced = null;
        if (!bigDecimalOnly) {
            try {
                priced = priceInFixedPoint(kalshiAsks, polymarketAsks, quantity, kalshiFees, polymarketFees);
            } catch (ArithmeticException tooLarge) {
                priced = null; // a value beyond a long: the BigDecimal pricing below is exact at any size
            }
        }
        if (priced == null) {
            priced = priceInBigDecimal(kalshiAsks, polymarketAsks, quantity, kalshiFees, polymarketFees);
        }
        if (priced == NO_EDGE) {
            return null;
        }
        return new Opportunity(
                pair.id(),
                direction,
                quantity,
                new Leg(
                        Platform.KALSHI,
                        kalshiOutcome,
                        pair.kalshiTicker(),
                        priced.kalshiWorstPrice,
                        priced.kalshiCost,
                        priced.kalshiFee),
                new Leg(
                        Platform.POLYMARKET,
                        polymarketOutcome,
                        polymarketOutcome == Outcome.YES ? pair.yesTokenId() : pair.noTokenId(),
                        priced.polymarketWorstPrice,
                        priced.polymarketCost,
                        priced.polymarketFee),
                priced.totalCost,
                priced.edge,
                priced.edgePerContract,
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

    /** Steps 4–5 priced, or {@link #NO_EDGE}: both legs' cost and fee, the total, the edge and the edge per contract. */
    private record Priced(
            long kalshiWorstPrice,
            BigDecimal kalshiCost,
            BigDecimal kalshiFee,
            long polymarketWorstPrice,
            BigDecimal polymarketCost,
            BigDecimal polymarketFee,
            BigDecimal totalCost,
            BigDecimal edge,
            BigDecimal edgePerContract) {}

    private static final Priced NO_EDGE = new Priced(0, null, null, 0, null, null, null, null, null);

    /** Costs carry the scale of a size (10⁻⁶) times a price (10⁻⁶). */
    private static final int COST_SCALE = 2 * FixedPoint.DECIMALS;

    private static final long[] POWERS_OF_TEN = VenueFees.POWERS_OF_TEN;

    /**
     * Steps 4–5 in integers. Costs are exact at 10⁻¹², each fee is {@link VenueFees#feeUnits}.
     *
     * @throws ArithmeticException when a value does not fit (the caller prices in {@link BigDecimal} then)
     */
    private static Priced priceInFixedPoint(
            AskLadder kalshiAsks,
            AskLadder polymarketAsks,
            long quantity,
            VenueFees kalshiFees,
            VenueFees polymarketFees) {
        long size = Math.multiplyExact(quantity, ONE);
        FixedLeg kalshi = fixedLeg(kalshiAsks, size, kalshiFees);
        FixedLeg polymarket = fixedLeg(polymarketAsks, size, polymarketFees);
        long totalCost = Math.addExact(
                Math.addExact(kalshi.cost, onCostScale(kalshi.fee, kalshiFees.decimals())),
                Math.addExact(polymarket.cost, onCostScale(polymarket.fee, polymarketFees.decimals())));
        long edge = Math.subtractExact(Math.multiplyExact(quantity, POWERS_OF_TEN[COST_SCALE]), totalCost);
        if (edge <= 0) {
            return NO_EDGE;
        }
        // edge / quantity rounded down to 10⁻⁶: the edge is positive, so integer division floors
        long edgePerContract =
                edge / Math.multiplyExact(quantity, POWERS_OF_TEN[COST_SCALE - EDGE_PER_CONTRACT_DECIMALS]);
        return new Priced(
                kalshi.worstPrice,
                BigDecimal.valueOf(kalshi.cost, COST_SCALE),
                BigDecimal.valueOf(kalshi.fee, kalshiFees.decimals()),
                polymarket.worstPrice,
                BigDecimal.valueOf(polymarket.cost, COST_SCALE),
                BigDecimal.valueOf(polymarket.fee, polymarketFees.decimals()),
                BigDecimal.valueOf(totalCost, COST_SCALE),
                BigDecimal.valueOf(edge, COST_SCALE),
                BigDecimal.valueOf(edgePerContract, EDGE_PER_CONTRACT_DECIMALS));
    }

    private static long onCostScale(long fee, int decimals) {
        return Math.multiplyExact(fee, POWERS_OF_TEN[COST_SCALE - decimals]);
    }

    /** One venue's cost (10⁻¹²), fee (the venue's unit) and worst price. */
    private record FixedLeg(long cost, long fee, long worstPrice) {}

    /** Step 4 for one venue in integers: Σ size × price, and the fee of its fills ({@link VenueFees#feeUnits}). */
    private static FixedLeg fixedLeg(AskLadder asks, long size, VenueFees fees) {
        long cost = 0;
        VenueFees.FeeBase base = new VenueFees.FeeBase();
        long left = size;
        long worst = 0;
        for (int level = 0; level < asks.levelCount() && left > 0; level++) {
            long take = Math.min(left, asks.size(level));
            long price = asks.price(level);
            long levelCost = Math.multiplyExact(take, price);
            cost = Math.addExact(cost, levelCost);
            base.addFill(levelCost, price);
            worst = price;
            left -= take;
        }
        return new FixedLeg(cost, fees.feeUnits(base), worst);
    }

    /** Steps 4–5 in {@link BigDecimal}: exact at any size; the reference for {@link #priceInFixedPoint}. */
    private static Priced priceInBigDecimal(
            AskLadder kalshiAsks,
            AskLadder polymarketAsks,
            long quantity,
            VenueFees kalshiFees,
            VenueFees polymarketFees) {
        LegPrice kalshiLeg = priceLeg(kalshiAsks, quantity * ONE);
        LegPrice polymarketLeg = priceLeg(polymarketAsks, quantity * ONE);
        BigDecimal kalshiFee = kalshiFees.fee(kalshiLeg.feeBase);
        BigDecimal polymarketFee = polymarketFees.fee(polymarketLeg.feeBase);
        BigDecimal totalCost =
                kalshiLeg.cost.add(kalshiFee).add(polymarketLeg.cost).add(polymarketFee);
        BigDecimal edge = BigDecimal.valueOf(quantity).subtract(totalCost);
        if (edge.signum() <= 0) {
            return NO_EDGE;
        }
        BigDecimal edgePerContract =
                edge.divide(BigDecimal.valueOf(quantity), EDGE_PER_CONTRACT_DECIMALS, RoundingMode.FLOOR);
        return new Priced(
                kalshiLeg.worstPrice,
                kalshiLeg.cost,
                kalshiFee,
                polymarketLeg.worstPrice,
                polymarketLeg.cost,
                polymarketFee,
                totalCost,
                edge,
                edgePerContract);
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

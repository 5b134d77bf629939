package com.doubletime.domain;

import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A venue's taker fee: the one place the fee rule is written (contracts §6, kalshi.md §5, polymarket.md §6).
 *
 * <p>The rule: {@code fee = rate × Σ size·p·(1−p)} over the fills of one order, each fill at its own price, rounded
 * <b>up once per order</b> to the venue's unit — Kalshi whole cents ({@link #KALSHI_DECIMALS}: the trade fee is
 * rounded to $0.0001 and the per-order fee accumulator brings the total to what one rounding to the cent costs),
 * Polymarket $0.00001 ({@link #POLYMARKET_DECIMALS}). The sum is per level, not {@code size·p̄(1−p̄)} at the
 * average price: the venues charge each fill at its price, and since p(1−p) is concave the average-price form
 * overstates a fill that walked several levels by {@code rate × size × Var(p)} (about a cent on Kalshi for a few
 * cents of spread). Where only an order's average price is known (a live order answer without the venue's fee),
 * the order counts as one level at that price: an upper bound of what the venue charges.
 *
 * <p>Arithmetic is exact: {@link BigDecimal} for money, and for the detector's allocation-free walk a per-contract
 * fee in 10⁻¹⁸ dollars ({@link #perContractAtto}) that fits a {@code long}.
 *
 * @param takerRate {@link FixedPoint} (0.07 = 70_000)
 */
public record VenueFees(Platform venue, long takerRate) {
    /** Kalshi charges whole cents per order. */
    public static final int KALSHI_DECIMALS = 2;
    /** Polymarket fees are rounded up to $0.00001. */
    public static final int POLYMARKET_DECIMALS = 5;
    /**
     * The taker rate assumed when the market's own rate cannot be known (a trade recovered after its pair was
     * removed): the highest documented rate on each venue, Kalshi's standard 0.07 (kalshi.md §5) and Polymarket's
     * crypto category 0.07 (polymarket.md §6), so a fee the venue did not report is never understated.
     */
    public static final long HIGHEST_DOCUMENTED_RATE = 70_000;

    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    public VenueFees {
        if (venue == null || takerRate < 0 || takerRate > FixedPoint.ONE) {
            throw new IllegalArgumentException("a venue and a taker rate from 0 to 1 are required");
        }
    }

    /** The pair's rate on {@code venue}. */
    public static VenueFees of(MarketPair pair, Platform venue) {
        return new VenueFees(
                venue, venue == Platform.KALSHI ? pair.kalshiTakerFeeRate() : pair.polymarketTakerFeeRate());
    }

    /** The pair's rate on {@code venue}, or {@link #HIGHEST_DOCUMENTED_RATE} when the pair is unknown (null). */
    public static VenueFees ofOrHighest(MarketPair pair, Platform venue) {
        return pair == null ? new VenueFees(venue, HIGHEST_DOCUMENTED_RATE) : of(pair, venue);
    }

    /** Decimal places the venue rounds an order's fee up to. */
    public int decimals() {
        return venue == Platform.KALSHI ? KALSHI_DECIMALS : POLYMARKET_DECIMALS;
    }

    /** One unit of the venue's rounding: the most rounding an order's fee up can add. */
    public BigDecimal roundingUnit() {
        return BigDecimal.ONE.movePointLeft(decimals());
    }

    /**
     * The fee of one contract at {@code price}, unrounded, in 10⁻¹⁸ dollars: {@code rate·p·(1−p)} on the scale of a
     * price (10⁻⁶) times 10¹², so the detector compares costs exactly without allocating.
     */
    public static long perContractAtto(long rate, long price) {
        return rate * price * (FixedPoint.ONE - price);
    }

    /** {@code size·p·(1−p)} of one fill, exact ({@link FixedPoint} size and price). */
    public static BigDecimal feeBase(long size, long price) {
        return feeBaseOfCost(FixedPoint.toBigDecimal(size).multiply(FixedPoint.toBigDecimal(price)), price);
    }

    /** {@code size·p·(1−p)} of one fill whose cost {@code size·p} the caller has already worked out. */
    public static BigDecimal feeBaseOfCost(BigDecimal cost, long price) {
        return cost.multiply(FixedPoint.toBigDecimal(FixedPoint.ONE - price));
    }

    /** The order's fee from its summed {@link #feeBase}: times the rate, rounded up once to the venue's unit. */
    public BigDecimal fee(BigDecimal feeBase) {
        return FixedPoint.toBigDecimal(takerRate).multiply(feeBase).setScale(decimals(), RoundingMode.CEILING);
    }

    /** The fee of an order that filled {@code size} at one price. */
    public BigDecimal fee(long size, long price) {
        return fee(feeBase(size, price));
    }

    /** The fee of an order from its fills, each at its own price. */
    public BigDecimal fee(List<LevelFill> fills) {
        BigDecimal base = BigDecimal.ZERO;
        for (LevelFill fill : fills) {
            base = base.add(feeBase(fill.size(), fill.price()));
        }
        return fee(base);
    }

    /**
     * The most one contract can cost, fee included, when it fills at or below {@code limitPrice}: the limit plus
     * {@code rate · max p(1−p)} over {@code p ≤ limit} ({@code L(1−L)} below 0.5, 0.25 from there). Unrounded: a
     * bound adds {@link #roundingUnit()} once per order for the rounding.
     */
    public BigDecimal worstPerContract(long limitPrice) {
        BigDecimal price = FixedPoint.toBigDecimal(limitPrice);
        BigDecimal worstVariance =
                price.compareTo(HALF) >= 0 ? QUARTER : price.multiply(BigDecimal.ONE.subtract(price));
        return price.add(FixedPoint.toBigDecimal(takerRate).multiply(worstVariance));
    }
}

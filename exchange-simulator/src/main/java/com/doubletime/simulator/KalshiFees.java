package com.doubletime.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kalshi's taker fee since 2025-07-01 (kalshi.md §5): {@code 0.07 × C × P × (1 − P)}, charged only on
 * execution, an order's total rounded up to the cent (trade fee plus rounding fee for a non-direct
 * member). Over several fills of one order the per-fill fees are the differences of the rounded running
 * total, so they add up to what one fill would cost (the venue's fee accumulator).
 */
final class KalshiFees {

    static final BigDecimal TAKER_RATE = new BigDecimal("0.07");

    private KalshiFees() {}

    /**
     * Σ count × P × (1 − P) × rate, unrounded, for count in hundredths of a contract and P in the
     * simulator's price scale.
     */
    static BigDecimal tradeFee(long count, long price) {
        BigDecimal p = BigDecimal.valueOf(price, FixedPoint.PRICE_SCALE);
        return TAKER_RATE
                .multiply(BigDecimal.valueOf(count, FixedPoint.SIZE_SCALE))
                .multiply(p)
                .multiply(BigDecimal.ONE.subtract(p));
    }

    static BigDecimal roundUpToCent(BigDecimal fee) {
        return fee.setScale(2, RoundingMode.CEILING);
    }
}

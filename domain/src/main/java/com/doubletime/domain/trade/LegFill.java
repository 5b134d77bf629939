package com.doubletime.domain.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What one leg's order got. Quantities are whole contracts; {@code levels} are the (possibly fractional)
 * sizes taken at each price, best first. {@code cost} is Σ size × price and {@code fee} the venue's fee on
 * the whole order, both exact.
 */
public record LegFill(
        LegOrder order,
        long requestedQuantity,
        long filledQuantity,
        List<LevelFill> levels,
        BigDecimal cost,
        BigDecimal fee) {
    private static final int AVERAGE_PRICE_DECIMALS = 6;

    public LegFill {
        levels = List.copyOf(levels);
    }

    /** A leg whose order was never sent (the trade was rejected). */
    public static LegFill notSent(LegOrder order) {
        return new LegFill(order, 0, 0, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** {@code cost / filledQuantity} to the micro-dollar (half-even), or null when nothing filled. */
    public BigDecimal averagePrice() {
        return filledQuantity == 0
                ? null
                : cost.divide(BigDecimal.valueOf(filledQuantity), AVERAGE_PRICE_DECIMALS, RoundingMode.HALF_EVEN);
    }

    public boolean complete() {
        return filledQuantity == requestedQuantity;
    }
}

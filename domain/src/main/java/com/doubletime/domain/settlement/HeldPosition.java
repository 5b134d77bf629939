package com.doubletime.domain.settlement;

import com.doubletime.domain.Outcome;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A buy-both position of one pair held to resolution: contracts of one outcome on each venue, what they cost and
 * the fees paid. Quantities are fixed-point (fractional Polymarket fills allowed); a fully hedged position holds
 * equal quantities on both venues.
 *
 * @param kalshiOutcome     the Kalshi outcome held
 * @param polymarketOutcome the outcome of the Polymarket token held (YES or NO of the Polymarket question)
 * @param cost              Σ quantity × price over both legs' fills
 * @param fees              both legs' fees
 */
public record HeldPosition(
        String pairId,
        Outcome kalshiOutcome,
        long kalshiQuantity,
        Outcome polymarketOutcome,
        long polymarketQuantity,
        BigDecimal cost,
        BigDecimal fees) {

    public HeldPosition {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(kalshiOutcome, "kalshiOutcome");
        Objects.requireNonNull(polymarketOutcome, "polymarketOutcome");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(fees, "fees");
        if (kalshiQuantity < 0 || polymarketQuantity < 0) {
            throw new IllegalArgumentException(pairId + ": held quantities cannot be negative");
        }
    }

    /** Pairs held on both venues (fixed-point): the part that should pay exactly $1 each. */
    public long hedged() {
        return Math.min(kalshiQuantity, polymarketQuantity);
    }
}

package com.doubletime.domain.capital;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the capital rules ask of the fee rule: the most an order can pay in fees and in all, at its limit price. The
 * fee itself is {@link VenueFees}' (contracts §6: {@code rate × q × p × (1 − p)}, Kalshi rounded up to the cent,
 * Polymarket up to $0.00001), the one place it is written.
 *
 * <p>Why the limit price bounds the whole order: per contract, {@code p + rate·p(1 − p)} grows with p for any rate
 * below 1, so a fill at a better price never costs more, fee included, than one at the limit (up to the fee's
 * rounding, less than one rounding unit per order).
 */
public final class CapitalFees {
    private static final int MONEY_DECIMALS = 6;

    private CapitalFees() {}

    /** The most {@code quantity} contracts bought at {@code limitPrice} pay in fees (all fixed-point). */
    public static BigDecimal worstCaseFee(Platform platform, long feeRate, long quantity, long limitPrice) {
        return new VenueFees(platform, feeRate).fee(quantity, limitPrice);
    }

    /** Cash an order can take at most: {@code quantity × limitPrice} plus {@link #worstCaseFee}. */
    public static BigDecimal worstCaseCost(Platform platform, long feeRate, long quantity, long limitPrice) {
        BigDecimal notional = FixedPoint.toBigDecimal(quantity).multiply(FixedPoint.toBigDecimal(limitPrice));
        return money(notional.add(worstCaseFee(platform, feeRate, quantity, limitPrice)));
    }

    /** Six decimals, more only when the exact value needs them (fractional quantities). */
    static BigDecimal money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() > MONEY_DECIMALS ? stripped : value.setScale(MONEY_DECIMALS, RoundingMode.UNNECESSARY);
    }
}

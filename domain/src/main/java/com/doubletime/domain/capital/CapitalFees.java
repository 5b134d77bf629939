package com.doubletime.domain.capital;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place the capital rules ask what an order's taker fee can be at most. Same formula and rounding as the
 * detector (contracts §6): {@code rate × q × p × (1 − p)}, Kalshi rounded up to the cent, Polymarket up to
 * $0.00001. When the domain's {@code VenueFees} lands, this delegates to it.
 *
 * <p>Why the limit price bounds the whole order: per contract, {@code p + rate·p(1 − p)} grows with p for any
 * rate below 1, so a fill at a better price never costs more, fee included, than one at the limit.
 */
public final class CapitalFees {
    static final int KALSHI_FEE_DECIMALS = 2;
    static final int POLYMARKET_FEE_DECIMALS = 5;
    private static final int MONEY_DECIMALS = 6;

    private CapitalFees() {}

    /** The most {@code quantity} contracts bought at {@code limitPrice} pay in fees (all fixed-point). */
    public static BigDecimal worstCaseFee(Platform platform, long feeRate, long quantity, long limitPrice) {
        BigDecimal p = FixedPoint.toBigDecimal(limitPrice);
        BigDecimal fee = FixedPoint.toBigDecimal(feeRate)
                .multiply(FixedPoint.toBigDecimal(quantity))
                .multiply(p)
                .multiply(BigDecimal.ONE.subtract(p));
        int decimals = platform == Platform.KALSHI ? KALSHI_FEE_DECIMALS : POLYMARKET_FEE_DECIMALS;
        return fee.setScale(decimals, RoundingMode.CEILING);
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

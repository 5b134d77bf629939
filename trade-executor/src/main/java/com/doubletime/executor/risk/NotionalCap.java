package com.doubletime.executor.risk;

import com.doubletime.domain.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The largest buy-both quantity whose cash outlay (both legs' cost plus both fees) cannot exceed a limit.
 *
 * <p>The bound uses the limit prices, not the prices the book shows now: immediate-or-cancel orders may
 * fill anywhere up to their limits, and a risk limit must hold for whatever they get. Per contract a leg
 * costs at most its limit price {@code L} plus {@code rate · max p(1−p)} over {@code p ≤ L} (that is
 * {@code L(1−L)} below 0.5 and 0.25 above), and rounding each order's fee up adds less than one
 * rounding unit per order ($0.01 Kalshi, $0.00001 Polymarket).
 */
public final class NotionalCap {
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal FEE_ROUNDING_ALLOWANCE = new BigDecimal("0.01001");

    private NotionalCap() {}

    public static long maxQuantity(
            BigDecimal maxNotional, long kalshiLimit, long kalshiRate, long polymarketLimit, long polymarketRate) {
        BigDecimal perContract =
                worstPerContract(kalshiLimit, kalshiRate).add(worstPerContract(polymarketLimit, polymarketRate));
        BigDecimal budget = maxNotional.subtract(FEE_ROUNDING_ALLOWANCE);
        if (budget.signum() <= 0 || perContract.signum() <= 0) {
            return 0;
        }
        return budget.divide(perContract, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** The most one contract of a leg can cost, fee included, when it fills at or below {@code limit}. */
    public static BigDecimal worstPerContract(long limit, long rate) {
        BigDecimal price = FixedPoint.toBigDecimal(limit);
        BigDecimal worstVariance =
                price.compareTo(HALF) >= 0 ? QUARTER : price.multiply(BigDecimal.ONE.subtract(price));
        return price.add(FixedPoint.toBigDecimal(rate).multiply(worstVariance));
    }
}

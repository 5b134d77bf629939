package com.doubletime.executor.risk;

import com.doubletime.domain.VenueFees;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The largest buy-both quantity whose cash outlay (both legs' cost plus both fees) cannot exceed a limit.
 *
 * <p>The bound uses the limit prices, not the prices the book shows now: immediate-or-cancel orders may
 * fill anywhere up to their limits, and a risk limit must hold for whatever they get. Per contract a leg
 * costs at most {@link VenueFees#worstPerContract}, and rounding each order's fee up adds less than one
 * rounding unit per order ($0.01 Kalshi, $0.00001 Polymarket: {@link VenueFees#roundingUnit}).
 */
public final class NotionalCap {
    private NotionalCap() {}

    public static long maxQuantity(
            BigDecimal maxNotional, long kalshiLimit, VenueFees kalshi, long polymarketLimit, VenueFees polymarket) {
        BigDecimal perContract = kalshi.worstPerContract(kalshiLimit).add(polymarket.worstPerContract(polymarketLimit));
        BigDecimal budget = maxNotional.subtract(kalshi.roundingUnit()).subtract(polymarket.roundingUnit());
        if (budget.signum() <= 0 || perContract.signum() <= 0) {
            return 0;
        }
        return budget.divide(perContract, 0, RoundingMode.FLOOR).longValueExact();
    }
}

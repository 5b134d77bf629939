package com.doubletime.domain.capital;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Cash locked by one resting or in-flight buy order: its limit price times what may still fill, plus the
 * worst-case fee on it.
 *
 * @param exchangeIndex Kalshi shard of the order's market; {@code MarketView.NO_SHARD} on Polymarket
 * @param order         the order's client id or hash, for the API and logs
 */
public record Hold(Platform platform, int exchangeIndex, String order, BigDecimal amount) {
    public Hold {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a hold cannot be negative: " + amount.toPlainString());
        }
    }

    /** The hold of a buy of {@code openQuantity} (fixed-point) at {@code limitPrice} with {@code feeRate}. */
    public static Hold forOrder(
            Platform platform, int exchangeIndex, String order, long feeRate, long openQuantity, long limitPrice) {
        return new Hold(
                platform, exchangeIndex, order, CapitalFees.worstCaseCost(platform, feeRate, openQuantity, limitPrice));
    }
}

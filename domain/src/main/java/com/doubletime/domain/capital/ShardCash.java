package com.doubletime.domain.capital;

import java.math.BigDecimal;
import java.util.Objects;

/** Cash on one Kalshi exchange shard ({@code exchange_index}): an order draws only on its market's shard. */
public record ShardCash(int exchangeIndex, BigDecimal cash) {
    public ShardCash {
        if (exchangeIndex < 0) {
            throw new IllegalArgumentException("exchange_index must not be negative, got " + exchangeIndex);
        }
        Objects.requireNonNull(cash, "cash");
    }
}

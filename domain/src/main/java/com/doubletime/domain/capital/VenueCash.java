package com.doubletime.domain.capital;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A venue account's cash as the venue reported it (Kalshi {@code GET /portfolio/balance}, Polymarket
 * {@code GET /balance-allowance}), or the paper account's.
 *
 * @param cash       total cash in dollars ({@code balance_dollars}; the pUSD balance)
 * @param shards     Kalshi: cash per exchange shard ({@code balance_breakdown}); empty on Polymarket
 * @param allowance  Polymarket: what the exchange may spend (the smallest allowance among the spenders it needs),
 *                   null on Kalshi
 * @param asOfMillis when it was read, epoch ms
 */
public record VenueCash(
        Platform platform, BigDecimal cash, List<ShardCash> shards, BigDecimal allowance, long asOfMillis) {

    public VenueCash {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(cash, "cash");
        shards = List.copyOf(shards);
        if (platform == Platform.POLYMARKET && !shards.isEmpty()) {
            throw new IllegalArgumentException("Polymarket has no exchange shards");
        }
        if (platform == Platform.KALSHI && allowance != null) {
            throw new IllegalArgumentException("Kalshi has no allowance");
        }
    }

    /** Kalshi cash with its per-shard breakdown. */
    public static VenueCash kalshi(BigDecimal cash, List<ShardCash> shards, long asOfMillis) {
        return new VenueCash(Platform.KALSHI, cash, shards, null, asOfMillis);
    }

    /** Polymarket collateral balance and the exchange's allowance. */
    public static VenueCash polymarket(BigDecimal cash, BigDecimal allowance, long asOfMillis) {
        return new VenueCash(Platform.POLYMARKET, cash, List.of(), allowance, asOfMillis);
    }

    /**
     * The cash of one Kalshi shard. An account read before sharding (no breakdown) holds everything on shard 0,
     * the default shard; any other shard then has nothing.
     */
    public BigDecimal shardCash(int exchangeIndex) {
        if (shards.isEmpty()) {
            return exchangeIndex == 0 ? cash : BigDecimal.ZERO;
        }
        return shards.stream()
                .filter(shard -> shard.exchangeIndex() == exchangeIndex)
                .map(ShardCash::cash)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }
}

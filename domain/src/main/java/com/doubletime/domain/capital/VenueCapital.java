package com.doubletime.domain.capital;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.List;

/**
 * A venue's cash, what open orders lock and what is free (contracts §7 {@code GET /api/capital}): {@code free} =
 * cash − locked, on Polymarket also capped by the exchange allowance, on Kalshi per shard.
 *
 * @param allowance Polymarket only, else null
 * @param shards    Kalshi only: every shard with cash or a hold, by exchange index
 */
public record VenueCapital(
        Platform platform,
        BigDecimal cash,
        BigDecimal allowance,
        BigDecimal locked,
        BigDecimal free,
        List<ShardCapital> shards) {

    /** One Kalshi shard: its cash, what its open orders lock, what is free. */
    public record ShardCapital(int exchangeIndex, BigDecimal cash, BigDecimal locked, BigDecimal free) {}

    public VenueCapital {
        shards = List.copyOf(shards);
    }

    /** Free cash for an order on a market of that Kalshi shard (Polymarket: the venue's free cash). */
    public BigDecimal freeFor(int exchangeIndex) {
        if (platform == Platform.POLYMARKET) {
            return free;
        }
        return shards.stream()
                .filter(shard -> shard.exchangeIndex() == exchangeIndex)
                .map(ShardCapital::free)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }
}

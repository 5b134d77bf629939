package com.doubletime.domain.market;

import com.doubletime.domain.Platform;
import java.util.Objects;

/**
 * What is known about one venue market's life at a moment: status, when it closes and is expected to resolve,
 * its Kalshi shard, and its resolution once there is one.
 *
 * @param platform                   the venue
 * @param market                     Kalshi ticker or Polymarket condition id
 * @param status                     where the market is in its life
 * @param closeTimeMillis            when trading is scheduled to end (epoch ms), {@link #UNKNOWN} when not known
 * @param expectedResolutionMillis   when the result is expected (Kalshi {@code expected_expiration_time}, else
 *                                   {@code close_time}; Polymarket Gamma {@code endDate}), epoch ms, or {@link #UNKNOWN}
 * @param exchangeIndex              Kalshi shard ({@code exchange_index}); {@link #NO_SHARD} on Polymarket or unknown
 * @param resolution                 the result once determined, else null
 */
public record MarketView(
        Platform platform,
        String market,
        MarketStatus status,
        long closeTimeMillis,
        long expectedResolutionMillis,
        int exchangeIndex,
        Resolution resolution) {

    public static final long UNKNOWN = Long.MIN_VALUE;
    public static final int NO_SHARD = -1;

    public MarketView {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(status, "status");
        if (resolution != null && !status.isResolved()) {
            throw new IllegalArgumentException(
                    platform + " " + market + ": a resolution needs status determined or settled, not " + status);
        }
    }

    public boolean knowsResolutionTime() {
        return expectedResolutionMillis != UNKNOWN;
    }

    public MarketView withStatus(MarketStatus newStatus, Resolution newResolution) {
        return new MarketView(
                platform, market, newStatus, closeTimeMillis, expectedResolutionMillis, exchangeIndex, newResolution);
    }

    public MarketView withTimes(long newCloseMillis, long newExpectedMillis) {
        return new MarketView(platform, market, status, newCloseMillis, newExpectedMillis, exchangeIndex, resolution);
    }

    public MarketView withExchangeIndex(int index) {
        return new MarketView(platform, market, status, closeTimeMillis, expectedResolutionMillis, index, resolution);
    }
}

package com.doubletime.kalshi;

import java.util.Map;

/** The meaning of Kalshi's WebSocket error codes (kalshi.md §3.3), for logs a human can act on. */
final class KalshiWsErrors {
    /** Codes after which the subscription is gone and must be made again. */
    static final long CHANNEL_ERROR = 10;

    static final long BUFFER_OVERFLOW = 25;

    private static final Map<Long, String> MEANINGS = Map.ofEntries(
            Map.entry(1L, "unable to process message"),
            Map.entry(2L, "params required"),
            Map.entry(3L, "channels required"),
            Map.entry(4L, "subscription ids required"),
            Map.entry(5L, "unknown command"),
            Map.entry(7L, "unknown subscription id"),
            Map.entry(8L, "unknown channel name"),
            Map.entry(9L, "authentication required"),
            Map.entry(10L, "channel error (subscription ended)"),
            Map.entry(11L, "invalid parameter"),
            Map.entry(12L, "exactly one subscription id is required"),
            Map.entry(13L, "unsupported action"),
            Map.entry(14L, "market ticker required"),
            Map.entry(15L, "action required"),
            Map.entry(18L, "command timeout"),
            Map.entry(19L, "shard_factor/shard_key validation"),
            Map.entry(20L, "shard_factor/shard_key validation"),
            Map.entry(21L, "shard_factor/shard_key validation"),
            Map.entry(22L, "shard_factor/shard_key validation"),
            Map.entry(23L, "match ids required"),
            Map.entry(24L, "index ids required"),
            Map.entry(25L, "subscription buffer overflow (subscription ended)"),
            Map.entry(26L, "subscription market limit exceeded"),
            Map.entry(27L, "too many requests"),
            Map.entry(28L, "underlying tickers required"));

    private KalshiWsErrors() {}

    static String meaning(long code) {
        return MEANINGS.getOrDefault(code, "unknown error code");
    }

    static boolean endsSubscription(long code) {
        return code == CHANNEL_ERROR || code == BUFFER_OVERFLOW;
    }
}

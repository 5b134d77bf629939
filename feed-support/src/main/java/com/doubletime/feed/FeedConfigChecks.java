package com.doubletime.feed;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The checks every feed's configuration makes at start-up, with the same messages: each names the key
 * ({@code kalshi.wsUrl}, {@code polymarket.assetIds}, …) and what is wrong with it.
 */
public final class FeedConfigChecks {
    private FeedConfigChecks() {}

    public static String webSocketUrl(String key, String url) {
        if (url == null || !(url.startsWith("ws://") || url.startsWith("wss://"))) {
            throw new IllegalArgumentException(key + " must be a ws:// or wss:// URL, got " + url);
        }
        return url;
    }

    /** The instruments to stream: at least one, none empty; duplicates dropped, order kept. */
    public static List<String> instruments(String key, List<String> ids, String what) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException(key + " must name at least one " + what);
        }
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(key + " contains an empty " + what);
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    public static long positive(String key, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + millis);
        }
        return millis;
    }

    /** Reconnect backoff: {@code 0 < initial <= max}. */
    public static void reconnectDelays(String venue, long initialMillis, long maxMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    venue + " reconnect delays need 0 < initial <= max, got " + initialMillis + " and " + maxMillis);
        }
    }
}

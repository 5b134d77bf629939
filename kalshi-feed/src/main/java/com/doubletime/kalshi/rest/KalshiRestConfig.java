package com.doubletime.kalshi.rest;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Locale;

/**
 * Where and how the REST client talks to Kalshi.
 *
 * @param baseUrl            REST root including {@code /trade-api/v2} (production, demo or a local simulator)
 * @param tier               the account's API tier, for the client-side token buckets
 * @param maxRetries         retries after a 429 before giving up (Kalshi sends no Retry-After: exponential backoff)
 * @param retryInitialMillis first backoff delay after a 429; doubles per retry, with jitter
 * @param retryMaxMillis     cap of that delay
 * @param requestTimeoutMillis a request with no answer for this long fails (an order then has an UNKNOWN outcome)
 */
public record KalshiRestConfig(
        String baseUrl,
        KalshiRateTier tier,
        int maxRetries,
        long retryInitialMillis,
        long retryMaxMillis,
        long requestTimeoutMillis) {
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final long DEFAULT_RETRY_INITIAL_MILLIS = 250;
    public static final long DEFAULT_RETRY_MAX_MILLIS = 8_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

    /** Recommended since 2026-05-07 (kalshi.md §1). */
    public static final String PRODUCTION_URL = "https://external-api.kalshi.com/trade-api/v2";

    public static final String DEMO_URL = "https://external-api.demo.kalshi.co/trade-api/v2";

    public KalshiRestConfig {
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("kalshi REST baseUrl must be an http(s) URL, got " + baseUrl);
        }
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (tier == null) {
            throw new IllegalArgumentException("kalshi REST tier is required");
        }
        if (maxRetries < 0
                || retryInitialMillis <= 0
                || retryMaxMillis < retryInitialMillis
                || requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException(
                    "kalshi REST retry/timeouts need maxRetries >= 0, 0 < initial <= max," + " timeout > 0");
        }
    }

    /** Basic tier, 5 retries from 250 ms up to 8 s, 10 s timeout. */
    public static KalshiRestConfig of(String baseUrl) {
        return new KalshiRestConfig(
                baseUrl,
                KalshiRateTier.BASIC,
                DEFAULT_MAX_RETRIES,
                DEFAULT_RETRY_INITIAL_MILLIS,
                DEFAULT_RETRY_MAX_MILLIS,
                DEFAULT_REQUEST_TIMEOUT_MILLIS);
    }

    /** {@code {"restUrl":…, "tier":"basic", "maxRetries":5, "retryInitialMillis":250, "retryMaxMillis":8000, "requestTimeoutMillis":10000}} */
    public static KalshiRestConfig fromJson(JsonObject json) {
        KalshiRestConfig defaults = of(json.getString("restUrl", PRODUCTION_URL));
        return new KalshiRestConfig(
                defaults.baseUrl(),
                KalshiRateTier.parse(json.getString("tier", "basic")),
                json.getInteger("maxRetries", defaults.maxRetries()),
                json.getLong("retryInitialMillis", defaults.retryInitialMillis()),
                json.getLong("retryMaxMillis", defaults.retryMaxMillis()),
                json.getLong("requestTimeoutMillis", defaults.requestTimeoutMillis()));
    }

    public KalshiRestConfig withTier(KalshiRateTier value) {
        return new KalshiRestConfig(
                baseUrl, value, maxRetries, retryInitialMillis, retryMaxMillis, requestTimeoutMillis);
    }

    public KalshiRestConfig withRetries(int retries, long initialMillis, long maxMillis) {
        return new KalshiRestConfig(baseUrl, tier, retries, initialMillis, maxMillis, requestTimeoutMillis);
    }

    public KalshiRestConfig withRequestTimeoutMillis(long value) {
        return new KalshiRestConfig(baseUrl, tier, maxRetries, retryInitialMillis, retryMaxMillis, value);
    }

    /** The path part of {@link #baseUrl}, e.g. {@code /trade-api/v2}: every signed path starts with it. */
    public String basePath() {
        String path = URI.create(baseUrl).getRawPath();
        return path == null ? "" : path;
    }
}

package com.doubletime.polymarket.order;

import java.util.concurrent.TimeUnit;

/**
 * One HTTP answer of the CLOB, as the pure mapping code sees it.
 *
 * @param retryAfterHeader the raw {@code Retry-After} header, or null
 */
public record ClobReply(int status, String body, String retryAfterHeader) {
    /** The HTTP statuses the CLOB answers with (polymarket.md §3.8), by name. */
    public static final int OK = 200;

    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int TOO_EARLY = 425;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int SERVICE_UNAVAILABLE = 503;

    /** A 2xx answer. */
    public boolean successful() {
        return status >= OK && status < OK + 100;
    }

    /** Whether to send the identical request again, and after how long (polymarket.md §3.8, §7.2). */
    public long retryAfterMillis(long defaultMillis) {
        if (retryAfterHeader != null) {
            try {
                return Math.max(0, TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfterHeader.strip())));
            } catch (NumberFormatException e) {
                // an HTTP-date: not used by the CLOB as far as documented; fall back
            }
        }
        return defaultMillis;
    }

    /**
     * 429 (rate limited), 425 (matching engine restarting) and 503 (trading disabled, cancel-only or
     * post-only mode) do not process the order: resending the identical signed order is safe, because the
     * same order hash cannot be accepted twice.
     */
    public boolean retriable() {
        return status == TOO_MANY_REQUESTS || status == TOO_EARLY || status == SERVICE_UNAVAILABLE;
    }
}

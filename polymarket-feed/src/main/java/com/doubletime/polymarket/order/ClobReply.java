package com.doubletime.polymarket.order;

/**
 * One HTTP answer of the CLOB, as the pure mapping code sees it.
 *
 * @param retryAfterHeader the raw {@code Retry-After} header, or null
 */
public record ClobReply(int status, String body, String retryAfterHeader) {
    /** Whether to send the identical request again, and after how long (polymarket.md §3.8, §7.2). */
    public long retryAfterMillis(long defaultMillis) {
        if (retryAfterHeader != null) {
            try {
                return Math.max(0, Long.parseLong(retryAfterHeader.strip()) * 1000);
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
        return status == 429 || status == 425 || status == 503;
    }
}

package com.doubletime.polymarket.order;

/**
 * Where and how patiently the order gateway talks to the CLOB.
 *
 * @param clobUrl              {@code https://clob.polymarket.com} or a simulator's REST URL
 * @param dataApiUrl           {@code https://data-api.polymarket.com} (positions)
 * @param maxAttempts          sends of one request, counting the first, on 429/425/503
 * @param maxRetryWaitMillis   a {@code Retry-After} longer than this is not waited for: an arbitrage leg
 *                             that late is worse than a rejected one
 * @param requestTimeoutMillis per HTTP request; a timed-out order is {@code UNKNOWN}, never assumed absent
 */
public record PolymarketGatewayConfig(
        String clobUrl, String dataApiUrl, int maxAttempts, long maxRetryWaitMillis, long requestTimeoutMillis) {
    public static final String PRODUCTION_CLOB_URL = "https://clob.polymarket.com";
    public static final String PRODUCTION_DATA_API_URL = "https://data-api.polymarket.com";
    /** Used when a 429/425/503 carries no {@code Retry-After}. */
    static final long DEFAULT_RETRY_MILLIS = 500;

    public PolymarketGatewayConfig {
        for (String url : new String[] {clobUrl, dataApiUrl}) {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException("Polymarket REST URLs must be http(s), got " + url);
            }
        }
        clobUrl = stripSlash(clobUrl);
        dataApiUrl = stripSlash(dataApiUrl);
        if (maxAttempts < 1 || maxRetryWaitMillis < 0 || requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException(
                    "need maxAttempts >= 1, maxRetryWaitMillis >= 0, requestTimeoutMillis > 0");
        }
    }

    /** Three attempts, waits of up to 2 s, 5 s per request. */
    public static PolymarketGatewayConfig of(String clobUrl, String dataApiUrl) {
        return new PolymarketGatewayConfig(clobUrl, dataApiUrl, 3, 2_000, 5_000);
    }

    public static PolymarketGatewayConfig production() {
        return of(PRODUCTION_CLOB_URL, PRODUCTION_DATA_API_URL);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

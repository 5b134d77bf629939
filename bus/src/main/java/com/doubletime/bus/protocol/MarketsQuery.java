package com.doubletime.bus.protocol;

/**
 * Asks the monitor for each pair's best asks ({@link com.doubletime.bus.Addresses#MARKETS_QUERY}); answered
 * with {@link MarketsReport}. Also the gateway's readiness probe of the monitor.
 */
public record MarketsQuery() {
    public static final MarketsQuery INSTANCE = new MarketsQuery();
}

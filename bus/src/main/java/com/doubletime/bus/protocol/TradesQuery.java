package com.doubletime.bus.protocol;

/**
 * Asks the executor for its most recent trades ({@link com.doubletime.bus.Addresses#TRADES_QUERY}); answered
 * with {@link RecentTrades}, oldest first.
 *
 * @param limit at most this many (the executor also caps it at what it keeps)
 */
public record TradesQuery(int limit) {
    /** Everything the executor keeps. */
    public static final TradesQuery ALL = new TradesQuery(Integer.MAX_VALUE);
}

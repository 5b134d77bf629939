package com.doubletime.bus;

/** Every event-bus address in one place. */
public final class Addresses {
    /** {@code MarketDataBatch}: one per frame received by a feed (published). */
    public static final String MARKET_DATA = "dt.market-data";
    /** {@code OpportunityEvent}: the contracts §4 stream (published by the monitor). */
    public static final String OPPORTUNITIES = "dt.opportunities";
    /** Execution reports from the trade executor (published). */
    public static final String TRADES = "dt.trades";
    /** Feed health snapshots (published by each feed). */
    public static final String FEED_HEALTH = "dt.feed-health";
    /** Request/reply: the executor's recent trades, for the gateway. */
    public static final String TRADES_QUERY = "dt.trades.query";

    private Addresses() {
    }
}

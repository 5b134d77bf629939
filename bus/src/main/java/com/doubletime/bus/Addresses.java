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
    /** {@code PairsChanged}: the configured pairs changed (published by the gateway; monitor, executor, feeds). */
    public static final String PAIRS_CHANGED = "dt.pairs.changed";
    /**
     * Request/reply, JSON: operator commands to the trade executor ({@code {"action":"kill-switch-on"}} …),
     * answered with the resulting control state once it is journaled.
     */
    public static final String CONTROL = "dt.control";
    /** JSON control state, published by the executor after every change (pause, kill switch, limits). */
    public static final String CONTROL_EVENTS = "dt.control.events";
    /** Request/reply, JSON: the monitor's best asks and gross edge per pair, for the dashboard. */
    public static final String MARKETS_QUERY = "dt.markets.query";
    /** Request/reply, JSON: the executor's positions and P&amp;L per pair and in total. */
    public static final String POSITIONS_QUERY = "dt.positions.query";
    /**
     * JSON execution events from the live executor, each already journaled: order requested / acknowledged /
     * cancelled / error / reconciled ({@code "type":"order"}) and alerts such as an unhedged trade or a
     * position mismatch ({@code "type":"alert"}), in the trade journal's line format.
     */
    public static final String EXECUTION = "dt.execution";

    /**
     * {@code MarketStatusChanged}: a feed's whole current view of one paired market (status, close and expected
     * resolution time, Kalshi shard, resolution), published on every change and on {@link #MARKET_STATUS_RESEND}.
     */
    public static final String MARKET_STATUS = "dt.market-status";
    /** {@code MarketStatusRequest}: asks every feed to publish all its market views again (late subscribers). */
    public static final String MARKET_STATUS_RESEND = "dt.market-status.resend";

    private Addresses() {}
}

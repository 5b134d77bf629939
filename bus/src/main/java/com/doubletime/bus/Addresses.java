package com.doubletime.bus;

/** Every event-bus address in one place. */
public final class Addresses {
    /** {@code MarketDataBatch}: one per frame received by a feed (published). */
    public static final String MARKET_DATA = "dt.market-data";
    /** {@code OpportunityEvent}: the contracts §4 stream (published by the monitor). */
    public static final String OPPORTUNITIES = "dt.opportunities";
    /** {@code TradeReport}: execution reports from the trade executor (published). */
    public static final String TRADES = "dt.trades";
    /** {@code FeedHealth}: feed health snapshots (published by each feed). */
    public static final String FEED_HEALTH = "dt.feed-health";
    /** Request/reply: {@code TradesQuery} answered with {@code RecentTrades} by the executor, for the gateway. */
    public static final String TRADES_QUERY = "dt.trades.query";
    /** {@code PairsChanged}: the configured pairs changed (published by the gateway; monitor, executor, feeds). */
    public static final String PAIRS_CHANGED = "dt.pairs.changed";
    /**
     * Request/reply: a {@code ControlCommand} (status, pause, resume, kill switch, risk limits) to the trade
     * executor, answered with the resulting {@code TradingControl} once it is journaled, or a
     * {@code ControlRefused}.
     */
    public static final String CONTROL = "dt.control";
    /** {@code TradingControl}: published by the executor after every change (pause, kill switch, limits). */
    public static final String CONTROL_EVENTS = "dt.control.events";
    /**
     * Request/reply: {@code MarketsQuery} answered with {@code MarketsReport} (best asks and gross edge per pair)
     * by the monitor, for the dashboard.
     */
    public static final String MARKETS_QUERY = "dt.markets.query";
    /** Request/reply: {@code PositionsQuery} answered with {@code PositionsReport} by the executor. */
    public static final String POSITIONS_QUERY = "dt.positions.query";
    /** Request/reply: {@code CapitalQuery} answered with {@code CapitalReport} by the executor (contracts §7). */
    public static final String CAPITAL_QUERY = "dt.capital.query";
    /**
     * Execution steps from the live executor, each already journaled, as the journal's records: an
     * {@code OrderEvent} per order requested / acknowledged / cancelled / error / reconciled, an
     * {@code ExecutionAlert} (an unhedged trade, a position mismatch, a recovery, free cash below its floor), the
     * {@code TradeReport} of a trade closed at start-up recovery, and once markets resolve a {@code PositionSettled},
     * a {@code ResolutionDivergence} ({@code RESOLUTION_DIVERGENCE}) or a {@code PositionRedeemed}.
     */
    public static final String EXECUTION = "dt.execution";

    /**
     * {@code MarketStatusChanged}: a feed's whole current view of one paired market (status, close and expected
     * resolution time, Kalshi shard, resolution), published on every change and on {@link #MARKET_STATUS_RESEND}.
     */
    public static final String MARKET_STATUS = "dt.market-status";
    /** {@code MarketStatusRequest}: asks every feed to publish all its market views again (late subscribers). */
    public static final String MARKET_STATUS_RESEND = "dt.market-status.resend";
    /**
     * {@code BooksResendRequest}: asks every feed to publish, on {@link #MARKET_DATA}, a snapshot of each book it
     * holds fresh (a service started after the feeds would otherwise wait for Kalshi's next snapshot).
     */
    public static final String BOOKS_RESEND = "dt.books.resend";

    /**
     * {@code ExecutorStatus}: each trade executor instance's standing (active, taking over, standby; epoch, since
     * when), published about once a second and on every change; the gateway shows the active one.
     */
    public static final String EXECUTOR_STATUS = "dt.executor.status";

    private Addresses() {}
}

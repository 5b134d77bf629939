package com.doubletime.executor;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.InvalidFieldException;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The trade executor deployable (paper mode): keeps its own copy of every book from
 * {@link Addresses#MARKET_DATA}, acts on each new opportunity from {@link Addresses#OPPORTUNITIES}, and
 * publishes a {@link TradeReport} on {@link Addresses#TRADES}. Requests on {@link Addresses#TRADES_QUERY}
 * ({@code {"limit":n}}, optional) are answered with a JSON array of recent trades, oldest first.
 *
 * <p>Order of work for one opportunity: decide → journal the decision → fill against the books as they
 * are then → journal the fill → publish. Nothing is published before its journal write completed. If the
 * journal fails the executor stops trading (it can no longer record what it does) until restarted.
 *
 * <p>Operator controls arrive as JSON requests on {@link Addresses#CONTROL} ({@code {"action":"status" | "pause" |
 * "resume" | "kill-switch-on" | "kill-switch-off" | "risk-limits", "riskLimits":{..}, "reason":".."}}) and are
 * answered with the resulting state once journaled; the state is also published on
 * {@link Addresses#CONTROL_EVENTS}. Stopping (pause, kill switch on) takes effect <em>before</em> the journal
 * write, so no opportunity handled after the command arrived can trade; loosening takes effect only once
 * recorded. The controls, positions and P&amp;L are rebuilt from the whole journal at start, so a kill switch
 * stays on across a restart. {@link Addresses#POSITIONS_QUERY} answers positions and P&amp;L per pair and in
 * total; {@link Addresses#PAIRS_CHANGED} adds and removes pairs.
 *
 * <p>Live mode (an explicit {@code mode: live} plus an order gateway for each venue, else start-up fails
 * naming what is missing) sends both legs through {@link LiveExecution} after the decision is journaled and
 * the opportunity re-checked against the newest books; every order step and alert is journaled, then
 * published on {@link Addresses#EXECUTION}; both entry requests are journaled in one write and one flush
 * before either order is sent. At start, live trades a restart interrupted are reconciled
 * ({@link TradeRecovery}) before any new one, then each venue gets one authenticated read (its balance)
 * so the first trade does not pay for connecting and the signer's first use; every {@code reconcileIntervalMillis} the positions are
 * compared with the venues' ({@link PositionReconciler}).
 */
public final class TradeExecutorVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(TradeExecutorVerticle.class.getName());
    /** How long a decision waits for this executor's books to catch up with its opportunity's at most. */
    static final long BOOKS_CATCH_UP_MILLIS = 50;
    /** Decisions waiting for market data; each answers true once done (caught up or timed out). */
    private final List<java.util.function.BooleanSupplier> waitingForBooks = new ArrayList<>();
    /** How long start waits for the venues' warm-up reads at most. */
    static final long WARM_UP_WAIT_MILLIS = 5_000;

    private final ExecutorConfig config;
    private final List<MarketPair> pairs;
    private final TradeRepository suppliedRepository;
    private final LongSupplier clock;
    private final OrderbookSet books = new OrderbookSet();
    private final ArrayDeque<TradeReport> recentTrades = new ArrayDeque<>();
    private PaperTrader trader;
    private TradeRepository repository;
    private String haltedBecause;
    private ExecutorMeters meters;
    private TradingControl recoveredControl;
    private final java.util.Map<com.doubletime.domain.Platform, com.doubletime.domain.order.VenueOrderGateway> venues;
    private final TradeRecovery recovery = new TradeRecovery();
    private LiveExecution live;
    /** Live trades between their decision and their report, and how many ever started (position reconciliation waits). */
    private int tradesInFlight;

    private long tradesStarted;

    /** Journals to {@link ExecutorConfig#journalPath()} as JSON Lines. */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs) {
        this(config, pairs, null, TradeExecutorVerticle::epochNanos);
    }

    /** Journals to the given repository, which the caller owns (opens and closes). */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository) {
        this(config, pairs, repository, TradeExecutorVerticle::epochNanos);
    }

    TradeExecutorVerticle(
            ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository, LongSupplier clock) {
        this(config, pairs, repository, clock, java.util.Map.of());
    }

    /**
     * Live trading: orders go to {@code venues} (one gateway per platform). The journal is the given
     * repository, or the configured file when null.
     */
    public TradeExecutorVerticle(
            ExecutorConfig config,
            List<MarketPair> pairs,
            TradeRepository repository,
            java.util.Map<com.doubletime.domain.Platform, com.doubletime.domain.order.VenueOrderGateway> venues) {
        this(config, pairs, repository, TradeExecutorVerticle::epochNanos, venues);
    }

    TradeExecutorVerticle(
            ExecutorConfig config,
            List<MarketPair> pairs,
            TradeRepository repository,
            LongSupplier clock,
            java.util.Map<com.doubletime.domain.Platform, com.doubletime.domain.order.VenueOrderGateway> venues) {
        this.config = config;
        this.pairs = List.copyOf(pairs);
        this.suppliedRepository = repository;
        this.clock = clock;
        this.venues = java.util.Map.copyOf(venues);
    }

    @Override
    public Future<?> start() {
        if (config.mode() == ExecutionMode.LIVE) {
            List<String> missing = new ArrayList<>();
            for (com.doubletime.domain.Platform platform : com.doubletime.domain.Platform.values()) {
                if (!venues.containsKey(platform)) {
                    missing.add(platform.wireName() + " order gateway (credentials)");
                }
            }
            if (!missing.isEmpty()) {
                return Future.failedFuture(new IllegalStateException("trade-executor: live mode needs "
                        + String.join(" and ", missing) + "; start in paper mode or supply them"));
            }
            io.vertx.core.Context context = vertx.getOrCreateContext();
            LiveExecution.Journal journal = new LiveExecution.Journal() {
                @Override
                public java.util.concurrent.CompletionStage<Void> append(JournalEntry entry) {
                    return journalAndPublish(context, List.of(entry));
                }

                @Override
                public java.util.concurrent.CompletionStage<Void> appendAll(List<JournalEntry> entries) {
                    return journalAndPublish(context, entries);
                }
            };
            live = new LiveExecution(
                    venues,
                    journal,
                    (millis, task) -> vertx.setTimer(Math.max(1, millis), id -> task.run()),
                    clock,
                    config.live());
        }
        BusCodecs.registerAll(vertx.eventBus());
        trader = new PaperTrader(pairs, config, () -> UUID.randomUUID().toString());
        meters = new ExecutorMeters(Meters.registry(), trader.positions());
        Future<TradeRepository> opened = suppliedRepository != null
                ? Future.succeededFuture(suppliedRepository)
                : config.postgres() != null
                        ? PostgresTradeRepository.open(vertx, config.postgres()).map(r -> r)
                        : JsonLinesTradeRepository.open(
                                        vertx, config.journalPath(), config.recentTrades(), config.journalSync())
                                .map(r -> r);
        return opened.compose(r -> {
                    repository = r;
                    // the fold may run on a worker thread; the future's completion publishes its result to this loop
                    return r.forEach(this::replay);
                })
                .compose(done -> repository.recent(config.recentTrades()))
                .compose(entries -> {
                    recover(entries);
                    return reconcileInterrupted();
                })
                .compose(done -> live == null ? Future.succeededFuture() : warmUp())
                .compose(done -> {
                    if (live != null && config.reconcileIntervalMillis() > 0) {
                        PositionReconciler reconciler = new PositionReconciler(venues, pairs);
                        vertx.setPeriodic(config.reconcileIntervalMillis(), id -> {
                            // a trade in flight holds fills the journal has not folded into positions yet: not a
                            // mismatch
                            if (tradesInFlight > 0) {
                                return;
                            }
                            long generation = tradesStarted;
                            reconciler
                                    .compare(trader.positions())
                                    .whenComplete((mismatches, failure) -> vertx.runOnContext(v -> {
                                        if (tradesInFlight == 0 && tradesStarted == generation) {
                                            reportMismatches(mismatches, failure);
                                        }
                                    }));
                        });
                    }
                    return Future.all(List.of(
                            vertx.eventBus()
                                    .<MarketDataBatch>consumer(Addresses.MARKET_DATA, this::onMarketData)
                                    .completion(),
                            vertx.eventBus()
                                    .<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, this::onOpportunity)
                                    .completion(),
                            vertx.eventBus()
                                    .<Object>consumer(Addresses.TRADES_QUERY, this::onTradesQuery)
                                    .completion(),
                            vertx.eventBus()
                                    .<Object>consumer(Addresses.CONTROL, this::onControl)
                                    .completion(),
                            vertx.eventBus()
                                    .<Object>consumer(Addresses.POSITIONS_QUERY, this::onPositionsQuery)
                                    .completion(),
                            vertx.eventBus()
                                    .<PairsChanged>consumer(Addresses.PAIRS_CHANGED, this::onPairsChanged)
                                    .completion()));
                });
    }

    @Override
    public Future<?> stop() {
        if (meters != null) {
            meters.close(Meters.registry());
        }
        return suppliedRepository == null && repository != null ? repository.close() : Future.succeededFuture();
    }

    /** Positions from every trade, and the operator's last control state, from the whole journal. */
    private void replay(JournalEntry entry) {
        recovery.fold(entry);
        if (entry instanceof TradeReport report) {
            trader.record(report);
        } else if (entry instanceof ControlChange change) {
            recoveredControl = change.state();
        }
    }

    /** Recent trades come back from the journal; a decision never followed by its fill is reported. */
    private void recover(List<JournalEntry> entries) {
        if (recoveredControl != null) {
            // the journaled mode is history; this run's mode is its configuration's
            trader.control(new TradingControl(
                    config.mode(),
                    recoveredControl.paused(),
                    recoveredControl.killSwitch(),
                    recoveredControl.limits()));
            if (trader.control().blockedBecause() != null) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "trade executor starts with trading stopped: "
                                + trader.control().blockedBecause() + " (as journaled)");
            }
        }
        Set<String> reported = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (entry instanceof TradeReport report) {
                remember(report);
                reported.add(report.tradeId());
            }
        }
        for (JournalEntry entry : entries) {
            if (entry instanceof TradeDecision decision
                    && decision.accepted()
                    && !reported.contains(decision.tradeId())) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "trade " + decision.tradeId() + " (opportunity "
                                + decision.opportunityId()
                                + ") was decided but its fill was never journaled; in paper mode "
                                + "no order was sent");
            }
        }
        LOG.log(
                System.Logger.Level.INFO,
                "trade executor (" + config.mode().wireName() + ") started with " + recentTrades.size()
                        + " recent trades from the journal");
    }

    private void onMarketData(Message<MarketDataBatch> message) {
        for (MarketDataEvent event : message.body().events()) {
            books.apply(event);
        }
        if (!waitingForBooks.isEmpty()) {
            waitingForBooks.removeIf(java.util.function.BooleanSupplier::getAsBoolean);
        }
    }

    /**
     * Completes once this executor's copy of the pair's books is at least as new as the books the opportunity
     * was found on, or after {@link #BOOKS_CATCH_UP_MILLIS} (the re-check then judges the books as they are).
     * The opportunity can overtake the market data it was computed from: when the feed and the monitor share
     * an event loop, the monitor gets the batch inline and publishes the opportunity before the same batch is
     * queued for this verticle. Without the wait, the re-check would see the book before the window opened and
     * reject a live opportunity; with a slow journal flush in front of it that rarely showed, with a fast one
     * it does.
     */
    private Future<Void> booksCaughtUp(TradeDecision decision, com.doubletime.domain.Opportunity opportunity) {
        MarketPair pair = pairs.stream()
                .filter(p -> p.id().equals(decision.pairId()))
                .findFirst()
                .orElse(null);
        if (pair == null || opportunity == null || booksAsNewAs(pair, opportunity)) {
            return Future.succeededFuture();
        }
        io.vertx.core.Promise<Void> caughtUp = io.vertx.core.Promise.promise();
        long timer = vertx.setTimer(BOOKS_CATCH_UP_MILLIS, id -> caughtUp.tryComplete());
        waitingForBooks.add(() -> {
            if (caughtUp.future().isComplete()) {
                return true;
            }
            if (!booksAsNewAs(pair, opportunity)) {
                return false;
            }
            vertx.cancelTimer(timer);
            caughtUp.tryComplete();
            return true;
        });
        return caughtUp.future();
    }

    private boolean booksAsNewAs(MarketPair pair, com.doubletime.domain.Opportunity opportunity) {
        return updatedAt(com.doubletime.domain.Platform.KALSHI, pair.kalshiTicker()) >= opportunity.kalshiBookNanos()
                && Math.max(
                                updatedAt(com.doubletime.domain.Platform.POLYMARKET, pair.yesTokenId()),
                                updatedAt(com.doubletime.domain.Platform.POLYMARKET, pair.noTokenId()))
                        >= opportunity.polymarketBookNanos();
    }

    private long updatedAt(com.doubletime.domain.Platform platform, String instrument) {
        com.doubletime.domain.Orderbook book = books.find(platform, instrument);
        return book == null ? Long.MIN_VALUE : book.updatedAtNanos();
    }

    private void onOpportunity(Message<OpportunityEvent> message) {
        OpportunityEvent event = message.body();
        if (event instanceof ArbitrageOpportunityClosed closed) {
            trader.forget(closed.id());
            return;
        }
        ArbitrageOpportunityFound found = (ArbitrageOpportunityFound) event;
        if (haltedBecause != null) {
            LOG.log(System.Logger.Level.ERROR, "not trading opportunity " + found.id() + ": " + haltedBecause);
            return;
        }
        TradeDecision decision = trader.decide(found, books, clock.getAsLong());
        if (decision == null) {
            return; // an update of an opportunity already decided
        }
        if (live != null) {
            tradeLive(decision, found.opportunity());
            return;
        }
        // paper mirrors live: the same last look before the (simulated) orders go out
        repository
                .append(decision)
                .compose(recorded -> booksCaughtUp(decision, found.opportunity()))
                .compose(caughtUp -> {
                    TradeReport rejected = lastLook(decision, ExecutionMode.PAPER);
                    TradeReport report = rejected != null ? rejected : trader.fill(decision, books, clock.getAsLong());
                    return repository.append(report).map(report);
                })
                .onSuccess(this::publish)
                .onFailure(failure -> halt(decision, failure));
    }

    /**
     * The re-check right before sending: the decision itself, the kill switch, the pair, and whether the
     * newest books still hold the quantity. Null when the trade may go; otherwise its rejection report.
     */
    private TradeReport lastLook(TradeDecision decision, ExecutionMode mode) {
        MarketPair pair = pairs.stream()
                .filter(p -> p.id().equals(decision.pairId()))
                .findFirst()
                .orElse(null);
        String stop = !decision.accepted()
                ? decision.reason()
                : trader.control().killSwitch()
                        ? "the kill switch was turned on before the orders were sent"
                        : pair == null
                                ? "pair '" + decision.pairId() + "' was removed before the orders were sent"
                                : OpportunityRecheck.closedBecause(decision, pair, books);
        if (stop == null) {
            return null;
        }
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                mode,
                com.doubletime.domain.trade.TradeStatus.REJECTED,
                com.doubletime.domain.trade.LegFill.notSent(decision.kalshi()),
                com.doubletime.domain.trade.LegFill.notSent(decision.polymarket()),
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                stop,
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                clock.getAsLong());
    }

    /**
     * Live: journal the decision, re-check it against the newest books and the controls, send both legs,
     * journal and publish the report. Rejections never reach a venue.
     */
    private void tradeLive(TradeDecision decision, com.doubletime.domain.Opportunity opportunity) {
        tradesInFlight++;
        tradesStarted++;
        repository
                .append(decision)
                .compose(recorded -> booksCaughtUp(decision, opportunity))
                .compose(caughtUp -> {
                    TradeReport rejected = lastLook(decision, ExecutionMode.LIVE);
                    if (rejected != null) {
                        return repository.append(rejected).map(rejected);
                    }
                    MarketPair pair = pairs.stream()
                            .filter(p -> p.id().equals(decision.pairId()))
                            .findFirst()
                            .orElseThrow();
                    io.vertx.core.Promise<TradeReport> executed = io.vertx.core.Promise.promise();
                    io.vertx.core.Context context = vertx.getOrCreateContext();
                    live.execute(decision, pair)
                            .whenComplete((report, failure) -> context.runOnContext(v -> {
                                if (failure != null) {
                                    executed.fail(failure);
                                } else {
                                    executed.complete(report);
                                }
                            }));
                    return executed.future()
                            .compose(report -> repository.append(report).map(report));
                })
                .onSuccess(this::publish)
                .onFailure(failure -> halt(decision, failure))
                .onComplete(done -> tradesInFlight--);
    }

    /**
     * Journals execution steps on the verticle's context (the journal's order), several in one write, then
     * publishes each. Already on that context (the engine's chains mostly are), no hop through its task queue.
     * The engine is told first: its next step (sending the orders once their requests are on disk) runs on
     * this thread before the events are encoded and published, so that work and the subscribers it wakes are
     * not in front of the orders.
     */
    private java.util.concurrent.CompletionStage<Void> journalAndPublish(
            io.vertx.core.Context context, List<JournalEntry> entries) {
        io.vertx.core.Promise<Void> recorded = io.vertx.core.Promise.promise();
        Runnable write =
                () -> repository.appendAll(entries).onComplete(recorded).onSuccess(done -> {
                    for (JournalEntry entry : entries) {
                        meters.journaled(entry);
                        vertx.eventBus().publish(Addresses.EXECUTION, new JsonObject(TradeJournalJson.write(entry)));
                    }
                });
        if (io.vertx.core.Vertx.currentContext() == context) {
            write.run();
        } else {
            context.runOnContext(v -> write.run());
        }
        return recorded.future().toCompletionStage();
    }

    /**
     * One authenticated read per venue (its balance) before the first opportunity is taken, so the first trade
     * does not pay for what a first request costs: the request signer's first use (provider look-up, key set-up,
     * class loading), the API credentials (Polymarket derives them on first use), the TCP connection. Issued
     * from this verticle's context, so the kept-alive connection lives on the event loop the orders are sent
     * from. A failure or a venue slower than {@link #WARM_UP_WAIT_MILLIS} is only logged: the first order then
     * pays for it.
     */
    private Future<Void> warmUp() {
        io.vertx.core.Context context = vertx.getOrCreateContext();
        List<Future<Void>> reads = new ArrayList<>();
        for (var venue : venues.entrySet()) {
            io.vertx.core.Promise<Void> read = io.vertx.core.Promise.promise();
            long timer = vertx.setTimer(WARM_UP_WAIT_MILLIS, id -> {
                if (read.tryComplete()) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "warm-up read of " + venue.getKey().wireName() + " took longer than " + WARM_UP_WAIT_MILLIS
                                    + " ms; starting without it");
                }
            });
            java.util.concurrent.CompletionStage<?> balance;
            try {
                balance = java.util.Objects.requireNonNull(venue.getValue().balance(), "balance() answered null");
            } catch (RuntimeException e) {
                balance = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            balance.whenComplete((answer, failure) -> context.runOnContext(v -> {
                vertx.cancelTimer(timer);
                if (failure != null) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "warm-up read of " + venue.getKey().wireName() + " failed (" + failure.getMessage()
                                    + "); the first order pays for the connection");
                }
                read.tryComplete();
            }));
            reads.add(read.future());
        }
        return Future.all(reads).mapEmpty();
    }

    /** Closes live trades a restart interrupted, before any new trade starts; their reports count in the positions. */
    private Future<Void> reconcileInterrupted() {
        List<TradeRecovery.Interrupted> interrupted = recovery.interrupted();
        if (interrupted.isEmpty()) {
            return Future.succeededFuture();
        }
        if (live == null) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    interrupted.size() + " live trade(s) in the journal were interrupted by a "
                            + "restart; start in live mode to reconcile them with the venues");
            return Future.succeededFuture();
        }
        io.vertx.core.Context context = vertx.getOrCreateContext();
        Future<Void> chain = Future.succeededFuture();
        for (TradeRecovery.Interrupted trade : interrupted) {
            MarketPair pair = pairs.stream()
                    .filter(p -> p.id().equals(trade.decision.pairId()))
                    .findFirst()
                    .orElse(null);
            chain = chain.compose(done -> {
                io.vertx.core.Promise<TradeReport> closed = io.vertx.core.Promise.promise();
                TradeRecovery.reconcile(trade, pair, venues, entry -> journalAndPublish(context, List.of(entry)), clock)
                        .whenComplete((report, failure) -> context.runOnContext(v -> {
                            if (failure != null) {
                                closed.fail(failure);
                            } else {
                                closed.complete(report);
                            }
                        }));
                return closed.future().map(report -> {
                    publish(report);
                    return null;
                });
            });
        }
        return chain;
    }

    private void reportMismatches(List<String> mismatches, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "position reconciliation failed: " + failure.getMessage());
            return;
        }
        for (String mismatch : mismatches) {
            long now = clock.getAsLong();
            journalAndPublish(
                    vertx.getOrCreateContext(),
                    List.of(new com.doubletime.domain.trade.ExecutionAlert(
                            "reconcile:" + now + ":" + mismatch.hashCode(),
                            null,
                            com.doubletime.domain.trade.ExecutionAlert.AlertKind.POSITION_MISMATCH,
                            mismatch,
                            now)));
            LOG.log(System.Logger.Level.ERROR, "POSITION MISMATCH: " + mismatch);
        }
    }

    private void publish(TradeReport report) {
        remember(report);
        trader.record(report);
        meters.executed(report);
        if (report.unhedgedQuantity() > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "UNHEDGED " + report.mode().wireName() + " trade " + report.tradeId() + " on " + report.pairId()
                            + ": " + report.reason());
        } else {
            LOG.log(
                    System.Logger.Level.INFO,
                    report.mode().wireName() + " trade " + report.tradeId() + " " + report.status() + " on "
                            + report.pairId() + (report.reason() == null ? "" : ": " + report.reason()));
        }
        vertx.eventBus().publish(Addresses.TRADES, report);
    }

    private void halt(TradeDecision decision, Throwable failure) {
        haltedBecause = "the trade journal failed (" + failure + "); trading is halted until restart";
        LOG.log(
                System.Logger.Level.ERROR,
                "journal write for trade " + decision.tradeId() + " failed; " + haltedBecause,
                failure);
    }

    private void remember(TradeReport report) {
        recentTrades.addLast(report);
        if (recentTrades.size() > config.recentTrades()) {
            recentTrades.removeFirst();
        }
    }

    private void onTradesQuery(Message<Object> request) {
        int limit = config.recentTrades();
        if (request.body() instanceof JsonObject query && query.getValue("limit") instanceof Number n) {
            limit = Math.max(0, Math.min(limit, n.intValue()));
        }
        List<TradeReport> all = new ArrayList<>(recentTrades);
        JsonArray reply = new JsonArray();
        for (TradeReport report : all.subList(Math.max(0, all.size() - limit), all.size())) {
            reply.add(new JsonObject(TradeJournalJson.write(report)));
        }
        request.reply(reply);
    }

    private void onPairsChanged(Message<PairsChanged> message) {
        PairsChanged change = message.body();
        change.removed().forEach(pair -> trader.removePair(pair.id()));
        change.added().forEach(trader::addPair);
    }

    private void onControl(Message<Object> message) {
        JsonObject command = message.body() instanceof JsonObject json ? json : new JsonObject();
        String action = command.getValue("action") instanceof String a ? a : "status";
        String reason = command.getValue("reason") instanceof String r ? r : null;
        TradingControl current = trader.control();
        TradingControl next;
        try {
            next = switch (action) {
                case "status" -> null;
                case "pause" -> current.withPaused(true);
                case "resume" -> current.withPaused(false);
                case "kill-switch-on" -> current.withKillSwitch(true);
                case "kill-switch-off" -> current.withKillSwitch(false);
                case "risk-limits" -> current.withLimits(current.limits().merge(limitsOf(command)));
                default ->
                    throw new InvalidFieldException(
                            "action",
                            "must be status, pause, resume, kill-switch-on, " + "kill-switch-off or risk-limits");
            };
        } catch (InvalidFieldException e) {
            message.fail(
                    400,
                    new JsonObject()
                            .put("error", e.getMessage())
                            .put("field", e.field())
                            .encode());
            return;
        }
        if (next == null) {
            message.reply(controlJson(current));
            return;
        }
        boolean stopping = action.equals("pause") || action.equals("kill-switch-on");
        if (stopping) {
            trader.control(next); // at once: the next opportunity on this loop is refused
        }
        TradingControl applied = next;
        repository
                .append(new ControlChange(action, next, reason, clock.getAsLong()))
                .onSuccess(recorded -> {
                    trader.control(applied);
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "operator: " + action + (reason == null ? "" : " (" + reason + ")") + "; trading "
                                    + (applied.blockedBecause() == null
                                            ? "allowed"
                                            : "stopped: " + applied.blockedBecause()));
                    JsonObject state = controlJson(applied);
                    vertx.eventBus().publish(Addresses.CONTROL_EVENTS, state);
                    message.reply(state);
                })
                .onFailure(failure -> {
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "journal write of operator action " + action + " failed"
                                    + (stopping ? "; the stop stays in effect" : "; not applied"),
                            failure);
                    message.fail(
                            500,
                            new JsonObject()
                                    .put(
                                            "error",
                                            "the journal could not record " + action
                                                    + (stopping
                                                            ? "; trading is stopped anyway"
                                                            : "; nothing was changed"))
                                    .encode());
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limitsOf(JsonObject command) {
        Object limits = command.getValue("riskLimits");
        if (!(limits instanceof JsonObject json)) {
            throw new InvalidFieldException("riskLimits", "must be an object of the limits to change");
        }
        return json.getMap();
    }

    private static JsonObject controlJson(TradingControl state) {
        return new JsonObject(TradeJournalJson.controlState(state).toString());
    }

    private void onPositionsQuery(Message<Object> request) {
        PositionBook book = trader.positions();
        JsonArray pairs = new JsonArray();
        for (PositionBook.Position p : book.positions()) {
            pairs.add(new JsonObject()
                    .put("pairId", p.pairId)
                    .put("trades", p.trades)
                    .put(
                            "kalshi",
                            new JsonObject()
                                    .put("yes", Long.toString(p.kalshiYes))
                                    .put("no", Long.toString(p.kalshiNo)))
                    .put(
                            "polymarket",
                            new JsonObject()
                                    .put("yes", Long.toString(p.polymarketYes))
                                    .put("no", Long.toString(p.polymarketNo)))
                    .put("hedgedContracts", Long.toString(p.hedged))
                    .put("unhedgedContracts", Long.toString(p.unhedged))
                    .put("cost", OpportunityJson.money(p.cost))
                    .put("fees", OpportunityJson.money(p.fees))
                    .put("lockedInEdge", OpportunityJson.money(p.lockedInEdge))
                    .put("unhedgedExposure", OpportunityJson.money(p.unhedgedExposure)));
        }
        long now = clock.getAsLong();
        request.reply(new JsonObject()
                .put("pairs", pairs)
                .put(
                        "total",
                        new JsonObject()
                                .put("cost", OpportunityJson.money(book.totalCost()))
                                .put("lockedInEdge", OpportunityJson.money(book.totalLockedInEdge()))
                                .put("unhedgedExposure", OpportunityJson.money(book.totalUnhedgedExposure()))
                                .put("realisedToday", OpportunityJson.money(book.realisedOn(now)))));
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

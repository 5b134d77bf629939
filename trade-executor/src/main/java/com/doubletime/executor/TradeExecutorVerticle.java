package com.doubletime.executor;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.LocalTradingPath;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.RecentTrades;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BooksResendRequest;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.settlement.Redeemer;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.journal.JsonLinesTradeRepository;
import com.doubletime.executor.journal.OutageProofRepository;
import com.doubletime.executor.journal.PostgresTradeRepository;
import com.doubletime.executor.journal.RepositoryJournal;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.executor.live.PositionCheck;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The trade executor deployable, wiring only: opens the journal, builds the {@link TradeExecutor} on this
 * verticle's event loop (the executor's single thread), hands it the bus traffic and publishes what it produces.
 * Paper unless the config says {@code mode: live} and an order gateway is given for each venue (else start-up
 * fails naming what is missing).
 *
 * <p>Start-up, before any subscription: the whole journal folded (positions, controls, interrupted live trades,
 * settlements, the paper account), interrupted live trades closed with the venues, the venues' connections warmed
 * up and their cash read. Live positions are compared with the venues' every {@code reconcileIntervalMillis}; the
 * feeds' market statuses ({@code dt.market-status}, asked for again once subscribed) suspend pairs and settle
 * positions.
 *
 * <p>Co-located with the feeds and the monitor on one event loop ({@link #withLocalPath}), it takes market data and
 * opportunities from the {@link LocalTradingPath} instead of the bus: the decision on an opportunity runs on the
 * thread that read the frame, in the same call.
 */
public final class TradeExecutorVerticle extends VerticleBase {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ExecutorConfig config;
    private final List<MarketPair> pairs;
    private final TradeRepository suppliedRepository;
    private final LongSupplier clock;
    private final Map<Platform, VenueOrderGateway> venues;
    private TradeRepository repository;
    private OutageProofRepository journal;
    private TradeExecutor executor;
    private ExecutorMeters meters;
    private LocalTradingPath localPath;
    private Redeemer redeemer;

    /** Journals to {@link ExecutorConfig#journalPath()} as JSON Lines. */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs) {
        this(config, pairs, null);
    }

    /** Journals to the given repository, which the caller owns (opens and closes). */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository) {
        this(config, pairs, repository, Map.of());
    }

    /** Paper, on an injected clock (epoch nanos): what tests and a replay drive. */
    public TradeExecutorVerticle(
            ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository, LongSupplier clock) {
        this(config, pairs, repository, clock, Map.of());
    }

    /** Live: orders go to {@code venues} (one gateway per platform); the journal is the one given or configured. */
    public TradeExecutorVerticle(
            ExecutorConfig config,
            List<MarketPair> pairs,
            TradeRepository repository,
            Map<Platform, VenueOrderGateway> venues) {
        this(config, pairs, repository, TradeExecutorVerticle::epochNanos, venues);
    }

    /** Live (or paper when {@code venues} is empty) on an injected clock (epoch nanos). */
    public TradeExecutorVerticle(
            ExecutorConfig config,
            List<MarketPair> pairs,
            TradeRepository repository,
            LongSupplier clock,
            Map<Platform, VenueOrderGateway> venues) {
        this.config = config;
        this.pairs = List.copyOf(pairs);
        this.suppliedRepository = repository;
        this.clock = clock;
        this.venues = Map.copyOf(venues);
    }

    /**
     * Co-located with the feeds and the monitor on this verticle's event loop: market data and opportunities come
     * from {@code path}, not the bus. Call before deploying.
     */
    public TradeExecutorVerticle withLocalPath(LocalTradingPath path) {
        this.localPath = path;
        return this;
    }

    /**
     * Live: the Polymarket winnings of settled positions are redeemed on chain by {@code redeemer}; without one they
     * are only listed ({@code GET /api/capital}). Set before deploying.
     */
    public TradeExecutorVerticle withRedeemer(Redeemer redeemer) {
        this.redeemer = redeemer;
        return this;
    }

    @Override
    public Future<?> start() {
        if (config.mode() == ExecutionMode.LIVE) {
            List<String> missing = new ArrayList<>();
            for (Platform platform : Platform.values()) {
                if (!venues.containsKey(platform)) {
                    missing.add(platform.wireName() + " order gateway (credentials)");
                }
            }
            if (!missing.isEmpty()) {
                return Future.failedFuture(new IllegalStateException("trade-executor: live mode needs "
                        + String.join(" and ", missing) + "; start in paper mode or supply them"));
            }
        }
        BusCodecs.registerAll(vertx.eventBus());
        EventLoopThread thread = new EventLoopThread(vertx, context);
        return openJournal().compose(opened -> {
            repository = opened;
            FailClosedSettings failClosed = config.failClosed();
            // every write goes through the outage guard: held in order while the store is down, never lost
            journal = new OutageProofRepository(
                    repository, vertx, context, failClosed.journalRetryMillis(), failClosed.journalStallMillis());
            executor = new TradeExecutor(
                    config,
                    pairs,
                    config.mode() == ExecutionMode.LIVE ? venues : Map.of(),
                    new RepositoryJournal(journal, thread),
                    new RepositoryJournal(journal, thread, this::publishStep),
                    thread,
                    thread,
                    clock,
                    () -> UUID.randomUUID().toString(),
                    new TradeExecutor.Outputs() {
                        @Override
                        public void reported(TradeReport report) {
                            meters.executed(report);
                            vertx.eventBus().publish(Addresses.TRADES, report);
                        }

                        @Override
                        public void controlChanged(TradingControl state) {
                            vertx.eventBus().publish(Addresses.CONTROL_EVENTS, state);
                        }

                        @Override
                        public void settled(TradeReport report) {
                            vertx.eventBus().publish(Addresses.TRADES, report);
                        }

                        @Override
                        public void alert(ExecutionAlert alert) {
                            publishStep(alert);
                        }
                    },
                    redeemer);
            meters = new ExecutorMeters(Meters.registry(), executor.positions(), executor.capital());
            meters.failClosed(Meters.registry(), executor::controlState, executor.journalFold());
            journal.onOutage(new OutageProofRepository.Listener() {
                @Override
                public void down(String reason) {
                    executor.journalUnavailable(reason);
                }

                @Override
                public void back(String summary) {
                    executor.journalBack(summary);
                }

                @Override
                public void fencedOut(String reason) {
                    executor.fencedOut(reason);
                }
            });
            // the fold may run on a worker thread; the future's completion publishes its result to this loop
            return repository
                    .readBack(executor.readBack())
                    .compose(done -> repository.recent(config.recentTrades()))
                    .compose(recent -> Future.fromCompletionStage(executor.recover(recent)))
                    .compose(done -> subscribe());
        });
    }

    @Override
    public Future<?> stop() {
        if (localPath != null) {
            localPath.onBooks(batch -> {});
            localPath.onOpportunity(event -> {});
        }
        if (executor != null) {
            executor.stop();
        }
        if (meters != null) {
            meters.close(Meters.registry());
        }
        if (journal != null) {
            journal.close();
        }
        return suppliedRepository == null && repository != null ? repository.close() : Future.succeededFuture();
    }

    private Future<TradeRepository> openJournal() {
        if (suppliedRepository != null) {
            return Future.succeededFuture(suppliedRepository);
        }
        return config.postgres() != null
                ? PostgresTradeRepository.open(vertx, config.postgres()).map(r -> r)
                : JsonLinesTradeRepository.open(
                                vertx, config.journalPath(), config.recentTrades(), config.journalSync())
                        .map(r -> r);
    }

    private Future<?> subscribe() {
        PositionCheck check = executor.positionCheck();
        if (check != null && config.reconcileIntervalMillis() > 0) {
            vertx.setPeriodic(config.reconcileIntervalMillis(), id -> check.run());
        }
        var bus = vertx.eventBus();
        List<Future<?>> subscribed = new ArrayList<>();
        if (localPath != null) {
            localPath.onBooks(executor::onMarketData);
            localPath.onOpportunity(executor::onOpportunity);
        } else {
            subscribed.add(bus.<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> executor.onMarketData(m.body()))
                    .completion());
            subscribed.add(
                    bus.<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, m -> executor.onOpportunity(m.body()))
                            .completion());
        }
        subscribed.addAll(List.of(
                bus.<PairsChanged>consumer(Addresses.PAIRS_CHANGED, m -> executor.onPairsChanged(m.body()))
                        .completion(),
                bus.<Object>consumer(Addresses.TRADES_QUERY, this::onTradesQuery)
                        .completion(),
                bus.<Object>consumer(Addresses.POSITIONS_QUERY, m -> m.reply(executor.positionsReport()))
                        .completion(),
                bus.<Object>consumer(Addresses.CAPITAL_QUERY, m -> m.reply(executor.capitalReport()))
                        .completion(),
                bus.<MarketStatusChanged>consumer(Addresses.MARKET_STATUS, m -> executor.onMarketStatus(m.body()))
                        .completion(),
                bus.<Object>consumer(Addresses.CONTROL, this::onControl).completion()));
        return Future.all(subscribed).onSuccess(ready -> {
            // a restarted executor has no books: Kalshi sends a snapshot only on subscribing, so ask the feeds
            bus.publish(Addresses.BOOKS_RESEND, new BooksResendRequest("trade-executor"));
            // the feeds report market statuses on change: ask them for every market's view once listening
            bus.publish(Addresses.MARKET_STATUS_RESEND, new MarketStatusRequest("trade-executor"));
        });
    }

    /**
     * An execution step (order event, alert, recovered report) once journaled. The decision of a trade imported at
     * start-up is journaled with its steps but is not one: the stream carries its report.
     */
    private void publishStep(JournalEntry entry) {
        meters.journaled(entry);
        if (!(entry instanceof TradeDecision)) {
            vertx.eventBus().publish(Addresses.EXECUTION, entry);
        }
    }

    private void onTradesQuery(Message<Object> request) {
        TradesQuery query = request.body() instanceof TradesQuery q ? q : TradesQuery.ALL;
        request.reply(new RecentTrades(executor.recentTrades(query.limit())));
    }

    private void onControl(Message<Object> message) {
        ControlCommand command = message.body() instanceof ControlCommand c ? c : new ControlCommand.Status();
        executor.control(command).thenAccept(answer -> message.reply(answer.reply()));
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }
}

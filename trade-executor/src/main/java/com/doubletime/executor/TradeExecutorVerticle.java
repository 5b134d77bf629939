package com.doubletime.executor;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
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
 * <p>Live mode is refused at start-up: it is not implemented yet.
 */
public final class TradeExecutorVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(TradeExecutorVerticle.class.getName());

    private final ExecutorConfig config;
    private final List<MarketPair> pairs;
    private final TradeRepository suppliedRepository;
    private final LongSupplier clock;
    private final OrderbookSet books = new OrderbookSet();
    private final ArrayDeque<TradeReport> recentTrades = new ArrayDeque<>();
    private PaperTrader trader;
    private TradeRepository repository;
    private String haltedBecause;

    /** Journals to {@link ExecutorConfig#journalPath()} as JSON Lines. */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs) {
        this(config, pairs, null, TradeExecutorVerticle::epochNanos);
    }

    /** Journals to the given repository, which the caller owns (opens and closes). */
    public TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository) {
        this(config, pairs, repository, TradeExecutorVerticle::epochNanos);
    }

    TradeExecutorVerticle(ExecutorConfig config, List<MarketPair> pairs, TradeRepository repository, LongSupplier clock) {
        this.config = config;
        this.pairs = List.copyOf(pairs);
        this.suppliedRepository = repository;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        if (config.mode() != ExecutionMode.PAPER) {
            return Future.failedFuture(new IllegalStateException("trade-executor: " + config.mode().wireName()
                    + " trading is not implemented yet; only paper mode is available (set executor.mode to \"paper\")"));
        }
        BusCodecs.registerAll(vertx.eventBus());
        trader = new PaperTrader(pairs, config, () -> UUID.randomUUID().toString());
        Future<TradeRepository> opened = suppliedRepository != null ? Future.succeededFuture(suppliedRepository)
                : JsonLinesTradeRepository.open(vertx, config.journalPath(), config.recentTrades()).map(r -> r);
        return opened
                .compose(r -> {
                    repository = r;
                    return r.recent(config.recentTrades());
                })
                .compose(entries -> {
                    recover(entries);
                    return Future.all(
                            vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, this::onMarketData).completion(),
                            vertx.eventBus().<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, this::onOpportunity).completion(),
                            vertx.eventBus().<Object>consumer(Addresses.TRADES_QUERY, this::onTradesQuery).completion());
                });
    }

    @Override
    public Future<?> stop() {
        return suppliedRepository == null && repository != null ? repository.close() : Future.succeededFuture();
    }

    /** Recent trades come back from the journal; a decision never followed by its fill is reported. */
    private void recover(List<JournalEntry> entries) {
        Set<String> reported = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (entry instanceof TradeReport report) {
                remember(report);
                reported.add(report.tradeId());
            }
        }
        for (JournalEntry entry : entries) {
            if (entry instanceof TradeDecision decision && decision.accepted() && !reported.contains(decision.tradeId())) {
                LOG.log(System.Logger.Level.WARNING, "trade " + decision.tradeId() + " (opportunity "
                        + decision.opportunityId() + ") was decided but its fill was never journaled; in paper mode "
                        + "no order was sent");
            }
        }
        LOG.log(System.Logger.Level.INFO, "trade executor (paper) started with " + recentTrades.size()
                + " recent trades from the journal");
    }

    private void onMarketData(Message<MarketDataBatch> message) {
        for (MarketDataEvent event : message.body().events()) {
            books.apply(event);
        }
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
        repository.append(decision)
                .compose(recorded -> {
                    TradeReport report = trader.fill(decision, books, clock.getAsLong());
                    return repository.append(report).map(report);
                })
                .onSuccess(this::publish)
                .onFailure(failure -> halt(decision, failure));
    }

    private void publish(TradeReport report) {
        remember(report);
        if (report.unhedgedQuantity() > 0) {
            LOG.log(System.Logger.Level.WARNING, "UNHEDGED paper trade " + report.tradeId() + " on " + report.pairId()
                    + ": " + report.reason());
        } else {
            LOG.log(System.Logger.Level.INFO, "paper trade " + report.tradeId() + " " + report.status() + " on "
                    + report.pairId() + (report.reason() == null ? "" : ": " + report.reason()));
        }
        vertx.eventBus().publish(Addresses.TRADES, report);
    }

    private void halt(TradeDecision decision, Throwable failure) {
        haltedBecause = "the trade journal failed (" + failure + "); trading is halted until restart";
        LOG.log(System.Logger.Level.ERROR, "journal write for trade " + decision.tradeId() + " failed; " + haltedBecause,
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

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

package com.doubletime.executor;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.Direction;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.ControlledRepository;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.journal.JsonLinesTradeRepository;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.executor.live.LiveExecution;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The verticle in live mode over scripted venues and a real file journal. */
@Timeout(60)
class LiveExecutorVerticleTest {
    private final ExecutorHarness executor = new ExecutorHarness();
    private final Vertx vertx = executor.vertx;
    private final BlockingQueue<TradeReport> trades = executor.trades;
    private final BlockingQueue<JournalEntry> execution = executor.execution;
    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);

    @TempDir
    Path dir;

    LiveExecutorVerticleTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private ExecutorConfig config() {
        return new ExecutorConfig(
                ExecutionMode.LIVE,
                new BigDecimal("1000"),
                dir.resolve("trades.jsonl"),
                Duration.ofDays(3_650),
                100,
                LiveExecution.Settings.DEFAULT,
                0,
                null);
    }

    private void deploy() throws Exception {
        executor.deployLive(config(), List.of(Fixtures.PAIR), null, venues(), System::nanoTime);
        executor.publishKalshi(Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), T0);
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                T0,
                                List.of(Fixtures.polymarket(
                                        Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), T0))));
        vertx.eventBus().request(Addresses.TRADES_QUERY, TradesQuery.ALL).await(5, TimeUnit.SECONDS); // barrier
    }

    private Map<Platform, VenueOrderGateway> venues() {
        return Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket);
    }

    private void opportunity(String id) {
        vertx.eventBus()
                .publish(
                        Addresses.OPPORTUNITIES,
                        Fixtures.detect(Fixtures.standardBooks(), Direction.KALSHI_YES_POLYMARKET_NO, id, T0));
    }

    private List<JournalEntry> journal() throws Exception {
        TradeRepository repository = JsonLinesTradeRepository.open(vertx, dir.resolve("trades.jsonl"), 1000)
                .await(10, TimeUnit.SECONDS);
        List<JournalEntry> all = new ArrayList<>();
        repository.forEach(all::add).await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);
        return all;
    }

    @Test
    void sendsBothLegsJournalsEveryStepAndPublishesTheHedgedTrade() throws Exception {
        deploy();
        opportunity("fed:K:1");

        TradeReport report = trades.poll(20, TimeUnit.SECONDS);
        assertEquals(ExecutionMode.LIVE, report.mode());
        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(150, report.hedgedQuantity());
        assertEquals(1, kalshi.placed.size());
        assertEquals(1, polymarket.placed.size());
        assertEquals(4, journal().stream().filter(OrderEvent.class::isInstance).count());
        assertInstanceOf(OrderEvent.class, execution.poll(5, TimeUnit.SECONDS));
        TradingControl status = vertx.eventBus()
                .<TradingControl>request(Addresses.CONTROL, new ControlCommand.Status())
                .await(5, TimeUnit.SECONDS)
                .body();
        assertEquals(ExecutionMode.LIVE, status.mode());
    }

    @Test
    void theKillSwitchTurnedOnWhileTheDecisionIsJournaledSendsNoOrder() throws Exception {
        deploy();
        vertx.eventBus()
                .request(Addresses.CONTROL, new ControlCommand.KillSwitch(true, null))
                .await(5, TimeUnit.SECONDS);
        opportunity("fed:K:2");

        TradeReport report = trades.poll(20, TimeUnit.SECONDS);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertTrue(report.reason().contains("kill switch"), report.reason());
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty());
    }

    @Test
    void aTradeInterruptedBeforeTheLastRestartIsReconciledAtStartWithoutResending() throws Exception {
        CompletableFuture<OrderResult> never = new CompletableFuture<>();
        polymarket.onPlace = order -> never;
        deploy();
        opportunity("fed:K:3");
        assertInstanceOf(OrderEvent.class, execution.poll(10, TimeUnit.SECONDS));
        while (journal().stream()
                .noneMatch(e -> e instanceof OrderEvent o
                        && o.platform() == Platform.KALSHI
                        && o.kind() == OrderEventKind.ACKNOWLEDGED)) {
            Thread.sleep(50);
        }
        vertx.close().await(10, TimeUnit.SECONDS); // the "crash": the Polymarket answer never arrives

        Vertx restarted = Vertx.vertx();
        try {
            BusCodecs.registerAll(restarted.eventBus());
            BlockingQueue<TradeReport> after = new LinkedBlockingQueue<>();
            restarted
                    .eventBus()
                    .<TradeReport>consumer(Addresses.TRADES, m -> after.add(m.body()))
                    .completion()
                    .await(5, TimeUnit.SECONDS);
            FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
            FakeVenue polymarketAfter = new FakeVenue(Platform.POLYMARKET);
            restarted
                    .deployVerticle(new TradeExecutorVerticle(
                            config(),
                            List.of(Fixtures.PAIR),
                            null,
                            System::nanoTime,
                            Map.of(Platform.KALSHI, kalshiAfter, Platform.POLYMARKET, polymarketAfter)))
                    .await(20, TimeUnit.SECONDS);

            TradeReport recovered = after.poll(20, TimeUnit.SECONDS);
            assertEquals(150, recovered.kalshi().filledQuantity());
            assertTrue(recovered.reason().contains("UNKNOWN"), recovered.reason());
            assertTrue(kalshiAfter.placed.isEmpty() && polymarketAfter.placed.isEmpty(), "nothing sent twice");
            PositionsReport positions = restarted
                    .eventBus()
                    .<PositionsReport>request(Addresses.POSITIONS_QUERY, PositionsQuery.INSTANCE)
                    .await(5, TimeUnit.SECONDS)
                    .body();
            assertEquals(150, positions.pairs().get(0).kalshiYes());
        } finally {
            restarted.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsEachVenueOnceAtStartBeforeTakingOpportunities() throws Exception {
        deploy();

        assertEquals(1, kalshi.balanceReads.get());
        assertEquals(1, polymarket.balanceReads.get());
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty());
    }

    @Test
    void startsEvenWhenAVenueFailsItsWarmUpRead() throws Exception {
        kalshi.onBalance = () -> CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
        vertx.deployVerticle(new TradeExecutorVerticle(
                        config(),
                        List.of(Fixtures.PAIR),
                        null,
                        System::nanoTime,
                        Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket)))
                .await(10, TimeUnit.SECONDS);

        assertEquals(1, kalshi.balanceReads.get());
        TradingControl status = vertx.eventBus()
                .<TradingControl>request(Addresses.CONTROL, new ControlCommand.Status())
                .await(5, TimeUnit.SECONDS)
                .body();
        assertEquals(ExecutionMode.LIVE, status.mode());
    }

    @Test
    void theDecisionAndBothEntryRequestsCostTwoFlushesBeforeTheFirstOrderLeaves() throws Exception {
        JsonLinesTradeRepository repository = JsonLinesTradeRepository.open(vertx, dir.resolve("supplied.jsonl"), 100)
                .await(10, TimeUnit.SECONDS);
        BlockingQueue<Long> forcesAtFirstOrder = new LinkedBlockingQueue<>();
        kalshi.onPlace = order -> {
            forcesAtFirstOrder.add(repository.forces());
            return CompletableFuture.completedFuture(FakeVenue.fill(order, order.quantity(), order.limitPrice()));
        };
        vertx.deployVerticle(new TradeExecutorVerticle(
                        config(),
                        List.of(Fixtures.PAIR),
                        repository,
                        System::nanoTime,
                        Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket)))
                .await(10, TimeUnit.SECONDS);
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.KALSHI,
                                T0,
                                List.of(Fixtures.kalshi(
                                        Fixtures.levels("0.38", "20"),
                                        Fixtures.levels("0.40", "50", "0.42", "100"),
                                        T0))));
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                T0,
                                List.of(Fixtures.polymarket(
                                        Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), T0))));
        vertx.eventBus().request(Addresses.TRADES_QUERY, TradesQuery.ALL).await(5, TimeUnit.SECONDS);
        opportunity("fed:K:9");

        assertEquals(TradeStatus.FILLED, trades.poll(20, TimeUnit.SECONDS).status());
        // the decision, then both REQUESTED in one write: the order saw both on disk after two fdatasyncs
        assertEquals(2L, forcesAtFirstOrder.poll(5, TimeUnit.SECONDS));
        List<JournalEntry> recorded = repository.recent(10).await(5, TimeUnit.SECONDS);
        assertEquals(
                List.of("trade_decision", "order", "order"),
                recorded.subList(0, 3).stream().map(TradeJournalJson::type).toList());
        repository.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void anOpportunityThatOvertookItsMarketDataWaitsForItInsteadOfBeingRejected() throws Exception {
        long later = T0 + 5_000_000;
        OrderbookSet monitorBooks = Fixtures.standardBooks();
        monitorBooks.apply(
                Fixtures.kalshi(Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), later));
        MarketDataBatch opening = new MarketDataBatch(
                Platform.KALSHI,
                later,
                List.of(Fixtures.kalshi(
                        Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), later)));
        JsonLinesTradeRepository file = JsonLinesTradeRepository.open(vertx, dir.resolve("supplied.jsonl"), 100)
                .await(10, TimeUnit.SECONDS);
        // the window's market data reaches the executor only after its decision is journaled (queued behind it)
        TradeRepository journal = new TradeRepository() {
            @Override
            public Future<Void> append(JournalEntry entry) {
                return file.append(entry).onSuccess(done -> {
                    if (entry instanceof TradeDecision) {
                        vertx.runOnContext(v -> vertx.eventBus().publish(Addresses.MARKET_DATA, opening));
                    }
                });
            }

            @Override
            public Future<List<JournalEntry>> recent(int limit) {
                return file.recent(limit);
            }

            @Override
            public Future<Void> forEach(Consumer<JournalEntry> visitor) {
                return file.forEach(visitor);
            }

            @Override
            public Future<Void> close() {
                return file.close();
            }
        };
        vertx.deployVerticle(new TradeExecutorVerticle(
                        config(),
                        List.of(Fixtures.PAIR),
                        journal,
                        System::nanoTime,
                        Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket)))
                .await(10, TimeUnit.SECONDS);
        // before the window: Kalshi sells no YES at all
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.KALSHI,
                                T0,
                                List.of(Fixtures.kalshi(Fixtures.levels("0.38", "20"), Fixtures.levels(), T0))));
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                T0,
                                List.of(Fixtures.polymarket(
                                        Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), T0))));
        vertx.eventBus().request(Addresses.TRADES_QUERY, TradesQuery.ALL).await(5, TimeUnit.SECONDS);

        vertx.eventBus()
                .publish(
                        Addresses.OPPORTUNITIES,
                        Fixtures.detect(monitorBooks, Direction.KALSHI_YES_POLYMARKET_NO, "fed:K:overtook", later));

        TradeReport report = trades.poll(20, TimeUnit.SECONDS);
        assertEquals(TradeStatus.FILLED, report.status(), report.reason());
        assertEquals(1, kalshi.placed.size());
        file.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aDecisionThatGrewTooOldWhileItsRequestsWereJournaledSendsNoOrder() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        AtomicLong clock = new AtomicLong(ExecutorHarness.NOW);
        executor.deployLive(config(), List.of(Fixtures.PAIR), journal, venues(), clock::get);
        executor.publishStandardBooks();
        opportunity("fed:K:8");
        journal.next().complete(); // the decision
        ControlledRepository.Pending kalshiRequest = journal.next();
        ControlledRepository.Pending polymarketRequest = journal.next();
        assertEquals(OrderEventKind.REQUESTED, ((OrderEvent) kalshiRequest.entry()).kind());

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(FailClosedSettings.DEFAULT_MAX_DECISION_AGE_MILLIS + 1));
        kalshiRequest.complete();
        polymarketRequest.complete();

        for (int i = 0; i < 2; i++) {
            ControlledRepository.Pending closed = journal.next();
            assertEquals(OrderEventKind.NOT_SENT, ((OrderEvent) closed.entry()).kind());
            closed.complete();
        }
        ControlledRepository.Pending reported = journal.next();
        reported.complete();
        TradeReport report = trades.poll(5, TimeUnit.SECONDS);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertTrue(report.reason().contains("ms old, over the 250 ms limit"), report.reason());
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty(), "no order leaves");
    }

    @Test
    void aFillTheVenueCorrectedIsAJournaledPublishedAndCountedAlert() throws Exception {
        deploy();
        String mismatch = "polymarket order 0xabc (client order dt-t1-p-E0): the reply said 102 matched, the venue's"
                + " record 80; the venue's record is used";

        double before = alertsCounted("FILL_MISMATCH");

        polymarket.fillMismatches.accept(mismatch);

        ExecutionAlert alert = null;
        for (JournalEntry entry = execution.poll(5, TimeUnit.SECONDS);
                entry != null;
                entry = execution.poll(5, TimeUnit.SECONDS)) {
            if (entry instanceof ExecutionAlert found && found.kind() == ExecutionAlert.AlertKind.FILL_MISMATCH) {
                alert = found;
                break;
            }
        }
        assertTrue(alert != null, "published on dt.execution");
        assertEquals("polymarket: " + mismatch, alert.message());
        String journaledId = alert.eventId();
        assertTrue(journal().stream()
                .anyMatch(e -> e instanceof ExecutionAlert a && a.eventId().equals(journaledId)));
        assertEquals(before + 1, alertsCounted("FILL_MISMATCH"), "dt.execution.alerts{kind=FILL_MISMATCH}");
    }

    private static double alertsCounted(String kind) {
        var counter =
                Meters.registry().find("dt.execution.alerts").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}

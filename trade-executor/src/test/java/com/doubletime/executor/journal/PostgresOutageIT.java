package com.doubletime.executor.journal;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.FailClosedSettings;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.gateway.GatewayConfig;
import com.doubletime.gateway.GatewayVerticle;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19, "database outages": a live executor journaling to a real PostgreSQL ({@link LocalPostgres}, a server of
 * its own) trades a stream of windows; the server is stopped mid-stream and later started again. While it is down
 * trading halts visibly (not ready, {@code blockedBecause}, one alert) and no order leaves; when it is back the held
 * entries are written, trading resumes, and at the end the journal equals both venues' positions, every order the
 * venues received has its journaled request, and every trade published is in the journal.
 */
@Timeout(240)
class PostgresOutageIT {
    private static final long WINDOW_EVERY_MILLIS = 150;
    private static final long WAIT_SECONDS = 60;

    private final ExecutorHarness executor = new ExecutorHarness();
    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
    private final AtomicInteger windows = new AtomicInteger();
    private LocalPostgres server;
    private long stream = -1;

    PostgresOutageIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        if (stream >= 0) {
            executor.vertx.cancelTimer(stream);
        }
        executor.close();
        if (server != null) {
            server.stopServer();
        }
    }

    private ExecutorConfig config(PostgresJournalConfig postgres) {
        RiskLimits roomy = RiskLimits.DEFAULT.merge(Map.of(
                "maxPositionPerPair",
                10_000_000L,
                "maxTotalExposure",
                "100000000",
                "maxUnhedgedExposure",
                "100000000",
                "maxTradesPerMinute",
                6_000L));
        return new ExecutorConfig(
                        ExecutionMode.LIVE,
                        new BigDecimal("1000"),
                        Path.of("unused.jsonl"),
                        Duration.ofDays(3_650),
                        100,
                        LiveExecution.Settings.DEFAULT,
                        0,
                        postgres)
                .withRiskLimits(roomy, Map.of())
                .withFailClosed(new FailClosedSettings(Duration.ofMillis(250), 200, 2_000, true));
    }

    private TradingControl status() throws Exception {
        return executor.control(new ControlCommand.Status());
    }

    private static void await(String what, BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(50);
        }
    }

    private void awaitTrades(int count, List<TradeReport> into) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (into.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + into.size() + " trades");
            TradeReport report = executor.trades.poll(1, TimeUnit.SECONDS);
            if (report != null) {
                into.add(report);
            }
        }
    }

    private int placed() {
        return kalshi.placed.size() + polymarket.placed.size();
    }

    @Test
    void postgresStopsMidStreamTradingHaltsVisiblyThenResumesAndTheJournalEqualsTheVenues() throws Exception {
        server = LocalPostgres.dedicated();
        PostgresJournalConfig postgres = server.newDatabase("trade_journal");
        executor.deployLive(
                config(postgres),
                List.of(Fixtures.PAIR),
                null,
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                System::nanoTime);
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.DEFAULT.withPort(0), List.of(Fixtures.PAIR));
        executor.vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        WebClient web = WebClient.create(executor.vertx);
        executor.publishStandardBooks();
        stream = executor.vertx.setPeriodic(
                WINDOW_EVERY_MILLIS,
                id -> executor.vertx
                        .eventBus()
                        .publish(
                                Addresses.OPPORTUNITIES,
                                Fixtures.detect(
                                        Fixtures.standardBooks(),
                                        Direction.KALSHI_YES_POLYMARKET_NO,
                                        "fed:K:" + windows.incrementAndGet(),
                                        T0)));
        List<TradeReport> published = new ArrayList<>();
        awaitTrades(3, published);

        server.stopServer();

        await("trading halts", () -> {
            try {
                return status().haltedBecause() != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String halt = status().blockedBecause();
        assertTrue(halt.startsWith("the trade journal failed"), halt);
        JsonObject ready = web.get(gateway.actualPort(), "127.0.0.1", "/health/ready")
                .send()
                .await(10, TimeUnit.SECONDS)
                .bodyAsJsonObject();
        assertEquals("NOT_READY", ready.getString("status"));
        assertEquals("DOWN: halted: " + halt, ready.getJsonObject("checks").getString("trade-executor"));
        assertEquals(halt, ready.getString("blockedBecause"));
        int placedAtHalt = placed();
        int windowsAtHalt = windows.get();
        await("windows keep coming during the outage", () -> windows.get() >= windowsAtHalt + 20);
        assertEquals(placedAtHalt, placed(), "no order leaves while the journal is down");
        executor.trades.drainTo(published);

        server.startServer();

        await("trading resumes", () -> {
            try {
                return status().haltedBecause() == null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int before = published.size();
        awaitTrades(before + 3, published);
        executor.vertx.cancelTimer(stream);
        stream = -1;
        Thread.sleep(1_000); // the last windows' trades finish
        executor.trades.drainTo(published);

        List<JournalEntry> journal = read(postgres);
        assertEquals(
                1,
                executor.execution.stream()
                        .filter(e ->
                                e instanceof ExecutionAlert a && a.kind() == ExecutionAlert.AlertKind.TRADING_HALTED)
                        .count(),
                "one halt alert");
        assertTrue(journal.stream()
                .anyMatch(e -> e instanceof ExecutionAlert a && a.kind() == ExecutionAlert.AlertKind.TRADING_HALTED));
        Set<String> journaledTrades = new HashSet<>();
        Set<String> requested = new HashSet<>();
        Map<String, Long> journalPositions = new TreeMap<>();
        for (JournalEntry entry : journal) {
            if (entry instanceof TradeReport report) {
                journaledTrades.add(report.tradeId());
                journalPositions.merge(
                        "kalshi " + report.kalshi().order().instrument() + " "
                                + report.kalshi().order().outcome(),
                        report.kalshi().filledQuantity(),
                        Long::sum);
                journalPositions.merge(
                        "polymarket " + report.polymarket().order().instrument() + " "
                                + report.polymarket().order().outcome(),
                        report.polymarket().filledQuantity(),
                        Long::sum);
            } else if (entry instanceof OrderEvent order && order.kind() == OrderEventKind.REQUESTED) {
                requested.add(order.clientOrderId());
            }
        }
        for (TradeReport report : published) {
            assertTrue(journaledTrades.contains(report.tradeId()), "published " + report.tradeId() + " is journaled");
        }
        Set<String> sent = new HashSet<>();
        for (OrderRequest order : List.copyOf(kalshi.placed)) {
            assertTrue(sent.add(order.clientOrderId()), "sent once: " + order.clientOrderId());
        }
        for (OrderRequest order : List.copyOf(polymarket.placed)) {
            assertTrue(sent.add(order.clientOrderId()), "sent once: " + order.clientOrderId());
        }
        assertTrue(requested.containsAll(sent), "no order left without its journaled request");
        journalPositions.values().removeIf(quantity -> quantity == 0);
        assertEquals(venuePositions(), journalPositions, "the journal equals the venues");
        assertTrue(journalPositions.size() == 2, journalPositions.toString());
    }

    private Map<String, Long> venuePositions() throws Exception {
        Map<String, Long> positions = new TreeMap<>();
        for (FakeVenue venue : List.of(kalshi, polymarket)) {
            for (VenuePosition position :
                    venue.positions().toCompletableFuture().get(5, TimeUnit.SECONDS)) {
                positions.merge(
                        venue.platform.wireName() + " " + position.instrument() + " " + position.outcome(),
                        position.quantity() / FixedPoint.ONE,
                        Long::sum);
            }
        }
        return positions;
    }

    private List<JournalEntry> read(PostgresJournalConfig postgres) throws Exception {
        TradeRepository repository =
                PostgresTradeRepository.open(executor.vertx, postgres).await(30, TimeUnit.SECONDS);
        List<JournalEntry> all = new ArrayList<>();
        Map<String, Integer> unreadable = new HashMap<>();
        repository
                .readBack(new ReadBack() {
                    @Override
                    public void entry(JournalEntry entry, String where) {
                        all.add(entry);
                    }

                    @Override
                    public void unreadable(String where, String problem) {
                        unreadable.put(where + ": " + problem, 1);
                    }
                })
                .await(30, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);
        assertEquals(Map.of(), unreadable);
        return all;
    }
}

package com.doubletime.executor.recovery;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.journal.JsonLinesTradeRepository;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.executor.live.LiveExecution;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's durability contract under a power cut: the order path writes a trade's decision and requests before its
 * orders leave but flushes them while the orders are in flight, so a power cut may keep any prefix of the journal
 * from the last flush on. Two live trades run against venues that keep their own records; then, for every line of
 * the second trade at which the journal could end, a copy cut there is restarted in live mode over the same venues:
 * each ends with the journal's positions equal to both venues', and nothing sent again.
 */
@Timeout(120)
class PowerCutTest {
    @TempDir
    Path dir;

    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI).findingItsOrders();
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET).findingItsOrders();
    private final long started = System.nanoTime();
    /** Epoch nanos near the fixtures' books, so they are fresh; the venues' records use the same time. */
    private final LongSupplier clock = () -> T0 + (System.nanoTime() - started);

    PowerCutTest() {
        kalshi.nowMillis = () -> TimeUnit.NANOSECONDS.toMillis(clock.getAsLong());
        polymarket.nowMillis = kalshi.nowMillis;
        // Polymarket's order id is its hash, known before sending and journaled with the request
        polymarket.onOrderIdBeforeSending = order -> "v-" + order.clientOrderId();
    }

    private Map<Platform, VenueOrderGateway> venues() {
        return Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket);
    }

    private static ExecutorConfig config(Path journal) {
        return new ExecutorConfig(
                ExecutionMode.LIVE,
                new BigDecimal("1000"),
                journal,
                Duration.ofDays(3_650),
                100,
                LiveExecution.Settings.DEFAULT,
                0,
                null);
    }

    @Test
    void everyCutOfTheLastTradesLinesEndsWithTheJournalEqualToBothVenues() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        String firstTrade;
        String lastTrade;
        try (ExecutorHarness first = new ExecutorHarness()) {
            first.deployLive(config(journal), List.of(Fixtures.PAIR), null, venues(), clock);
            publishBooks(first);
            first.publishOpportunity("fed:K:1");
            TradeReport one = next(first);
            assertEquals(TradeStatus.FILLED, one.status());
            firstTrade = one.tradeId();
            first.publishOpportunity("fed:K:2");
            TradeReport second = next(first);
            assertEquals(TradeStatus.FILLED, second.status());
            lastTrade = second.tradeId();
        }
        int kalshiOrders = kalshi.placed.size();
        int polymarketOrders = polymarket.placed.size();
        assertEquals(2, kalshiOrders);
        assertEquals(2, polymarketOrders);

        List<String> lines = Files.readAllLines(journal);
        int decision = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"trade_decision\"") && lines.get(i).contains(lastTrade)) {
                decision = i;
                break;
            }
        }
        assertTrue(decision > 0, "the last trade's decision: " + lines);
        assertTrue(lines.size() - decision >= 4, "decision, requests, answers, report: " + lines);

        for (int kept = decision; kept <= lines.size(); kept++) {
            Path cut = dir.resolve("cut-" + kept + ".jsonl");
            Files.write(cut, lines.subList(0, kept));
            try (ExecutorHarness restarted = new ExecutorHarness()) {
                restarted.deployLive(config(cut), List.of(Fixtures.PAIR), null, venues(), clock);
                if (kept == decision) {
                    // the imported trade's steps reach the execution stream, its report last
                    JournalEntry step;
                    do {
                        step = restarted.execution.poll(5, TimeUnit.SECONDS);
                        assertNotNull(step, "the imported trade's report on the execution stream");
                    } while (!(step instanceof TradeReport));
                    assertEquals(lastTrade, step.tradeId());
                }
                PositionsReport.PairPosition held = positions(restarted);
                String where = "journal cut after " + kept + " of " + lines.size() + " lines ("
                        + (kept == 0 ? "none" : lines.get(kept - 1)) + ")";
                assertEquals(venueHeld(kalshi, Fixtures.TICKER), held.kalshiYes() - held.kalshiNo(), where);
                assertEquals(venueHeld(polymarket, Fixtures.NO_TOKEN), held.polymarketNo(), where);
                assertEquals(venueHeld(polymarket, Fixtures.YES_TOKEN), held.polymarketYes(), where);
                assertEquals(300, held.kalshiYes(), where);
                assertEquals(300, held.polymarketNo(), where);
                TradingControl control = restarted.control(new ControlCommand.Status());
                assertEquals(null, control.blockedBecause(), "trading goes on: " + where);
            }
            assertEquals(kalshiOrders, kalshi.placed.size(), "nothing sent again at Kalshi");
            assertEquals(polymarketOrders, polymarket.placed.size(), "nothing sent again at Polymarket");
            List<JournalEntry> recovered = entries(cut);
            List<TradeReport> reports = recovered.stream()
                    .filter(TradeReport.class::isInstance)
                    .map(TradeReport.class::cast)
                    .filter(r -> !r.tradeId().equals(firstTrade))
                    .toList();
            assertEquals(1, reports.size(), "one report for the last trade, cut after " + kept + " lines: " + reports);
            assertEquals(lastTrade, reports.get(0).tradeId());
            assertEquals(150, reports.get(0).hedgedQuantity(), "the trade ends hedged: " + reports.get(0));
            if (kept == decision) {
                // the whole trade was lost: imported from the venues' records under its own trade id
                TradeDecision imported = recovered.stream()
                        .filter(e -> e instanceof TradeDecision d && d.tradeId().equals(lastTrade))
                        .map(TradeDecision.class::cast)
                        .findFirst()
                        .orElseThrow();
                assertTrue(imported.reason().contains("imported at restart"), imported.reason());
                assertEquals(
                        2,
                        recovered.stream()
                                .filter(e -> e instanceof OrderEvent o
                                        && o.tradeId().equals(lastTrade)
                                        && o.kind() == OrderEventKind.RECONCILED)
                                .count());
                ExecutionAlert alert = recovered.stream()
                        .filter(e -> e instanceof ExecutionAlert a && a.kind() == ExecutionAlert.AlertKind.RECOVERED)
                        .map(ExecutionAlert.class::cast)
                        .findFirst()
                        .orElseThrow();
                assertTrue(alert.message().contains("kalshi holds 150, polymarket 150"), alert.message());
                TradeReport report = recovered.stream()
                        .filter(TradeReport.class::isInstance)
                        .map(TradeReport.class::cast)
                        .reduce((a, b) -> b)
                        .orElseThrow();
                assertEquals(TradeStatus.FILLED, report.status(), report.toString());
                assertEquals(150, report.hedgedQuantity());
            }
        }
    }

    @Test
    void aVenueThatCannotListItsOrdersLeavesTradingStoppedUntilAnOperatorChecks() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        try (ExecutorHarness first = new ExecutorHarness()) {
            first.deployLive(config(journal), List.of(Fixtures.PAIR), null, venues(), clock);
            publishBooks(first);
            first.publishOpportunity("fed:K:1");
            assertEquals(TradeStatus.FILLED, next(first).status());
        }
        polymarket.onOrdersSince = since -> CompletableFuture.failedFuture(new IllegalStateException("HTTP 503"));

        try (ExecutorHarness restarted = new ExecutorHarness()) {
            restarted.deployLive(config(journal), List.of(Fixtures.PAIR), null, venues(), clock);
            TradingControl control = restarted.control(new ControlCommand.Status());
            assertTrue(control.killSwitch(), control.toString());
            assertNotNull(control.haltedBecause());
            assertTrue(control.haltedBecause().contains("HTTP 503"), control.haltedBecause());
            assertTrue(control.haltedBecause().contains("acknowledge"), control.haltedBecause());
        }
        assertTrue(
                entries(journal).stream()
                        .anyMatch(e -> e instanceof ExecutionAlert a
                                && a.kind() == ExecutionAlert.AlertKind.TRADING_HALTED
                                && a.message().contains("HTTP 503")),
                "the halt is journaled");
    }

    private void publishBooks(ExecutorHarness executor) throws Exception {
        long now = clock.getAsLong();
        executor.publishKalshi(Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), now);
        executor.publish(new MarketDataBatch(
                Platform.POLYMARKET,
                now,
                List.of(Fixtures.polymarket(Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), now))));
        executor.barrier();
    }

    private static TradeReport next(ExecutorHarness executor) throws InterruptedException {
        TradeReport report = executor.trades.poll(20, TimeUnit.SECONDS);
        assertNotNull(report, "a trade report");
        return report;
    }

    private static PositionsReport.PairPosition positions(ExecutorHarness executor) throws Exception {
        PositionsReport report = executor.vertx
                .eventBus()
                .<PositionsReport>request(Addresses.POSITIONS_QUERY, PositionsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body();
        return report.pairs().get(0);
    }

    /** Whole contracts a venue holds on an instrument; Kalshi's signed (+ YES, − NO). */
    private static long venueHeld(FakeVenue venue, String instrument) throws Exception {
        long held = 0;
        for (VenuePosition position : venue.positions().toCompletableFuture().get(5, TimeUnit.SECONDS)) {
            if (position.instrument().equals(instrument)) {
                long whole = FixedPoint.wholeUnitsDown(position.quantity());
                held += position.outcome() == Outcome.NO && venue.platform == Platform.KALSHI ? -whole : whole;
            }
        }
        return held;
    }

    private List<JournalEntry> entries(Path file) throws Exception {
        try (ExecutorHarness reader = new ExecutorHarness()) {
            TradeRepository repository =
                    JsonLinesTradeRepository.open(reader.vertx, file, 1000).await(10, TimeUnit.SECONDS);
            List<JournalEntry> all = new ArrayList<>();
            repository.forEach(all::add).await(10, TimeUnit.SECONDS);
            repository.close().await(10, TimeUnit.SECONDS);
            return all;
        }
    }
}

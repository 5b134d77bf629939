package com.doubletime.executor.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: at restart every accepted decision without a report is closed in the journal with what really happened
 * — in live mode looked up at the venues by the client order ids its orders would have had, in paper mode saying
 * plainly that no order was sent — instead of a log line claiming "in paper mode no order was sent" in every mode.
 */
@Timeout(60)
class UnreportedDecisionTest {
    private static final TradeDecision DECISION = JournalSamples.PAPER_DECISION;

    private final ExecutorHarness executor = new ExecutorHarness();
    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);

    @TempDir
    Path dir;

    UnreportedDecisionTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private Path journal() {
        return dir.resolve("trades.jsonl");
    }

    private ExecutorConfig config(ExecutionMode mode) {
        return new ExecutorConfig(
                mode,
                new BigDecimal("1000"),
                journal(),
                Duration.ofDays(3_650),
                100,
                LiveExecution.Settings.DEFAULT,
                0,
                null);
    }

    private List<JournalEntry> entries() throws Exception {
        TradeRepository repository =
                JsonLinesTradeRepository.open(executor.vertx, journal(), 1000).await(10, TimeUnit.SECONDS);
        List<JournalEntry> all = new ArrayList<>();
        repository.forEach(all::add).await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);
        return all;
    }

    private void deployLive() throws Exception {
        Files.writeString(journal(), TradeJournalJson.write(DECISION) + "\n");
        executor.deployLive(
                config(ExecutionMode.LIVE),
                List.of(Fixtures.PAIR),
                null,
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                System::nanoTime);
    }

    @Test
    void paperClosesTheDecisionSayingPlainlyThatNoOrderWasSent() throws Exception {
        Files.writeString(journal(), TradeJournalJson.write(DECISION) + "\n");

        executor.deployPaper(config(ExecutionMode.PAPER), List.of(Fixtures.PAIR), null);

        TradeReport closed = executor.nextTrade();
        assertEquals(DECISION.tradeId(), closed.tradeId());
        assertEquals(ExecutionMode.PAPER, closed.mode());
        assertEquals(TradeStatus.REJECTED, closed.status());
        assertTrue(closed.reason().contains("paper mode, no order was sent"), closed.reason());
        assertEquals(
                TradeJournalJson.write(closed), TradeJournalJson.write(entries().get(1)), "journaled");
    }

    @Test
    void liveAsksTheVenuesByClientOrderIdAndReportsThatNoOrderWasSent() throws Exception {
        String kalshiId = LiveExecution.clientOrderId(DECISION.tradeId(), Platform.KALSHI, LegPurpose.ENTRY, 0);
        String polymarketId = LiveExecution.clientOrderId(DECISION.tradeId(), Platform.POLYMARKET, LegPurpose.ENTRY, 0);
        kalshi.onFind = (id, instrument) -> CompletableFuture.completedFuture(
                new OrderResult(id, null, OrderStatus.UNFILLED, 0, 0, -1, BigDecimal.ZERO, null, "no such order"));

        deployLive();

        TradeReport closed = executor.nextTrade();
        assertEquals(TradeStatus.REJECTED, closed.status());
        assertEquals(ExecutionMode.LIVE, closed.mode());
        assertTrue(closed.reason().contains("no order was sent (kalshi has no order " + kalshiId), closed.reason());
        assertTrue(
                closed.reason().contains("polymarket has no order " + polymarketId + " it can tell of"),
                closed.reason());
        assertTrue(kalshi.calls.contains("find " + kalshiId + " " + Fixtures.TICKER), kalshi.calls.toString());
        assertTrue(polymarket.calls.contains("find " + polymarketId + " " + Fixtures.NO_TOKEN));
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty(), "nothing is sent");
        List<JournalEntry> journaled = entries();
        assertEquals(
                ExecutionAlert.AlertKind.RECOVERED,
                assertInstanceOf(ExecutionAlert.class, journaled.get(1)).kind());
        assertEquals(TradeJournalJson.write(closed), TradeJournalJson.write(journaled.get(2)));
    }

    @Test
    void liveCountsAnOrderAVenueHoldsThoughTheJournalNeverRequestedIt() throws Exception {
        kalshi.onFind = (id, instrument) -> CompletableFuture.completedFuture(new OrderResult(
                id,
                "k-123",
                OrderStatus.FILLED,
                DECISION.quantity() * FixedPoint.ONE,
                0,
                DECISION.kalshi().limitPrice(),
                new BigDecimal("1.73"),
                null,
                null));

        deployLive();

        TradeReport closed = executor.nextTrade();
        assertEquals(DECISION.quantity(), closed.kalshi().filledQuantity());
        assertEquals(0, closed.polymarket().filledQuantity());
        OrderEvent reconciled = entries().stream()
                .filter(OrderEvent.class::isInstance)
                .map(OrderEvent.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals(OrderEventKind.RECONCILED, reconciled.kind());
        assertEquals("k-123", reconciled.venueOrderId());
        PositionsReport positions = executor.vertx
                .eventBus()
                .<PositionsReport>request(Addresses.POSITIONS_QUERY, PositionsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body();
        assertEquals(DECISION.quantity(), positions.pairs().get(0).kalshiYes());
    }
}

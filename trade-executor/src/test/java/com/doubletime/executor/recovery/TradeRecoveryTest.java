package com.doubletime.executor.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.PaperDesk;
import com.doubletime.executor.journal.JsonLinesTradeRepository;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.executor.live.LegRiskPolicy;
import com.doubletime.executor.live.LiveExecution;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process "killed" between the two legs' acknowledgements: the journal (a real file journal) stops
 * recording at a chosen entry, as if the process died right after writing it. A fresh recovery over the
 * same file then closes the trade without sending any order again.
 */
@Timeout(60)
class TradeRecoveryTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final TradeDecision decision = decision();

    @AfterEach
    void stop() throws Exception {
        timers.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static TradeDecision decision() {
        return PaperDesk.standardDecision("t9", "o9");
    }

    private TradeRepository open() throws Exception {
        return JsonLinesTradeRepository.open(vertx, dir.resolve("trades.jsonl"), 100)
                .await(10, TimeUnit.SECONDS);
    }

    /** Runs the trade until {@code lastWritten} is journaled; every later write never completes (the crash). */
    private void runUntilKilled(FakeVenue kalshi, FakeVenue polymarket, Predicate<JournalEntry> lastWritten)
            throws Exception {
        TradeRepository repository = open();
        repository.append(decision).await(10, TimeUnit.SECONDS);
        boolean[] dead = {false};
        CompletableFuture<Void> killed = new CompletableFuture<>();
        LiveExecution engine = new LiveExecution(
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                entry -> {
                    synchronized (dead) {
                        if (dead[0]) {
                            return new CompletableFuture<>();
                        }
                        repository
                                .append(entry)
                                .toCompletionStage()
                                .toCompletableFuture()
                                .join();
                        if (lastWritten.test(entry)) {
                            dead[0] = true;
                            killed.complete(null);
                            return new CompletableFuture<>();
                        }
                        return CompletableFuture.completedFuture(null);
                    }
                },
                Fixtures.scheduler(timers),
                System::nanoTime,
                new LiveExecution.Settings(
                        TimeInForce.IMMEDIATE_OR_CANCEL,
                        TimeInForce.IMMEDIATE_OR_CANCEL,
                        5_000,
                        1_000,
                        50,
                        LegRiskPolicy.reportOnly()));
        engine.execute(decision, Fixtures.PAIR);
        killed.get(20, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);
    }

    /** Restart: a fresh journal over the same file, a fresh recovery and fresh venue clients. */
    private List<TradeReport> restart(FakeVenue kalshi, FakeVenue polymarket) throws Exception {
        return restart(kalshi, polymarket, Fixtures.PAIR);
    }

    /** @param pair the trade's pair as configured at the restart (null: removed since) */
    private List<TradeReport> restart(FakeVenue kalshi, FakeVenue polymarket, MarketPair pair) throws Exception {
        TradeRepository repository = open();
        TradeRecovery recovery = new TradeRecovery();
        repository.forEach(recovery::fold).await(10, TimeUnit.SECONDS);
        List<TradeReport> reports = new ArrayList<>();
        for (TradeRecovery.Interrupted trade : recovery.interrupted()) {
            reports.add(TradeRecovery.reconcile(
                            trade,
                            pair,
                            Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                            entry -> repository.append(entry).toCompletionStage(),
                            System::nanoTime,
                            List.of())
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS));
        }
        repository.close().await(10, TimeUnit.SECONDS);
        return reports;
    }

    private List<JournalEntry> journal() throws Exception {
        TradeRepository repository = open();
        List<JournalEntry> all = new ArrayList<>();
        repository.forEach(all::add).await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);
        return all;
    }

    private static boolean ack(JournalEntry entry, Platform platform) {
        return entry instanceof OrderEvent e && e.kind() == OrderEventKind.ACKNOWLEDGED && e.platform() == platform;
    }

    @Test
    void killedAfterOneAckAndBeforeTheOtherRecoversTheKnownLegAndReportsTheOtherUnknownWithoutResending()
            throws Exception {
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        CompletableFuture<OrderResult> polymarketAnswer = new CompletableFuture<>(); // answered only after the crash
        polymarket.onPlace = order -> polymarketAnswer;
        runUntilKilled(kalshi, polymarket, entry -> ack(entry, Platform.KALSHI));

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarketAfter = new FakeVenue(Platform.POLYMARKET);
        List<TradeReport> reports = restart(kalshiAfter, polymarketAfter);

        assertTrue(kalshiAfter.placed.isEmpty() && polymarketAfter.placed.isEmpty(), "nothing is sent twice");
        assertEquals(1, reports.size());
        TradeReport report = reports.get(0);
        assertEquals(102, report.kalshi().filledQuantity());
        assertEquals(0, report.polymarket().filledQuantity());
        assertTrue(report.reason().contains("UNKNOWN order dt-t9-p-E0"), report.reason());
        List<JournalEntry> journal = journal();
        assertTrue(journal.stream()
                .anyMatch(e -> e instanceof ExecutionAlert a && a.kind() == ExecutionAlert.AlertKind.RECOVERED));
        assertEquals(1, journal.stream().filter(TradeReport.class::isInstance).count());
        // a second restart finds nothing left to recover and journals nothing
        assertEquals(List.of(), restart(kalshiAfter, polymarketAfter));
        assertEquals(journal.size(), journal().size());
    }

    @Test
    void aTradeWhosePairWasRemovedEstimatesUnreportedFeesAtTheHighestDocumentedRateNotZero() throws Exception {
        // both legs answered FILLED without a fee (as Polymarket's order answer does), then the crash
        runUntilKilled(
                new FakeVenue(Platform.KALSHI),
                new FakeVenue(Platform.POLYMARKET),
                entry -> ack(entry, Platform.POLYMARKET));

        TradeReport report = restart(new FakeVenue(Platform.KALSHI), new FakeVenue(Platform.POLYMARKET), null)
                .get(0);

        // 0.07 × 102 × 0.53 × 0.47 = 1.778574 → $1.77858 (the pair's 0.04 would be $1.01633; before: 0)
        assertEquals(new BigDecimal("1.77858"), report.polymarket().fee());
        assertEquals(new BigDecimal("1.74"), report.kalshi().fee());
        assertTrue(journal().stream()
                .anyMatch(e -> e instanceof ExecutionAlert a
                        && a.kind() == ExecutionAlert.AlertKind.RECOVERED
                        && a.message().contains("pair " + Fixtures.PAIR_ID + " is no longer configured")));
    }

    @Test
    void killedWithADelayedLegAsksTheVenueByOrderIdAndEndsHedged() throws Exception {
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        polymarket.onPlace = order -> CompletableFuture.completedFuture(new OrderResult(
                order.clientOrderId(),
                "0xabc",
                OrderStatus.DELAYED,
                0,
                order.quantity(),
                -1,
                BigDecimal.ZERO,
                null,
                null));
        polymarket.onStatus =
                id -> new OrderResult(null, id, OrderStatus.DELAYED, 0, 0, -1, BigDecimal.ZERO, null, null);
        // the crash comes after both acknowledgements, while the delayed order is being polled
        runUntilKilled(kalshi, polymarket, entry -> ack(entry, Platform.POLYMARKET));

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarketAfter = new FakeVenue(Platform.POLYMARKET);
        polymarketAfter.onStatus = id -> new OrderResult(
                null,
                id,
                OrderStatus.FILLED,
                102 * FixedPoint.ONE,
                0,
                FixedPoint.parse("0.53"),
                BigDecimal.ZERO,
                null,
                null);
        List<JournalEntry> before = journal();
        boolean kalshiAcked = before.stream().anyMatch(e -> ack(e, Platform.KALSHI));
        List<TradeReport> reports = restart(kalshiAfter, polymarketAfter);

        assertTrue(kalshiAfter.placed.isEmpty() && polymarketAfter.placed.isEmpty(), "nothing is sent twice");
        assertTrue(polymarketAfter.calls.contains("status 0xabc"), polymarketAfter.calls.toString());
        TradeReport report = reports.get(0);
        assertEquals(102, report.polymarket().filledQuantity());
        if (kalshiAcked) {
            assertEquals(TradeStatus.FILLED, report.status());
            assertEquals(0, report.unhedgedQuantity());
        }
    }

    /** Killed after the Polymarket leg's acknowledgement while the Kalshi leg's answer never came. */
    private String killedWithTheKalshiAnswerMissing() throws Exception {
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        kalshi.onPlace = order -> new CompletableFuture<>(); // sent, never answered before the crash
        runUntilKilled(kalshi, polymarket, entry -> ack(entry, Platform.POLYMARKET));
        assertEquals(1, kalshi.placed.size());
        return kalshi.placed.get(0).clientOrderId();
    }

    private static OrderEvent reconciled(List<JournalEntry> journal, Platform platform) {
        return journal.stream()
                .filter(e ->
                        e instanceof OrderEvent o && o.kind() == OrderEventKind.RECONCILED && o.platform() == platform)
                .map(OrderEvent.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPolymarketLegWithoutAJournaledAnswerIsFoundByTheOrderHashJournaledWithItsRequest() throws Exception {
        String hash = "0x" + "ab".repeat(32);
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        polymarket.onOrderIdBeforeSending = order -> hash; // the EIP-712 hash, known before the order leaves
        polymarket.onPlace = order -> new CompletableFuture<>(); // sent, never answered before the crash
        runUntilKilled(kalshi, polymarket, entry -> ack(entry, Platform.KALSHI));
        OrderEvent request = journal().stream()
                .filter(e -> e instanceof OrderEvent o
                        && o.kind() == OrderEventKind.REQUESTED
                        && o.platform() == Platform.POLYMARKET)
                .map(OrderEvent.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals(hash, request.venueOrderId(), "the hash is journaled with the request, before sending");

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarketAfter = new FakeVenue(Platform.POLYMARKET);
        polymarketAfter.onFindByVenueOrderId = (id, clientOrderId) -> CompletableFuture.completedFuture(new OrderResult(
                clientOrderId,
                id,
                OrderStatus.FILLED,
                102 * FixedPoint.ONE,
                0,
                FixedPoint.parse("0.53"),
                new BigDecimal("1.01793"),
                null,
                null));
        List<TradeReport> reports = restart(kalshiAfter, polymarketAfter);

        assertTrue(kalshiAfter.placed.isEmpty() && polymarketAfter.placed.isEmpty(), "nothing is sent twice");
        assertEquals(List.of("find-by-venue-id " + hash), polymarketAfter.calls);
        TradeReport report = reports.get(0);
        assertEquals(TradeStatus.FILLED, report.status(), report.toString());
        assertEquals(102, report.polymarket().filledQuantity());
        assertEquals(0, report.unhedgedQuantity());
        OrderEvent found = reconciled(journal(), Platform.POLYMARKET);
        assertEquals(OrderStatus.FILLED, found.status());
        assertEquals(hash, found.venueOrderId());
    }

    @Test
    void aPolymarketLegWhoseHashLookupFailsStaysUnknownAndIsReportedNotResent() throws Exception {
        String hash = "0x" + "cd".repeat(32);
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        polymarket.onOrderIdBeforeSending = order -> hash;
        polymarket.onPlace = order -> new CompletableFuture<>();
        runUntilKilled(kalshi, polymarket, entry -> ack(entry, Platform.KALSHI));

        FakeVenue unreachable = new FakeVenue(Platform.POLYMARKET);
        unreachable.onFindByVenueOrderId =
                (id, clientOrderId) -> CompletableFuture.failedFuture(new IllegalStateException("HTTP 503"));
        TradeReport unknown =
                restart(new FakeVenue(Platform.KALSHI), unreachable).get(0);
        assertTrue(unknown.reason().contains("UNKNOWN"), unknown.reason());
        assertEquals(102, unknown.unhedgedQuantity(), "the Kalshi leg is held, the Polymarket one unknown");
        assertTrue(reconciled(journal(), Platform.POLYMARKET).detail().contains("HTTP 503"));
    }

    @Test
    void aLegWithoutAJournaledAnswerIsSettledByItsClientOrderIdAndTheTradeEndsHedged() throws Exception {
        String kalshiId = killedWithTheKalshiAnswerMissing();

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarketAfter = new FakeVenue(Platform.POLYMARKET);
        kalshiAfter.onFind = (clientOrderId, instrument) -> CompletableFuture.completedFuture(new OrderResult(
                clientOrderId,
                "k-77",
                OrderStatus.FILLED,
                102 * FixedPoint.ONE,
                0,
                FixedPoint.parse("0.45"),
                new BigDecimal("1.79"),
                null,
                null));
        List<TradeReport> reports = restart(kalshiAfter, polymarketAfter);

        assertTrue(kalshiAfter.placed.isEmpty() && polymarketAfter.placed.isEmpty(), "nothing is sent twice");
        assertEquals(List.of("find " + kalshiId + " " + decision.kalshi().instrument()), kalshiAfter.calls);
        TradeReport report = reports.get(0);
        assertEquals(TradeStatus.FILLED, report.status(), report.toString());
        assertEquals(102, report.kalshi().filledQuantity());
        assertEquals(102, report.polymarket().filledQuantity());
        assertEquals(0, report.unhedgedQuantity());
        List<JournalEntry> journal = journal();
        OrderEvent kalshiReconciled = reconciled(journal, Platform.KALSHI);
        assertEquals(OrderStatus.FILLED, kalshiReconciled.status());
        assertEquals("k-77", kalshiReconciled.venueOrderId());
        assertEquals(102 * FixedPoint.ONE, kalshiReconciled.filledQuantity());
        assertEquals(kalshiId, kalshiReconciled.clientOrderId());
        assertEquals(1, journal.stream().filter(TradeReport.class::isInstance).count());
        assertEquals(List.of(), restart(kalshiAfter, polymarketAfter));
    }

    @Test
    void anOrderTheVenueNeverSawIsUnfilledAndTheTradeIsReportedUnhedged() throws Exception {
        String kalshiId = killedWithTheKalshiAnswerMissing();

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        kalshiAfter.onFind = (clientOrderId, instrument) -> CompletableFuture.completedFuture(new OrderResult(
                clientOrderId,
                null,
                OrderStatus.UNFILLED,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                "not_found",
                "never reached the venue"));
        TradeReport report =
                restart(kalshiAfter, new FakeVenue(Platform.POLYMARKET)).get(0);

        assertEquals(0, report.kalshi().filledQuantity());
        assertEquals(102, report.polymarket().filledQuantity());
        assertEquals(102, report.unhedgedQuantity());
        assertTrue(report.reason() == null || !report.reason().contains("UNKNOWN order " + kalshiId), report.reason());
        assertEquals(
                OrderStatus.UNFILLED, reconciled(journal(), Platform.KALSHI).status());
    }

    @Test
    void aLookupThatCannotTellOrFailsLeavesTheLegUnknownWithTheRecoveredAlert() throws Exception {
        String kalshiId = killedWithTheKalshiAnswerMissing();

        FakeVenue kalshiAfter = new FakeVenue(Platform.KALSHI);
        kalshiAfter.onFind =
                (clientOrderId, instrument) -> CompletableFuture.failedFuture(new IllegalStateException("down"));
        TradeReport report =
                restart(kalshiAfter, new FakeVenue(Platform.POLYMARKET)).get(0);

        assertEquals(0, report.kalshi().filledQuantity());
        assertTrue(report.reason().contains("UNKNOWN order " + kalshiId), report.reason());
        List<JournalEntry> journal = journal();
        OrderEvent kalshiReconciled = reconciled(journal, Platform.KALSHI);
        assertEquals(OrderStatus.UNKNOWN, kalshiReconciled.status());
        assertTrue(kalshiReconciled.detail().contains("down"), kalshiReconciled.detail());
        assertTrue(journal.stream()
                .anyMatch(e -> e instanceof ExecutionAlert a && a.kind() == ExecutionAlert.AlertKind.RECOVERED));
    }
}

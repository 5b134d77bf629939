package com.doubletime.executor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.LevelFill;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.PaperDesk;
import com.doubletime.executor.lifecycle.TradeJournal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live engine against scripted venues: legs, timeouts, delayed orders and every leg-risk policy. */
@Timeout(60)
class LiveExecutionTest {
    private final FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
    private final FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
    private final List<JournalEntry> journal = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final TradeDecision decision = decision();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    private static TradeDecision decision() {
        return PaperDesk.standardDecision("t1", "o1"); // 102 contracts, limits 0.42 / 0.53
    }

    private TradeReport run(LegRiskPolicy policy) throws Exception {
        return run(new LiveExecution.Settings(
                TimeInForce.IMMEDIATE_OR_CANCEL, TimeInForce.IMMEDIATE_OR_CANCEL, 2_000, 1_000, 50, policy));
    }

    private TradeReport run(LiveExecution.Settings settings) throws Exception {
        return engine(settings)
                .execute(decision, Fixtures.PAIR)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** The engine against the two scripted venues, journaling to {@code journal}. */
    private LiveExecution engine(LiveExecution.Settings settings) {
        return new LiveExecution(
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                entry -> {
                    journal.add(entry);
                    return CompletableFuture.completedFuture(null);
                },
                Fixtures.scheduler(timers),
                System::nanoTime,
                settings);
    }

    private List<OrderEvent> orders() {
        synchronized (journal) {
            return journal.stream()
                    .filter(OrderEvent.class::isInstance)
                    .map(OrderEvent.class::cast)
                    .toList();
        }
    }

    private List<ExecutionAlert> alerts() {
        synchronized (journal) {
            return journal.stream()
                    .filter(ExecutionAlert.class::isInstance)
                    .map(ExecutionAlert.class::cast)
                    .toList();
        }
    }

    @Test
    void bothLegsFilledIsAHedgedTradeWithFeesInItsPnl() throws Exception {
        TradeReport report = run(LegRiskPolicy.reportOnly());

        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(102, report.hedgedQuantity());
        assertEquals(0, report.unhedgedQuantity());
        // 102 × 0.42 + fee ⌈0.07 × 102 × 0.42 × 0.58⌉ = 42.84 + 1.74; 102 × 0.53 + ⌈0.04 × 102 × 0.53 × 0.47⌉₅ = 54.06
        // + 1.01633
        assertEquals(
                0,
                new BigDecimal("99.65633").compareTo(report.totalCost()),
                report.totalCost().toPlainString());
        assertEquals(0, new BigDecimal("2.34367").compareTo(report.realisedEdge()));
        assertTrue(alerts().isEmpty());
    }

    @Test
    void journalsBothRequestsBeforeEitherOrderIsSentWithIdsFromTheTradeId() throws Exception {
        kalshi.onPlace = order -> {
            assertEquals(2, orders().size(), "both REQUESTED entries are journaled first");
            return CompletableFuture.completedFuture(FakeVenue.fill(order, order.quantity(), order.limitPrice()));
        };
        run(LegRiskPolicy.reportOnly());

        List<OrderEvent> events = orders();
        assertEquals(OrderEventKind.REQUESTED, events.get(0).kind());
        assertEquals(OrderEventKind.REQUESTED, events.get(1).kind());
        assertEquals("dt-t1-k-E0", kalshi.placed.get(0).clientOrderId());
        assertEquals("dt-t1-p-E0", polymarket.placed.get(0).clientOrderId());
        assertEquals(4, events.size());
    }

    @Test
    void journalsBothEntryRequestsAsOneBatchThatCompletesBeforeEitherOrderIsSent() throws Exception {
        List<List<JournalEntry>> batches = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        TradeJournal batching = new TradeJournal() {
            @Override
            public CompletionStage<Void> append(JournalEntry entry) {
                journal.add(entry);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> appendAll(List<JournalEntry> entries) {
                batches.add(List.copyOf(entries));
                journal.addAll(entries);
                return flushed;
            }
        };
        LiveExecution engine = new LiveExecution(
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                batching,
                Fixtures.scheduler(timers),
                System::nanoTime,
                LiveExecution.Settings.DEFAULT);
        CompletableFuture<TradeReport> report =
                engine.execute(decision, Fixtures.PAIR).toCompletableFuture();

        assertEquals(1, batches.size());
        assertEquals(
                List.of("dt-t1-k-E0", "dt-t1-p-E0"),
                batches.get(0).stream()
                        .map(e -> ((OrderEvent) e).clientOrderId())
                        .toList());
        assertTrue(batches.get(0).stream().allMatch(e -> ((OrderEvent) e).kind() == OrderEventKind.REQUESTED));
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty(), "no order before the batch is durable");

        flushed.complete(null);
        assertEquals(TradeStatus.FILLED, report.get(30, TimeUnit.SECONDS).status());
        assertEquals(1, kalshi.placed.size());
        assertEquals(1, polymarket.placed.size());
    }

    @Test
    void aRejectedLegIsReHedgedUpToTheWorstPrice() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(
                order.clientOrderId().endsWith("E0")
                        ? FakeVenue.rejected(order, "429")
                        : FakeVenue.fill(order, order.quantity(), order.limitPrice()));

        TradeReport report = run(LegRiskPolicy.rehedge(FixedPoint.parse("0.02")));

        OrderRequest rehedge = polymarket.placed.get(1);
        assertEquals(OrderAction.BUY, rehedge.action());
        assertEquals(FixedPoint.parse("0.55"), rehedge.limitPrice());
        assertEquals(102 * FixedPoint.ONE, rehedge.quantity());
        assertEquals(0, report.unhedgedQuantity());
        assertEquals(102, report.hedgedQuantity());
        assertEquals(
                List.of(ExecutionAlert.AlertKind.UNHEDGED, ExecutionAlert.AlertKind.LEG_RISK_HANDLED),
                alerts().stream().map(ExecutionAlert::kind).toList());
        assertTrue(
                alerts().get(1).message().startsWith("leg risk closed"),
                alerts().get(1).message());
    }

    @Test
    void whatTheReHedgeCannotBuyIsUnwoundWithinTheMaxLoss() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(
                order.clientOrderId().endsWith("E0")
                        ? FakeVenue.fill(order, 40 * FixedPoint.ONE, order.limitPrice()) // 40 of 102
                        : FakeVenue.fill(order, 12 * FixedPoint.ONE, order.limitPrice())); // re-hedge gets 12 of 62
        kalshi.onPlace = order -> CompletableFuture.completedFuture(
                order.action() == OrderAction.SELL
                        ? FakeVenue.fill(order, order.quantity(), FixedPoint.parse("0.40"))
                        : FakeVenue.fill(order, order.quantity(), order.limitPrice()));

        TradeReport report = run(LegRiskPolicy.rehedgeThenUnwind(FixedPoint.parse("0.02"), FixedPoint.parse("0.05")));

        OrderRequest unwind = kalshi.placed.get(1);
        assertEquals(OrderAction.SELL, unwind.action());
        assertEquals(50 * FixedPoint.ONE, unwind.quantity());
        assertEquals(FixedPoint.parse("0.37"), unwind.limitPrice()); // bought at 0.42, max loss 0.05
        assertEquals(52, report.kalshi().filledQuantity());
        assertEquals(52, report.polymarket().filledQuantity());
        assertEquals(0, report.unhedgedQuantity());
        assertEquals(TradeStatus.PARTIALLY_FILLED, report.status());
        assertEquals(
                List.of(LegPurpose.ENTRY, LegPurpose.ENTRY, LegPurpose.REHEDGE, LegPurpose.UNWIND),
                orders().stream()
                        .filter(e -> e.kind() == OrderEventKind.REQUESTED)
                        .map(OrderEvent::purpose)
                        .toList());
        assertTrue(report.reason().contains("sold 50 (unwind)"), report.reason());
    }

    @Test
    void entryLegsFilledElsewhereKeepTheirExactFillsAndOnlyTheGapGoesThroughThePolicy() throws Exception {
        // a backtest filled the entries against replayed books: Kalshi all 102 over two levels, Polymarket 60
        LegFill kalshiEntry = new LegFill(
                decision.kalshi(),
                102,
                102,
                List.of(
                        new LevelFill(FixedPoint.parse("0.41"), 2 * FixedPoint.ONE),
                        new LevelFill(FixedPoint.parse("0.42"), 100 * FixedPoint.ONE)),
                new BigDecimal("42.82"),
                new BigDecimal("1.74"));
        LegFill polymarketEntry = new LegFill(
                decision.polymarket(),
                102,
                60,
                List.of(new LevelFill(FixedPoint.parse("0.53"), 60 * FixedPoint.ONE)),
                new BigDecimal("31.80"),
                new BigDecimal("0.59784"));
        polymarket.onPlace =
                order -> CompletableFuture.completedFuture(FakeVenue.fill(order, order.quantity(), order.limitPrice()));
        LiveExecution engine = engine(new LiveExecution.Settings(
                TimeInForce.IMMEDIATE_OR_CANCEL,
                TimeInForce.IMMEDIATE_OR_CANCEL,
                2_000,
                1_000,
                50,
                LegRiskPolicy.rehedge(FixedPoint.parse("0.02"))));

        TradeReport report = engine.afterEntries(decision, Fixtures.PAIR, kalshiEntry, polymarketEntry)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertTrue(kalshi.placed.isEmpty(), "no entry order is sent again");
        assertEquals(1, polymarket.placed.size());
        OrderRequest rehedge = polymarket.placed.get(0);
        assertEquals(42 * FixedPoint.ONE, rehedge.quantity(), "only the 42 missing");
        assertEquals(FixedPoint.parse("0.55"), rehedge.limitPrice());
        assertEquals(102, report.hedgedQuantity());
        assertEquals(0, new BigDecimal("42.82").compareTo(report.kalshi().cost()), "the entry's exact cost");
        assertEquals(0, new BigDecimal("1.74").compareTo(report.kalshi().fee()));
        // Polymarket: 31.80 + 42 × 0.55 = 54.90
        assertEquals(0, new BigDecimal("54.90").compareTo(report.polymarket().cost()));
        assertEquals(kalshiEntry.levels(), report.kalshi().levels());
        assertEquals(
                List.of(ExecutionAlert.AlertKind.UNHEDGED, ExecutionAlert.AlertKind.LEG_RISK_HANDLED),
                alerts().stream().map(ExecutionAlert::kind).toList());
        assertEquals(
                List.of(LegPurpose.REHEDGE),
                orders().stream()
                        .filter(e -> e.kind() == OrderEventKind.REQUESTED)
                        .map(OrderEvent::purpose)
                        .toList());
    }

    @Test
    void reportOnlyLeavesPartialFillsUnhedgedAndSaysSo() throws Exception {
        kalshi.onPlace = order ->
                CompletableFuture.completedFuture(FakeVenue.fill(order, 60 * FixedPoint.ONE, order.limitPrice()));

        TradeReport report = run(LegRiskPolicy.reportOnly());

        assertEquals(42, report.unhedgedQuantity());
        assertEquals(TradeStatus.PARTIALLY_FILLED, report.status());
        assertTrue(
                alerts().get(1).message().contains("42 contracts still UNHEDGED"),
                alerts().get(1).message());
    }

    @Test
    void aLegWithoutAnswerTimesOutAsUnknownIsNeverResentAndBlocksThePolicy() throws Exception {
        polymarket.onPlace = order -> new CompletableFuture<>(); // never answers

        TradeReport report = run(LegRiskPolicy.rehedgeThenUnwind(20_000, 50_000));

        assertEquals(1, polymarket.placed.size());
        assertEquals(1, kalshi.placed.size());
        assertEquals(
                OrderEventKind.ERROR,
                orders().stream()
                        .filter(e -> e.platform() == Platform.POLYMARKET)
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .kind());
        assertTrue(report.reason().contains("UNKNOWN order dt-t1-p-E0"), report.reason());
        assertTrue(
                alerts().get(0).message().contains("no leg-risk order is sent"),
                alerts().get(0).message());
    }

    @Test
    void aDelayedOrderIsAwaitedAndItsLaterFillCounts() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(new OrderResult(
                order.clientOrderId(),
                "0xhash",
                OrderStatus.DELAYED,
                0,
                order.quantity(),
                -1,
                BigDecimal.ZERO,
                null,
                null));
        int[] polls = {0};
        polymarket.onStatus = id -> ++polls[0] < 3
                ? new OrderResult(null, id, OrderStatus.DELAYED, 0, 0, -1, BigDecimal.ZERO, null, null)
                : new OrderResult(
                        null,
                        id,
                        OrderStatus.FILLED,
                        102 * FixedPoint.ONE,
                        0,
                        FixedPoint.parse("0.52"),
                        BigDecimal.ZERO,
                        null,
                        null);

        TradeReport report = run(LegRiskPolicy.reportOnly());

        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(102, report.hedgedQuantity());
        assertNull(report.reason());
    }

    @Test
    void aDelayedOrderStillDelayedAtTheBoundIsCancelledThenThePolicyApplies() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(
                order.clientOrderId().endsWith("E0")
                        ? new OrderResult(
                                order.clientOrderId(),
                                "0xhash",
                                OrderStatus.DELAYED,
                                0,
                                order.quantity(),
                                -1,
                                BigDecimal.ZERO,
                                null,
                                null)
                        : FakeVenue.fill(order, order.quantity(), order.limitPrice()));
        polymarket.onStatus =
                id -> new OrderResult(null, id, OrderStatus.DELAYED, 0, 0, -1, BigDecimal.ZERO, null, null);

        TradeReport report = run(LegRiskPolicy.rehedge(20_000));

        assertTrue(polymarket.calls.contains("cancel 0xhash"), polymarket.calls.toString());
        assertTrue(orders().stream().anyMatch(e -> e.kind() == OrderEventKind.CANCELLED));
        assertEquals(0, report.unhedgedQuantity());
        assertEquals(2, polymarket.placed.size());
    }

    @Test
    void anOrderMatchedJustBeforeItsCancelCountsItsFillsNotTheRefusedCancel() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(new OrderResult(
                order.clientOrderId(),
                "0xhash",
                OrderStatus.DELAYED,
                0,
                order.quantity(),
                -1,
                BigDecimal.ZERO,
                null,
                null));
        boolean[] cancelAsked = {false};
        OrderResult matched = new OrderResult(
                null,
                "0xhash",
                OrderStatus.FILLED,
                102 * FixedPoint.ONE,
                0,
                FixedPoint.parse("0.52"),
                BigDecimal.ZERO,
                null,
                null);
        polymarket.onStatus = id -> cancelAsked[0]
                ? matched
                : new OrderResult(null, id, OrderStatus.DELAYED, 0, 0, -1, BigDecimal.ZERO, null, null);
        // what Polymarket answers when the order matched before the cancel reached it
        polymarket.onCancel = id -> {
            cancelAsked[0] = true;
            return new OrderResult(
                    null, id, OrderStatus.REJECTED, 0, 0, -1, BigDecimal.ZERO, "not_canceled", "order matched");
        };

        TradeReport report = run(LegRiskPolicy.rehedge(20_000));

        // before: the refused cancel's 0 filled was the leg's result, so 102 bought contracts went unrecorded
        // and the policy bought the Polymarket leg a second time
        assertEquals(TradeStatus.FILLED, report.status(), String.valueOf(report));
        assertEquals(102, report.hedgedQuantity());
        assertEquals(1, polymarket.placed.size(), "no re-hedge order: the leg was filled");
    }

    @Test
    void aRefusedCancelWhoseOrderCannotBeReadLeavesTheLegUnknown() throws Exception {
        polymarket.onPlace = order -> CompletableFuture.completedFuture(new OrderResult(
                order.clientOrderId(),
                "0xhash",
                OrderStatus.DELAYED,
                0,
                order.quantity(),
                -1,
                BigDecimal.ZERO,
                null,
                null));
        boolean[] cancelAsked = {false};
        polymarket.onStatus = id -> cancelAsked[0]
                ? new OrderResult(null, id, OrderStatus.UNKNOWN, 0, 0, -1, BigDecimal.ZERO, "http_503", "unavailable")
                : new OrderResult(null, id, OrderStatus.DELAYED, 0, 0, -1, BigDecimal.ZERO, null, null);
        polymarket.onCancel = id -> {
            cancelAsked[0] = true;
            return new OrderResult(
                    null, id, OrderStatus.REJECTED, 0, 0, -1, BigDecimal.ZERO, "not_canceled", "order matched");
        };

        TradeReport report = run(LegRiskPolicy.rehedge(20_000));

        assertTrue(report.reason().contains("UNKNOWN order"), report.reason());
        assertEquals(1, polymarket.placed.size(), "nothing is sent on a leg whose fills are unknown");
    }

    @Test
    void ordersWhoseRequestsWereJournaledTooLateAreNotSentAndClosedAsNotSent() throws Exception {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        TradeJournal slowFlush = new TradeJournal() {
            @Override
            public CompletionStage<Void> append(JournalEntry entry) {
                journal.add(entry);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> appendAll(List<JournalEntry> entries) {
                journal.addAll(entries);
                return flushed; // a journal outage: the requests are on disk only later
            }
        };
        LiveExecution engine = new LiveExecution(
                        Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                        slowFlush,
                        Fixtures.scheduler(timers),
                        System::nanoTime,
                        LiveExecution.Settings.DEFAULT)
                .withSendCheck(d -> "re-check before sending: the decision is 8500 ms old, over the 250 ms limit");

        CompletableFuture<TradeReport> report =
                engine.execute(decision, Fixtures.PAIR).toCompletableFuture();
        flushed.complete(null);

        TradeReport rejected = report.get(10, TimeUnit.SECONDS);
        assertEquals(TradeStatus.REJECTED, rejected.status());
        assertEquals("re-check before sending: the decision is 8500 ms old, over the 250 ms limit", rejected.reason());
        assertTrue(kalshi.placed.isEmpty() && polymarket.placed.isEmpty(), "no order leaves");
        List<OrderEvent> events = orders();
        assertEquals(
                List.of(
                        OrderEventKind.REQUESTED,
                        OrderEventKind.REQUESTED,
                        OrderEventKind.NOT_SENT,
                        OrderEventKind.NOT_SENT),
                events.stream().map(OrderEvent::kind).toList());
        assertEquals(OrderStatus.UNFILLED, events.get(3).status());
    }
}

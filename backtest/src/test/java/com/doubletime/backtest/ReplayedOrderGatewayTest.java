package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A leg-risk order meets the replayed venue: at its latency, against the book as it stands then, IOC or FOK. */
class ReplayedOrderGatewayTest {
    private static final long ONE = FixedPoint.ONE;
    private static final long T0 = 1_000_000_000_000L;
    private static final long LATENCY_MILLIS = 25;

    private final OrderbookSet detector = new OrderbookSet();
    private final OrderbookSet executor = new OrderbookSet();
    private final TakenLiquidity liquidity = new TakenLiquidity(detector, executor);
    private final CaptureClock clock = new CaptureClock();
    private final ReplayedOrderGateway kalshi = new ReplayedOrderGateway(
            Platform.KALSHI, List.of(BacktestWindowsTest.PAIR), executor, liquidity, clock, LATENCY_MILLIS);

    private static long cents(int cents) {
        return cents * (ONE / 100);
    }

    /** Kalshi YES asks 0.45 × 30 then 0.46 × 20. */
    private void book() {
        LevelBuffer bids = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        bids.add(cents(40), 100 * ONE);
        asks.add(cents(45), 30 * ONE);
        asks.add(cents(46), 20 * ONE);
        liquidity.onSnapshot(Platform.KALSHI, BacktestWindowsTest.TICKER, bids, asks, T0);
    }

    private static OrderRequest buyYes(String id, int limitCents, long contracts, TimeInForce tif) {
        return new OrderRequest(
                id,
                Platform.KALSHI,
                BacktestWindowsTest.TICKER,
                Outcome.YES,
                OrderAction.BUY,
                cents(limitCents),
                contracts * ONE,
                tif);
    }

    @Test
    void anOrderFillsAtItsLatencyAgainstTheBookAsItStandsThenAndWhatItTookIsGone() throws Exception {
        clock.moveTo(T0);
        book();
        CompletableFuture<OrderResult> answer = kalshi.place(buyYes("c1", 46, 40, TimeInForce.IMMEDIATE_OR_CANCEL))
                .toCompletableFuture();
        assertFalse(answer.isDone(), "the order is on its way");
        assertTrue(clock.fireNext(T0 + LATENCY_MILLIS * 1_000_000));
        assertEquals(T0 + LATENCY_MILLIS * 1_000_000, clock.getAsLong(), "it arrives 25 ms later");

        OrderResult result = answer.getNow(null);
        assertEquals(OrderStatus.FILLED, result.status());
        assertEquals(40 * ONE, result.filledQuantity());
        assertEquals(0, result.remainingQuantity());
        assertEquals(
                0,
                executor.find(Platform.KALSHI, BacktestWindowsTest.TICKER)
                        .ladder(Side.ASK)
                        .sizeAt(cents(45)));
        assertEquals(
                10 * ONE,
                executor.find(Platform.KALSHI, BacktestWindowsTest.TICKER)
                        .ladder(Side.ASK)
                        .sizeAt(cents(46)));
        assertEquals(
                result,
                kalshi.status(result.venueOrderId()).toCompletableFuture().getNow(null));
    }

    @Test
    void aFillOrKillThatCannotFillInFullFillsNothingAndLeavesItsWholeQuantity() {
        clock.moveTo(T0);
        book();
        CompletableFuture<OrderResult> answer =
                kalshi.place(buyYes("c2", 46, 60, TimeInForce.FILL_OR_KILL)).toCompletableFuture();
        clock.fireNext(Long.MAX_VALUE);

        OrderResult result = answer.getNow(null);
        assertEquals(OrderStatus.UNFILLED, result.status());
        assertEquals(0, result.filledQuantity());
        assertEquals(60 * ONE, result.remainingQuantity(), "fixed-point, like filledQuantity");
        assertTrue(result.rejectReason().contains("only 50 of 60"), result.rejectReason());
        assertEquals(
                30 * ONE,
                executor.find(Platform.KALSHI, BacktestWindowsTest.TICKER)
                        .ladder(Side.ASK)
                        .sizeAt(cents(45)),
                "nothing taken");
    }

    @Test
    void anOrderForABookNeverSeenIsUnfilledWithItsWholeQuantityRemaining() {
        clock.moveTo(T0);
        CompletableFuture<OrderResult> answer = kalshi.place(buyYes("c3", 46, 5, TimeInForce.IMMEDIATE_OR_CANCEL))
                .toCompletableFuture();
        clock.fireNext(Long.MAX_VALUE);

        OrderResult result = answer.getNow(null);
        assertEquals(OrderStatus.UNFILLED, result.status());
        assertEquals(5 * ONE, result.remainingQuantity());
        assertTrue(result.rejectReason().contains("stale or unknown"), result.rejectReason());
    }
}

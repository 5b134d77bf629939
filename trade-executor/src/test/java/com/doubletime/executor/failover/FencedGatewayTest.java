package com.doubletime.executor.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.VirtualTime;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FencedGatewayTest {
    private static final long START_MILLIS = 1_764_054_000_000L;

    private final VirtualTime time = new VirtualTime(TimeUnit.MILLISECONDS.toNanos(START_MILLIS));
    private final FakeVenue venue = new FakeVenue(Platform.KALSHI);
    private final AtomicReference<String> leaseNotHeld = new AtomicReference<>();
    private final FencingGate gate = new FencingGate(leaseNotHeld::get, 4);

    @Test
    void anOrderLeavesWhileTheLeaseIsHeldAndIsAnsweredNotSentWithoutReachingTheVenueOnceItLapsed() throws Exception {
        FencedGateway gateway = gateway(START_MILLIS);
        OrderResult sent = gateway.place(order("t1-k")).toCompletableFuture().get();
        assertEquals(OrderStatus.FILLED, sent.status());
        assertEquals(1, venue.placed.size());

        leaseNotHeld.set("the active lease could not be renewed for 1200 ms");
        OrderResult refused = gateway.place(order("t2-k")).toCompletableFuture().get();

        assertEquals(1, venue.placed.size(), "nothing reached the venue");
        assertEquals(OrderStatus.REJECTED, refused.status());
        assertEquals(0, refused.filledQuantity());
        assertEquals(FencedGateway.NOT_SENT, refused.rejectCode());
        assertEquals("t2-k", refused.clientOrderId());
        assertEquals("not sent: the active lease could not be renewed for 1200 ms (epoch 4)", refused.rejectReason());
    }

    @Test
    void aGateFencedOutStaysClosedEvenIfTheLeaseLooksHeldAgain() throws Exception {
        FencedGateway gateway = gateway(START_MILLIS);
        gate.fenceOut("a newer fencing epoch 5 was claimed by executor-2");
        leaseNotHeld.set(null);

        OrderResult refused = gateway.place(order("t3-k")).toCompletableFuture().get();

        assertTrue(venue.placed.isEmpty());
        assertEquals("not sent: a newer fencing epoch 5 was claimed by executor-2", refused.rejectReason());
        gate.fenceOut("later reason");
        assertEquals("not sent: a newer fencing epoch 5 was claimed by executor-2", gate.refusal());
    }

    @Test
    void anOrderTheVenueDoesNotKnowYetIsAskedAboutAgainOnceTheSettleTimeHasPassed() throws Exception {
        List<String> lookups = new ArrayList<>();
        venue.onFind = (id, instrument) -> {
            lookups.add(id + "@" + (TimeUnit.NANOSECONDS.toMillis(time.getAsLong()) - START_MILLIS));
            return CompletableFuture.completedFuture(
                    lookups.size() == 1
                            ? notFound(id)
                            : FakeVenue.fill(order(id), 10 * FixedPoint.ONE, FixedPoint.ONE / 2));
        };
        FencedGateway gateway = gateway(START_MILLIS + 3_000);

        CompletableFuture<OrderResult> found =
                gateway.findByClientOrderId("t4-k", "KX").toCompletableFuture();
        assertFalse(found.isDone(), "not_found before the settle time is not the last word");
        time.advanceMillis(3_000);

        assertEquals(OrderStatus.FILLED, found.get().status());
        assertEquals(List.of("t4-k@0", "t4-k@3000"), lookups);
    }

    @Test
    void aPolymarketOrderWithNoRecordAtItsHashYetIsAskedAboutAgainOnceTheSettleTimeHasPassed() throws Exception {
        List<String> lookups = new ArrayList<>();
        venue.onFindByVenueOrderId = (hash, id) -> {
            lookups.add(hash + "@" + (TimeUnit.NANOSECONDS.toMillis(time.getAsLong()) - START_MILLIS));
            return CompletableFuture.completedFuture(
                    lookups.size() == 1
                            ? new OrderResult(id, hash, OrderStatus.UNFILLED, 0, 0, -1, BigDecimal.ZERO, null, "404")
                            : FakeVenue.fill(order(id), 10 * FixedPoint.ONE, FixedPoint.ONE / 2));
        };
        FencedGateway gateway = gateway(START_MILLIS + 3_000);

        CompletableFuture<OrderResult> found =
                gateway.findByVenueOrderId("0xabc", "t6-p").toCompletableFuture();
        assertFalse(found.isDone(), "no record before the settle time is not the last word");
        time.advanceMillis(3_000);

        assertEquals(OrderStatus.FILLED, found.get().status());
        assertEquals(List.of("0xabc@0", "0xabc@3000"), lookups);
    }

    @Test
    void afterTheSettleTimeNotFoundIsFinalAndOtherAnswersAreNeverRepeated() throws Exception {
        List<String> lookups = new ArrayList<>();
        venue.onFind = (id, instrument) -> {
            lookups.add(id);
            return CompletableFuture.completedFuture(id.startsWith("late") ? notFound(id) : unknown(id));
        };
        FencedGateway gateway = gateway(START_MILLIS + 3_000);
        assertEquals(
                OrderStatus.UNKNOWN,
                gateway.findByClientOrderId("t5-k", "KX")
                        .toCompletableFuture()
                        .get()
                        .status());
        time.advanceMillis(3_000);
        assertEquals(
                "not_found",
                gateway.findByClientOrderId("late-k", "KX")
                        .toCompletableFuture()
                        .get()
                        .rejectCode());
        assertEquals(List.of("t5-k", "late-k"), lookups);
        assertNull(gate.refusal());
    }

    /** A method the port gains must be passed on here, or the executor would get the port's default silently. */
    @Test
    void passesOnEveryMethodOfTheOrderGatewayPort() throws Exception {
        for (Method method : VenueOrderGateway.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method own = FencedGateway.class.getMethod(method.getName(), method.getParameterTypes());
            assertEquals(FencedGateway.class, own.getDeclaringClass(), method + " is not passed on");
        }
    }

    private FencedGateway gateway(long settleUntilMillis) {
        return new FencedGateway(
                venue, gate, time, () -> TimeUnit.NANOSECONDS.toMillis(time.getAsLong()), settleUntilMillis);
    }

    private static OrderRequest order(String clientOrderId) {
        return new OrderRequest(
                clientOrderId,
                Platform.KALSHI,
                "KX",
                Outcome.YES,
                OrderAction.BUY,
                FixedPoint.ONE / 2,
                10 * FixedPoint.ONE,
                TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    private static OrderResult notFound(String id) {
        return new OrderResult(id, null, OrderStatus.UNFILLED, 0, 0, -1, BigDecimal.ZERO, "not_found", "never reached");
    }

    private static OrderResult unknown(String id) {
        return new OrderResult(id, null, OrderStatus.UNKNOWN, 0, 0, -1, BigDecimal.ZERO, "no_answer", "timeout");
    }
}

package com.doubletime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instances of one role in one (non-clustered) Vert.x: the shared maps behave like the cluster's. */
class ActiveLeaseTest {
    private static final ActiveLease.Timing FAST = new ActiveLease.Timing(50, 400, 100);

    private final Vertx vertx = Vertx.vertx();
    /** Every lease of a test runs on this one event loop, as in a verticle. */
    private final Context context = vertx.getOrCreateContext();

    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theRulesAcquireAFreeLeaseRenewOwnTakeOverAnExpiredOneAndStandByALiveOne() {
        assertEquals(ActiveLeaseRules.Step.ACQUIRE, ActiveLeaseRules.step("a", null, 1_000));
        assertEquals(ActiveLeaseRules.Step.RENEW, ActiveLeaseRules.step("a", new MarketLease("a", 500), 1_000));
        assertEquals(ActiveLeaseRules.Step.TAKE_OVER, ActiveLeaseRules.step("a", new MarketLease("b", 1_000), 1_000));
        assertEquals(ActiveLeaseRules.Step.STAND_BY, ActiveLeaseRules.step("a", new MarketLease("b", 1_001), 1_000));
    }

    @Test
    void exactlyOneHoldsAndAStandbyTakesOverOnlyOnceTheFrozenHoldersLeaseExpired() throws Exception {
        ActiveLease a = lease("a");
        start(a);
        eventually(a::holds);
        ActiveLease b = lease("b");
        start(b);
        Thread.sleep(4 * FAST.renewEveryMillis());
        assertTrue(a.holds());
        assertFalse(b.holds(), "a live lease is never taken over");
        assertEquals("a", b.holder());
        assertEquals("instance a holds the active lease", b.notHeldBecause());

        long frozenAt = System.nanoTime();
        run(a::freeze); // SIGSTOP: no renewal, nothing handed back
        eventually(b::holds);
        long tookOverAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
        assertTrue(tookOverAfterMillis >= FAST.leaseMillis() - FAST.renewEveryMillis(), "after " + tookOverAfterMillis);
        assertFalse(a.holds(), "the frozen holder's own clock says its lease lapsed before the standby took it");
        assertTrue(a.notHeldBecause().startsWith("the active lease could not be renewed for "), a.notHeldBecause());
        eventually(() -> events.stream().anyMatch(event -> event.startsWith("b acquired")));
        assertTrue(events.contains("b acquired from a"), events.toString());

        run(a::thaw); // SIGCONT: the next round finds b holding
        eventually(() -> events.contains("a lost to b"));
        assertFalse(a.holds());
        assertTrue(b.holds());
    }

    @Test
    void aStoppedHolderHandsTheLeaseOverAtOnce() throws Exception {
        ActiveLease a = lease("a");
        start(a);
        eventually(a::holds);
        ActiveLease b = lease("b");
        start(b);
        run(a::stop);
        long stoppedAt = System.nanoTime();
        eventually(b::holds);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
        // holds() turns true on the lease's thread just before its listener is told
        eventually(() -> events.stream().anyMatch(event -> event.startsWith("b acquired")));
        assertTrue(millis < FAST.leaseMillis(), "taken over after " + millis + " ms, not at expiry");
        assertTrue(events.contains("b acquired from none"), events.toString());
        assertFalse(a.holds());
    }

    @Test
    void anUnreadableLeaseIsReplacedAndATimingThatWouldLapseOnOneLateRenewalIsRefused() throws Exception {
        vertx.sharedData()
                .<String, String>getAsyncMap(ActiveLease.mapName("executor"))
                .compose(map -> map.put("lease", "garbage"))
                .await(10, TimeUnit.SECONDS);
        ActiveLease a = lease("a");
        start(a);
        eventually(a::holds);
        assertNotNull(a.holder());
        assertNull(a.notHeldBecause());

        assertThrows(IllegalArgumentException.class, () -> new ActiveLease.Timing(500, 1_500, 600));
        assertThrows(IllegalArgumentException.class, () -> new ActiveLease.Timing(0, 3_000, 1_000));
    }

    private ActiveLease lease(String id) {
        return new ActiveLease(vertx, "executor", id, FAST, new ActiveLease.Listener() {
            @Override
            public void acquired(MarketLease replaced) {
                events.add(id + " acquired from " + (replaced == null ? "none" : replaced.owner()));
            }

            @Override
            public void lost(String holder) {
                events.add(id + " lost to " + holder);
            }
        });
    }

    private void start(ActiveLease lease) throws Exception {
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> lease.start().onComplete(started));
        started.future().await(10, TimeUnit.SECONDS);
    }

    private void run(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    /** Generous bound: the machine's cores are shared; the point is that it happens, not how fast. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}

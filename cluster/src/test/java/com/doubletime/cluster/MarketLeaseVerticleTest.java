package com.doubletime.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances of one feed in one (non-clustered) Vert.x: the shared maps behave like the cluster's. */
class MarketLeaseVerticleTest {
    private static final List<String> MARKETS =
            IntStream.range(0, 12).mapToObj(i -> "KX-" + i).toList();
    private static final MarketLeaseVerticle.Timing FAST = new MarketLeaseVerticle.Timing(100, 400);

    private final Vertx vertx = Vertx.vertx();
    private final ConcurrentHashMap<String, Set<String>> streaming = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void twoInstancesSplitTheMarketsWithoutOverlapAndASurvivorTakesOverADeadOnesShare() throws Exception {
        MarketLeaseVerticle a = instance("a");
        MarketLeaseVerticle b = instance("b");
        vertx.deployVerticle(a).await(10, TimeUnit.SECONDS);
        vertx.deployVerticle(b).await(10, TimeUnit.SECONDS);

        eventually(() -> union().equals(Set.copyOf(MARKETS))
                && !streaming("a").isEmpty()
                && !streaming("b").isEmpty());
        assertTrue(disjoint(streaming("a"), streaming("b")), "no market streamed twice: " + streaming);

        a.abandon(); // killed: no release, its leases must expire
        eventually(() -> streaming("b").equals(Set.copyOf(MARKETS)));
    }

    @Test
    void aStoppedInstanceHandsItsMarketsBackAtOnce() throws Exception {
        MarketLeaseVerticle a = instance("a");
        String aId = vertx.deployVerticle(a).await(10, TimeUnit.SECONDS);
        eventually(() -> streaming("a").equals(Set.copyOf(MARKETS)));
        MarketLeaseVerticle b = instance("b");
        vertx.deployVerticle(b).await(10, TimeUnit.SECONDS);
        eventually(() -> !streaming("b").isEmpty() && union().equals(Set.copyOf(MARKETS)));

        vertx.undeploy(aId).await(10, TimeUnit.SECONDS);

        eventually(() -> streaming("b").equals(Set.copyOf(MARKETS)));
    }

    @Test
    void followsTheConfiguredMarkets() throws Exception {
        MarketLeaseVerticle a = instance("a");
        vertx.deployVerticle(a).await(10, TimeUnit.SECONDS);
        eventually(() -> streaming("a").equals(Set.copyOf(MARKETS)));

        a.markets(List.of("KX-0", "KX-NEW"));

        eventually(() -> streaming("a").equals(Set.of("KX-0", "KX-NEW")));
    }

    private MarketLeaseVerticle instance(String id) {
        return new MarketLeaseVerticle("test", id, MARKETS, FAST, markets -> {
            streaming.put(id, Set.copyOf(markets));
            return Future.succeededFuture();
        });
    }

    private Set<String> streaming(String id) {
        return streaming.getOrDefault(id, Set.of());
    }

    private Set<String> union() {
        Set<String> all = new HashSet<>();
        streaming.values().forEach(all::addAll);
        return all;
    }

    private static boolean disjoint(Set<String> x, Set<String> y) {
        return x.stream().noneMatch(y::contains);
    }

    /** Generous bound: the machine's cores are shared; the point is that it happens, not how fast. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.bus.LocalTradingPath;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedEventLoopTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Records its start and stop with the thread they ran on; fails to start when told to. */
    private final class Recorder extends VerticleBase {
        private final String name;
        private final boolean failsToStart;
        private final Runnable onStart;

        Recorder(String name, boolean failsToStart) {
            this(name, failsToStart, () -> {});
        }

        Recorder(String name, boolean failsToStart, Runnable onStart) {
            this.name = name;
            this.failsToStart = failsToStart;
            this.onStart = onStart;
        }

        @Override
        public Future<?> start() {
            calls.add("start " + name + " on " + Thread.currentThread().getName());
            onStart.run();
            return failsToStart
                    ? Future.failedFuture(new IllegalStateException(name + " cannot start"))
                    : Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            calls.add("stop " + name);
            return Future.succeededFuture();
        }
    }

    @Test
    void startsEachInOrderOnOneEventLoopThatThePathIsBoundToAndStopsThemInReverse() throws Exception {
        LocalTradingPath path = new LocalTradingPath();
        List<String> handedOn = new CopyOnWriteArrayList<>();
        Recorder feed = new Recorder("feed", false, () -> {
            path.onMarketData(batch -> handedOn.add(Thread.currentThread().getName()));
            // a timer fired on this verticle's loop hands a frame over, as a feed's socket would
            vertx.setTimer(1, id -> path.marketData(new MarketDataBatch(Platform.KALSHI, 1L, List.of())));
        });
        String id = vertx.deployVerticle(new SharedEventLoop(path, List.of(new Recorder("monitor", false), feed)))
                .await(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handedOn.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        vertx.undeploy(id).await(10, TimeUnit.SECONDS);

        String loop = calls.get(0).substring(calls.get(0).indexOf(" on ") + 4);
        assertEquals(List.of("start monitor on " + loop, "start feed on " + loop, "stop feed", "stop monitor"), calls);
        assertEquals(List.of(loop), handedOn);
    }

    @Test
    void aVerticleThatFailsToStartStopsTheOnesStartedBeforeItAndFailsTheDeployment() {
        Exception failed = assertThrows(
                Exception.class,
                () -> vertx.deployVerticle(new SharedEventLoop(
                                new LocalTradingPath(),
                                List.of(
                                        new Recorder("monitor", false),
                                        new Recorder("executor", true),
                                        new Recorder("feed", false))))
                        .await(10, TimeUnit.SECONDS));

        assertEquals("executor cannot start", failed.getMessage());
        assertEquals(3, calls.size(), String.valueOf(calls));
        assertEquals("stop monitor", calls.get(2));
    }
}

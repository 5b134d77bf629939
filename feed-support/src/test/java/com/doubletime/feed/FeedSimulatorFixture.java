package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.fail;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The feeds' simulator ITs in one place: the exchange simulator with two markets on loopback (one
 * {@code same}, one {@code inverse}), a quick random walk and no windows, and what the feed under test
 * publishes on the bus, recorded for the test to wait on.
 */
public final class FeedSimulatorFixture implements AutoCloseable {
    public static final List<SimulatedMarket> MARKETS = List.of(
            new SimulatedMarket("KXFED-26DEC-C25", "0xaa", "101", "102", false),
            new SimulatedMarket("KXCPI-26DEC-T3.0", "0xbb", "201", "202", true));
    public static final List<String> TICKERS =
            MARKETS.stream().map(SimulatedMarket::kalshiTicker).toList();
    public static final List<String> TOKENS = List.of("101", "102", "201", "202");

    private static final long SEED = 42;
    private static final long STEP_MILLIS = 20;
    private static final long START_SECONDS = 10;
    private static final long POLL_MILLIS = 100;

    private final ExchangeSimulator simulator;
    private final BlockingQueue<MarketDataBatch> batches = new LinkedBlockingQueue<>();
    private final BlockingQueue<FeedHealth> health = new LinkedBlockingQueue<>();

    private FeedSimulatorFixture(Vertx vertx, ExchangeSimulator simulator) {
        this.simulator = simulator;
        vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> batches.add(m.body()));
        vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, m -> health.add(m.body()));
    }

    /** Starts the simulator (free ports) and records the bus; deploy the feed under test afterwards. */
    public static FeedSimulatorFixture start(Vertx vertx) throws TimeoutException {
        BusCodecs.registerAll(vertx.eventBus());
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, SEED, STEP_MILLIS, 0, null))
                .await(START_SECONDS, TimeUnit.SECONDS);
        return new FeedSimulatorFixture(vertx, simulator);
    }

    public ExchangeSimulator simulator() {
        return simulator;
    }

    /** What the feed published while it was waited on. */
    public record Seen(Set<String> snapshots, int levelChanges) {}

    /** Waits until every instrument had a snapshot and at least {@code levels} level changes came, or the time is up. */
    public Seen awaitSnapshotsAndLevels(Set<String> instruments, int levels, Duration within)
            throws InterruptedException {
        Set<String> snapshots = new HashSet<>();
        int changes = 0;
        long deadline = System.nanoTime() + within.toNanos();
        while ((!snapshots.containsAll(instruments) || changes < levels) && System.nanoTime() < deadline) {
            MarketDataBatch batch = batches.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            for (MarketDataEvent event : batch == null ? List.<MarketDataEvent>of() : batch.events()) {
                if (event instanceof OrderBookSnapshotReceived snapshot) {
                    snapshots.add(snapshot.instrument());
                } else if (event instanceof OrderBookDeltaReceived) {
                    changes++;
                }
            }
        }
        return new Seen(snapshots, changes);
    }

    /** The first health report that satisfies {@code wanted}; fails when none does in time. */
    public FeedHealth awaitHealth(Predicate<FeedHealth> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        FeedHealth last = null;
        while (System.nanoTime() < deadline) {
            FeedHealth report = health.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (report != null) {
                last = report;
                if (wanted.test(report)) {
                    return report;
                }
            }
        }
        return fail("no health report as wanted within " + within + "; the last: " + last);
    }

    @Override
    public void close() throws TimeoutException {
        simulator.stop().await(START_SECONDS, TimeUnit.SECONDS);
    }
}

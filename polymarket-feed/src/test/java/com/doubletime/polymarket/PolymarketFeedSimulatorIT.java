package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.vertx.junit5.VertxExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The feed against the exchange simulator's Polymarket server: the real wire protocol end to end. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class PolymarketFeedSimulatorIT {
    private static final List<SimulatedMarket> MARKETS = List.of(
            new SimulatedMarket("KXFED-26DEC-C25", "0xaa", "101", "102", false),
            new SimulatedMarket("KXCPI-26DEC-T3.0", "0xbb", "201", "202", true));

    @Test
    void receivesABookForEveryTokenThenLevelChangesAndPongs(Vertx vertx) throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        BlockingQueue<MarketDataBatch> batches = new LinkedBlockingQueue<>();
        BlockingQueue<FeedHealth> health = new LinkedBlockingQueue<>();
        vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> batches.add(m.body()));
        vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, m -> health.add(m.body()));
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 42, 20, 0, null))
                .await(10, TimeUnit.SECONDS);
        List<String> tokens = List.of("101", "102", "201", "202");
        vertx.deployVerticle(new PolymarketFeedVerticle(PolymarketFeedConfig.of(simulator.polymarketWsUrl(), tokens)
                        .withKeepalive(200, 2_000)))
                .await(5, TimeUnit.SECONDS);

        Set<String> books = new HashSet<>();
        int levels = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((books.size() < tokens.size() || levels < 5) && System.nanoTime() < deadline) {
            MarketDataBatch batch = batches.poll(100, TimeUnit.MILLISECONDS);
            for (MarketDataEvent event : batch == null ? List.<MarketDataEvent>of() : batch.events()) {
                if (event instanceof OrderBookSnapshotReceived snapshot) {
                    books.add(snapshot.instrument());
                } else if (event instanceof OrderBookDeltaReceived) {
                    levels++;
                }
            }
        }

        assertEquals(Set.copyOf(tokens), books);
        assertTrue(levels >= 5, "level changes: " + levels);
        // reports published before the books arrived still list them as stale
        FeedHealth report = health.poll(3, TimeUnit.SECONDS);
        while (report != null && !report.staleInstruments().isEmpty()) {
            report = health.poll(3, TimeUnit.SECONDS);
        }
        assertTrue(report != null && report.connected(), String.valueOf(report));
        assertEquals(0, report.malformed());
        assertEquals(0, report.reconnects());
        simulator.stop().await(5, TimeUnit.SECONDS);
    }
}

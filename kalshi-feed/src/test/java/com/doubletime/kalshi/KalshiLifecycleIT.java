package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The feed's market lifecycle end to end against the simulator: REST lookup, lifecycle channel, shard balances. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class KalshiLifecycleIT {
    private static final SimulatedMarket FED = new SimulatedMarket("KXFED-26DEC-C25", "0xaa", "101", "102", false);
    private static final String SCENARIO = """
            {"markets": {"kalshi": {"KXFED-26DEC-C25": {"exchangeIndex": 2, "closeTime": "2026-12-16T18:55:00Z",
                                                         "expectedExpirationTime": "2026-12-16T20:00:00Z"}}},
             "accounts": {"kalshi": {"shards": {"0": "500.00", "2": "25.50"}}},
             "initial": {"kalshi": {"KXFED-26DEC-C25": {"no": [["0.58", "100"]]}}, "polymarket": {"101": {"asks": [["0.5", "1"]]}}},
             "steps": [
               {"delayMillis": 200, "kalshiMarket": {"ticker": "KXFED-26DEC-C25", "status": "inactive"}},
               {"delayMillis": 100, "kalshiMarket": {"ticker": "KXFED-26DEC-C25", "status": "active"}},
               {"delayMillis": 100, "kalshiMarket": {"ticker": "KXFED-26DEC-C25", "status": "finalized", "result": "yes"}}
             ]}
            """;

    @Test
    void lookedUpThenFollowedMarketLifeIsPublishedOnTheBus(Vertx vertx, @TempDir Path dir) throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        BlockingQueue<MarketStatusChanged> events = new LinkedBlockingQueue<>();
        vertx.eventBus().<MarketStatusChanged>consumer(Addresses.MARKET_STATUS, m -> events.add(m.body()));
        Path scenario = Files.writeString(dir.resolve("s.json"), SCENARIO);
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, List.of(FED), 1, 0, 0, scenario))
                .await(10, TimeUnit.SECONDS);
        KalshiRestClient rest = new KalshiRestClient(vertx, KalshiRestConfig.of(simulator.kalshiRestUrl()), null);
        vertx.deployVerticle(new KalshiFeedVerticle(
                                KalshiFeedConfig.of(simulator.kalshiWsUrl(), List.of(FED.kalshiTicker())))
                        .withMarketLookup(KalshiFeedVerticle.restMarkets(rest)))
                .await(5, TimeUnit.SECONDS);

        MarketStatusChanged looked = next(events);
        assertEquals("rest", looked.cause());
        assertEquals(MarketStatus.OPEN, looked.view().status());
        assertEquals(2, looked.view().exchangeIndex());
        assertEquals(
                Instant.parse("2026-12-16T20:00:00Z").toEpochMilli(),
                looked.view().expectedResolutionMillis());

        // the steps start once a Polymarket client subscribes too
        io.vertx.core.http.WebSocketClient ws = vertx.createWebSocketClient();
        io.vertx.core.http.WebSocket polymarket = ws.connect(
                        new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(simulator.polymarketWsUrl()))
                .await(5, TimeUnit.SECONDS);
        polymarket.writeTextMessage("{\"type\":\"market\",\"assets_ids\":[\"101\"]}");

        assertEquals(MarketStatus.PAUSED, next(events).view().status());
        MarketStatusChanged reopened = next(events);
        assertEquals(MarketStatus.OPEN, reopened.view().status());
        assertEquals("lifecycle:activated", reopened.cause());
        assertEquals(MarketStatus.DETERMINED, next(events).view().status());
        MarketStatusChanged settled = next(events);
        assertEquals(MarketStatus.SETTLED, settled.view().status());
        assertEquals("yes", settled.view().resolution().result());

        vertx.eventBus().publish(Addresses.MARKET_STATUS_RESEND, new MarketStatusRequest("test"));
        MarketStatusChanged resent = next(events);
        assertEquals("resend", resent.cause());
        assertEquals(settled.view(), resent.view());

        VenueCash cash =
                new KalshiOrderGateway(rest).cash().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(0, new BigDecimal("525.50").compareTo(cash.cash()));
        assertEquals(0, new BigDecimal("25.50").compareTo(cash.shardCash(2)));
        assertEquals(0, new BigDecimal("500").compareTo(cash.shardCash(0)));
        ws.close();
    }

    private static MarketStatusChanged next(BlockingQueue<MarketStatusChanged> events) throws InterruptedException {
        MarketStatusChanged event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no MarketStatusChanged within 10 s");
        return event;
    }
}

package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.feed.WsTestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60)
class PolymarketFeedVerticleIT {
    private static final String PATH = "/ws/market";
    private static final String YES = PolymarketFeedProtocolTest.YES;
    private static final String NO = PolymarketFeedProtocolTest.NO;

    private final BlockingQueue<MarketDataBatch> batches = new LinkedBlockingQueue<>();
    private final BlockingQueue<FeedHealth> health = new LinkedBlockingQueue<>();
    private Vertx vertx;
    private WsTestServer polymarket;

    /** {@code answerPings}: a live server answers PING with PONG; a dead-but-open one stays silent. */
    private void start(Vertx vertx, boolean answerPings) throws Exception {
        this.vertx = vertx;
        BusCodecs.registerAll(vertx.eventBus());
        vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> batches.add(m.body()));
        vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, m -> health.add(m.body()));
        polymarket = WsTestServer.start(vertx, PATH, (ws, text) -> respond(ws, text, answerPings));
    }

    private static void respond(ServerWebSocket ws, String text, boolean answerPings) {
        if (text.equals("PING")) {
            if (answerPings) {
                ws.writeTextMessage("PONG");
            }
        } else if ("market".equals(new JsonObject(text).getString("type"))) {
            ws.writeTextMessage("[" + PolymarketFeedProtocolTest.book(YES, "0.52", "0.53") + ","
                    + PolymarketFeedProtocolTest.book(NO, "0.46", "0.47") + "]");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (polymarket != null) {
            polymarket.close();
        }
    }

    private PolymarketFeedConfig config() {
        return PolymarketFeedConfig.of(polymarket.url(), List.of(YES, NO)).withReconnect(20, 100);
    }

    private String deploy(PolymarketFeedConfig config) throws Exception {
        return vertx.deployVerticle(new PolymarketFeedVerticle(config)).await(5, TimeUnit.SECONDS);
    }

    private MarketDataBatch nextBatch(Predicate<MarketDataEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsTestServer.WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            MarketDataBatch batch = batches.poll(100, TimeUnit.MILLISECONDS);
            if (batch != null && batch.events().stream().anyMatch(wanted)) {
                return batch;
            }
        }
        throw new AssertionError("no matching market-data batch within " + WsTestServer.WAIT_SECONDS + " s");
    }

    private FeedHealth nextHealth(Predicate<FeedHealth> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsTestServer.WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            FeedHealth report = health.poll(100, TimeUnit.MILLISECONDS);
            if (report != null && wanted.test(report)) {
                return report;
            }
        }
        throw new AssertionError("no matching health report within " + WsTestServer.WAIT_SECONDS + " s");
    }

    @Test
    void subscribesWithInitialDumpAndPublishesTheDumpedBooksAsOneBatch(Vertx vertx) throws Exception {
        start(vertx, true);
        deploy(config());

        assertEquals(
                new JsonObject("{\"assets_ids\":[\"" + YES + "\",\"" + NO + "\"],\"type\":\"market\","
                        + "\"initial_dump\":true,\"custom_feature_enabled\":true}"),
                new JsonObject(polymarket.nextMessage()));
        MarketDataBatch batch = nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        assertEquals(Platform.POLYMARKET, batch.platform());
        assertEquals(
                List.of(YES, NO),
                batch.events().stream()
                        .map(e -> ((OrderBookSnapshotReceived) e).instrument())
                        .toList());
    }

    @Test
    void aScaledOutInstanceChangesItsAssetsOnTheLiveConnectionAndItsDropStalesOnlyItsOwnBooks(Vertx vertx)
            throws Exception {
        start(vertx, true);
        PolymarketFeedVerticle feed = new PolymarketFeedVerticle(
                        PolymarketFeedConfig.of(polymarket.url(), List.of(YES)).withReconnect(20, 100))
                .sharingVenue("polymarket-instance-2");
        vertx.deployVerticle(feed).await(5, TimeUnit.SECONDS);
        polymarket.nextConnection();
        polymarket.nextMessage(); // the initial subscription

        feed.changeAssets(List.of(NO)).await(5, TimeUnit.SECONDS);
        List<JsonObject> sent =
                List.of(new JsonObject(polymarket.nextMessage()), new JsonObject(polymarket.nextMessage()));
        // operation frames on the open connection, not a new connection's first subscription
        assertTrue(
                sent.stream()
                        .anyMatch(m -> "subscribe".equals(m.getString("operation"))
                                && m.getJsonArray("assets_ids").contains(NO)),
                sent.toString());
        assertTrue(
                sent.stream()
                        .anyMatch(m -> "unsubscribe".equals(m.getString("operation"))
                                && m.getJsonArray("assets_ids").contains(YES)),
                sent.toString());
        assertEquals(
                List.of(YES), staleInstruments(nextBatch(e -> e instanceof BookMarkedStale)), "the asset given up");
        FeedHealth report = nextHealth(h -> h.instruments().equals(List.of(NO)));
        assertEquals("polymarket-instance-2", report.instanceId());
        // the asset taken on may still await its first book here (stale until then): only the one given up must go
        assertFalse(
                report.staleInstruments().contains(YES),
                "the asset given up is no longer this instance's to report: " + report.staleInstruments());

        polymarket.drop();
        MarketDataBatch dropped = nextBatch(e -> e instanceof BookMarkedStale);
        assertTrue(
                dropped.events().stream().noneMatch(e -> e instanceof VenueDisconnected),
                "another instance's books are not made stale");
        assertEquals(List.of(NO), staleInstruments(dropped));
    }

    private static List<String> staleInstruments(MarketDataBatch batch) {
        return batch.events().stream()
                .filter(e -> e instanceof BookMarkedStale)
                .map(e -> ((BookMarkedStale) e).instrument())
                .toList();
    }

    @Test
    void sendsPingEveryIntervalAndAnswersNothingToPong(Vertx vertx) throws Exception {
        start(vertx, true);
        deploy(config().withKeepalive(100, 1_000));
        polymarket.nextConnection();
        polymarket.nextMessage();

        List<String> sent = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
        while (System.nanoTime() < until) {
            String message = polymarket.pollMessage(50);
            if (message != null) {
                sent.add(message);
            }
        }

        assertTrue(sent.size() >= 3, "PINGs sent: " + sent);
        assertTrue(sent.stream().allMatch("PING"::equals), "only PINGs after the subscription: " + sent);
        assertNull(polymarket.pollMessage(0));
        FeedHealth report = health.poll(3, TimeUnit.SECONDS);
        assertTrue(report != null && report.connected() && report.reconnects() == 0, String.valueOf(report));
    }

    @Test
    void reconnectsAndMarksBooksStaleWhenNoPongArrives(Vertx vertx) throws Exception {
        start(vertx, false);
        deploy(config().withKeepalive(100, 400));
        polymarket.nextConnection();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        MarketDataBatch disconnected = nextBatch(e -> e instanceof VenueDisconnected);

        assertEquals(Platform.POLYMARKET, disconnected.platform());
        polymarket.nextConnection();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived); // subscribed again, fresh dump
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnection(Vertx vertx) throws Exception {
        start(vertx, true);
        deploy(config());
        polymarket.nextConnection();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        polymarket.drop();

        nextBatch(e -> e instanceof VenueDisconnected);
        polymarket.nextConnection();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);
    }

    @Test
    void recordsFramesIncludingPongAndConnectionEvents(Vertx vertx, @TempDir Path dir) throws Exception {
        start(vertx, true);
        Path capture = dir.resolve("poly.jsonl");
        String id = deploy(config().withKeepalive(100, 1_000).withRecordFile(capture));
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        Thread.sleep(300); // a few PING/PONG rounds

        vertx.undeploy(id).await(5, TimeUnit.SECONDS);

        List<JsonObject> lines = Files.readAllLines(capture, StandardCharsets.UTF_8).stream()
                .map(JsonObject::new)
                .toList();
        assertEquals("connected", lines.get(0).getString("event"));
        assertTrue(lines.get(1).getString("frame").startsWith("[{\"event_type\":\"book\""));
        assertTrue(lines.stream().anyMatch(l -> "PONG".equals(l.getString("frame"))), lines.toString());
        assertEquals("disconnected", lines.get(lines.size() - 1).getString("event"));
        assertTrue(lines.stream().allMatch(l -> "polymarket".equals(l.getString("venue"))));
    }
}

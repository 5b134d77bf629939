package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.feed.WsTestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60)
class KalshiFeedVerticleIT {
    private static final String PATH = "/trade-api/ws/v2";
    private static final String TICKER = "FED-23DEC-T3.00";

    private final BlockingQueue<MarketDataBatch> batches = new LinkedBlockingQueue<>();
    private final BlockingQueue<FeedHealth> health = new LinkedBlockingQueue<>();
    /** The fake Kalshi's one live connection: its sid (the connection's number) and seq counter. */
    private final AtomicLong sid = new AtomicLong();

    private final AtomicLong seq = new AtomicLong();
    private Vertx vertx;
    private WsTestServer kalshi;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        BusCodecs.registerAll(vertx.eventBus());
        vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> batches.add(m.body()));
        vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, m -> health.add(m.body()));
        kalshi = WsTestServer.start(vertx, PATH, this::respond);
    }

    @AfterEach
    void tearDown() throws Exception {
        kalshi.close();
    }

    /** A minimal Kalshi: acks a subscribe with a snapshot per ticker, answers get_snapshot. */
    private void respond(ServerWebSocket ws, String text) {
        JsonObject command = new JsonObject(text);
        switch (command.getString("cmd")) {
            case "subscribe" -> {
                sid.incrementAndGet();
                seq.set(0);
                ws.writeTextMessage("{\"id\":" + command.getLong("id") + ",\"type\":\"subscribed\",\"msg\":"
                        + "{\"channel\":\"orderbook_delta\",\"sid\":" + sid.get() + "}}");
                ws.writeTextMessage(snapshot(sid.get(), seq.incrementAndGet(), "0.5600"));
            }
            case "update_subscription" -> ws.writeTextMessage(snapshot(sid.get(), seq.incrementAndGet(), "0.5700"));
            default -> {}
        }
    }

    private static String snapshot(long sid, long seq, String bestNo) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + TICKER
                + "\",\"market_id\":\"9b0f6b43\",\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]],"
                + "\"no_dollars_fp\":[[\"0.5400\",\"20.00\"],[\"" + bestNo + "\",\"146.00\"]]}}";
    }

    private static String delta(long sid, long seq) {
        return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + TICKER + "\",\"market_id\":\"9b0f6b43\",\"price_dollars\":\"0.2200\",\"delta_fp\":\"-33.00\","
                + "\"side\":\"yes\",\"ts_ms\":1669149841000}}";
    }

    private KalshiFeedConfig config() {
        return KalshiFeedConfig.of(kalshi.url(), List.of(TICKER)).withReconnect(20, 100);
    }

    private String deploy(KalshiFeedConfig config) throws Exception {
        return vertx.deployVerticle(new KalshiFeedVerticle(config)).await(5, TimeUnit.SECONDS);
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
        throw new AssertionError("no matching feed health within " + WsTestServer.WAIT_SECONDS + " s");
    }

    @Test
    void subscribesWithUseYesPriceSentExplicitlyAndPublishesTheSnapshot() throws Exception {
        deploy(config());

        JsonObject subscribe = new JsonObject(kalshi.nextMessage());
        assertEquals(
                new JsonObject("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                        + "\"market_tickers\":[\"" + TICKER + "\"],\"use_yes_price\":false}}"),
                subscribe);
        MarketDataBatch batch = nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        assertEquals(Platform.KALSHI, batch.platform());
        OrderBookSnapshotReceived snapshot =
                (OrderBookSnapshotReceived) batch.events().get(0);
        assertEquals(TICKER, snapshot.instrument());
        assertEquals(new Levels(new long[] {80_000, 220_000}, new long[] {300_000_000, 333_000_000}), snapshot.bids());
        // NO bids at 0.54 and 0.56 are YES asks at 0.46 and 0.44
        assertEquals(new Levels(new long[] {460_000, 440_000}, new long[] {20_000_000, 146_000_000}), snapshot.asks());
        long skewNanos = Math.abs(System.currentTimeMillis() * 1_000_000 - batch.receivedAtNanos());
        assertTrue(skewNanos < TimeUnit.SECONDS.toNanos(5), "receive time is epoch nanos");
    }

    @Test
    void publishesOneBatchPerDeltaFrame() throws Exception {
        deploy(config());
        kalshi.nextMessage();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        kalshi.send(delta(1, seq.incrementAndGet()));

        MarketDataBatch batch = nextBatch(e -> e instanceof OrderBookDeltaReceived);
        assertEquals(
                List.of(new OrderBookDeltaReceived(
                        Platform.KALSHI, TICKER, Side.BID, 220_000, -33_000_000, false, batch.receivedAtNanos())),
                batch.events());
    }

    @Test
    void sendsGetSnapshotAfterASeqGapAndMarksTheBookStaleUntilItArrives() throws Exception {
        deploy(config());
        kalshi.nextMessage();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        kalshi.send(delta(1, seq.addAndGet(3))); // seq 2 and 3 never arrive

        assertEquals(
                new JsonObject("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],"
                        + "\"market_tickers\":[\"" + TICKER + "\"],\"action\":\"get_snapshot\"}}"),
                new JsonObject(kalshi.nextMessage()));
        MarketDataBatch stale = nextBatch(e -> e instanceof BookMarkedStale);
        assertEquals(TICKER, ((BookMarkedStale) stale.events().get(0)).instrument());
        OrderBookSnapshotReceived resync = (OrderBookSnapshotReceived)
                nextBatch(e -> e instanceof OrderBookSnapshotReceived).events().get(0);
        assertEquals(430_000, resync.asks().prices()[1], "the fresh snapshot (best NO bid 0.57)");
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnectionMarksBooksStaleAndSubscribesAgain() throws Exception {
        deploy(config());
        kalshi.nextConnection();
        kalshi.nextMessage();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        kalshi.drop();

        MarketDataBatch disconnected = nextBatch(e -> e instanceof VenueDisconnected);
        assertEquals(Platform.KALSHI, disconnected.events().get(0).platform());
        kalshi.nextConnection();
        JsonObject again = new JsonObject(kalshi.nextMessage());
        assertEquals("subscribe", again.getString("cmd"));
        assertEquals(1L, again.getLong("id"), "command ids restart on a new connection");
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        FeedHealth report =
                nextHealth(h -> h.connected() && h.staleInstruments().isEmpty());
        assertTrue(report.reconnects() >= 1);
    }

    @Test
    void sendsFreshHandshakeHeadersFromTheAuthSeamOnEveryConnect() throws Exception {
        AtomicLong calls = new AtomicLong();
        List<String> paths = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(new KalshiFeedVerticle(config(), path -> {
                    paths.add(path);
                    return MultiMap.caseInsensitiveMultiMap()
                            .add("KALSHI-ACCESS-TIMESTAMP", Long.toString(calls.incrementAndGet()));
                }))
                .await(5, TimeUnit.SECONDS);

        assertEquals("1", kalshi.nextConnection().headers().get("KALSHI-ACCESS-TIMESTAMP"));
        kalshi.drop();

        assertEquals("2", kalshi.nextConnection().headers().get("KALSHI-ACCESS-TIMESTAMP"));
        assertEquals(List.of(PATH, PATH), paths);
    }

    @Test
    void reconnectsWhenNoFrameArrivesWithinTheIdleTimeout() throws Exception {
        deploy(config().withIdleTimeoutMillis(400));
        kalshi.nextConnection();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);

        // the test server sends nothing more (and no pings)
        nextBatch(e -> e instanceof VenueDisconnected);

        kalshi.nextConnection();
        FeedHealth report =
                nextHealth(h -> h.lastError() != null && h.lastError().contains("no frame for 400 ms"));
        assertTrue(report.reconnects() >= 1);
    }

    @Test
    void recordsEveryFrameAndConnectionEventToTheCapture(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("kalshi.jsonl");
        String id = deploy(config().withRecordFile(capture));
        kalshi.nextMessage();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        kalshi.send(delta(1, seq.incrementAndGet()));
        nextBatch(e -> e instanceof OrderBookDeltaReceived);

        vertx.undeploy(id).await(5, TimeUnit.SECONDS);

        List<JsonObject> lines = Files.readAllLines(capture, StandardCharsets.UTF_8).stream()
                .map(JsonObject::new)
                .toList();
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("connected", lines.get(0).getString("event"));
        assertTrue(lines.get(1).getString("frame").contains("\"type\":\"subscribed\""));
        assertEquals(snapshot(1, 1, "0.5600"), lines.get(2).getString("frame"));
        assertEquals(delta(1, 2), lines.get(3).getString("frame"));
        assertEquals("disconnected", lines.get(4).getString("event"));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("kalshi", lines.get(i).getString("venue"));
            if (i > 0) {
                assertTrue(lines.get(i).getLong("recv_ns") >= lines.get(i - 1).getLong("recv_ns"), "recv_ns in order");
            }
        }
    }

    @Test
    void publishesHealthWithCountersAndNoStaleBookOnceTheSnapshotArrived() throws Exception {
        deploy(config());
        kalshi.nextMessage();
        nextBatch(e -> e instanceof OrderBookSnapshotReceived);
        kalshi.send("{\"type\":\"orderbook_delta\",");

        FeedHealth report = nextHealth(h -> h.malformed() == 1);

        assertEquals(Platform.KALSHI, report.venue());
        assertTrue(report.connected());
        assertEquals(3, report.frames());
        assertEquals(List.of(), report.staleInstruments());
        assertTrue(report.lastFrameAtMillis() > 0 && report.lastFrameAgeMillis() >= 0);
        assertTrue(report.lastError().startsWith("malformed frame"), report.lastError());
    }

    @Test
    void keepsRetryingWhileTheVenueIsDownWithoutFailingDeployment() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        deploy(KalshiFeedConfig.of("ws://127.0.0.1:" + closedPort + PATH, List.of(TICKER))
                .withReconnect(20, 50));

        FeedHealth report = nextHealth(h -> h.reconnects() >= 2);

        assertFalse(report.connected());
        assertEquals(List.of(TICKER), report.staleInstruments());
        assertNotNull(report.lastError());
    }
}

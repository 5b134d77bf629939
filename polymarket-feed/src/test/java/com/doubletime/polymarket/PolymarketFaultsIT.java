package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.monitor.ArbitrageEngine;
import com.doubletime.polymarket.order.PolymarketCredentials;
import com.doubletime.polymarket.order.PolymarketGatewayConfig;
import com.doubletime.polymarket.order.PolymarketMarketCatalog;
import com.doubletime.polymarket.order.PolymarketOrderGateway;
import com.doubletime.polymarket.order.TokenMarket;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.PolymarketAccount;
import com.doubletime.simulator.PolymarketFaults;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Done when" of issue 4: against the simulator, with each fault switched on in turn while the random walk
 * and our own orders move the books, the feed ends every phase with exactly the simulator's books, and the
 * monitor's engine never finds an opportunity on a stale Polymarket book.
 */
@ExtendWith(VertxExtension.class)
@Timeout(300)
class PolymarketFaultsIT {
    static final List<SimulatedMarket> MARKETS = List.of(
            new SimulatedMarket("KXFED-26DEC-C25", "0xaa", "101", "102", false),
            new SimulatedMarket("KXCPI-26DEC-T3.0", "0xbb", "201", "202", true));
    static final List<String> TOKENS = List.of("101", "102", "201", "202");
    static final String API_KEY = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";
    static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private Vertx vertx;
    private ExchangeSimulator simulator;
    private WebClient web;
    private Probe probe;
    private PolymarketOrderGateway gateway;
    private int orders;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        BusCodecs.registerAll(vertx.eventBus());
        simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 11, 400, 0, null))
                .await(10, TimeUnit.SECONDS);
        simulator.polymarket().register(new PolymarketAccount(ADDRESS, API_KEY, SECRET, "pass", null));
        web = WebClient.create(vertx);
        probe = new Probe(vertx);
        PolymarketMarketCatalog catalog = new PolymarketMarketCatalog();
        for (SimulatedMarket market : MARKETS) {
            for (String token : List.of(market.yesTokenId(), market.noTokenId())) {
                catalog.put(new TokenMarket(
                        token, market.conditionId(), new BigDecimal("0.01"), new BigDecimal("5"), false, "v1"));
            }
        }
        String rest = simulator.polymarketRestUrl();
        gateway = new PolymarketOrderGateway(
                vertx,
                web,
                PolymarketGatewayConfig.of(rest, rest),
                PolymarketCredentials.fromEnvironment(Map.of(
                        "POLYMARKET_PRIVATE_KEY",
                        KEY,
                        "POLYMARKET_API_KEY",
                        API_KEY,
                        "POLYMARKET_API_SECRET",
                        SECRET,
                        "POLYMARKET_API_PASSPHRASE",
                        "pass")),
                catalog,
                System::currentTimeMillis);
    }

    @AfterEach
    void stop() throws Exception {
        simulator.stop().await(10, TimeUnit.SECONDS);
    }

    private PolymarketFeedConfig config(List<String> assets) {
        return PolymarketFeedConfig.of(simulator.polymarketWsUrl(), assets)
                .withKeepalive(200, 1_000)
                .withReconnect(50, 500)
                .withStallMillis(1_500);
    }

    @Test
    void feedEndsWithTheSimulatorsBooksThroughEveryFaultAndNeverTradesOnAStaleBook() throws Exception {
        vertx.deployVerticle(new PolymarketFeedVerticle(config(TOKENS))).await(10, TimeUnit.SECONDS);
        awaitSameBooks("start");
        PolymarketFaults faults = simulator.polymarket().faults();

        phase("lost price_change frames (best bid/ask check, REST resync)", false, f -> f.loseNextPriceChanges(3));
        phase("malformed frames", false, f -> f.sendMalformedFrames(4));
        phase("disconnect without a close frame", true, PolymarketFaults::dropOpenConnectionsWithoutCloseFrame);
        phase("silent stall (PONG keeps flowing)", true, PolymarketFaults::stallOpenConnections);
        phase("429 with Retry-After on orders", false, f -> f.rateLimitNextOrders(1, 1));
        phase("425 with Retry-After on orders", false, f -> f.tooEarlyForNextOrders(1, 0));
        phase("delayed order status", false, f -> f.delayNextOrders(1));

        FeedHealth health = probe.health();
        assertTrue(health != null && health.malformed() >= 4 && health.reconnects() >= 2, String.valueOf(health));
        assertEquals(List.of(), probe.violations());
        assertTrue(probe.opportunities() > 0, "fresh books did show opportunities");
    }

    @Test
    void largeUniverseIsSubscribedInChunksTheServerAcceptsWhereOneFrameWouldBeClosed() throws Exception {
        simulator.polymarket().faults().closeOnSubscribeLargerThan(100);
        List<String> universe = new ArrayList<>(TOKENS);
        IntStream.range(0, 246).forEach(i -> universe.add("9" + i)); // unknown to the venue: no books, same frames

        vertx.deployVerticle(new PolymarketFeedVerticle(
                        config(universe).withKeepalive(500, 10_000).withStallMillis(60_000)))
                .await(10, TimeUnit.SECONDS);
        awaitSameBooks("chunked subscribe");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (probe.health() == null && System.nanoTime() < deadline) {
            Thread.sleep(50); // the first report comes after a second
        }
        assertEquals(0, probe.health().reconnects(), probe.health().toString());

        // the same universe in one frame is closed by the venue
        CompletableFuture<Short> closed = new CompletableFuture<>();
        WebSocket socket = vertx.createWebSocketClient()
                .connect(new WebSocketConnectOptions()
                        .setHost(SimulatorConfig.LOOPBACK)
                        .setPort(simulator.polymarketPort())
                        .setURI("/ws/market"))
                .await(10, TimeUnit.SECONDS);
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
        socket.writeTextMessage(new JsonObject()
                .put("assets_ids", new JsonArray(universe))
                .put("type", "market")
                .encode());
        closed.get(30, TimeUnit.SECONDS);
    }

    /** JDK client: 1006 (abnormal closure) is reported only when TCP ended without a close frame (RFC 6455 §7.1.5). */
    @Test
    void droppedConnectionEndsWithoutAWebSocketCloseFrame() throws Exception {
        CompletableFuture<String> ending = new CompletableFuture<>();
        java.net.http.WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(simulator.polymarketWsUrl()), new java.net.http.WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
                        ending.complete(code == 1006 ? "no close frame" : "close frame " + code);
                        return null;
                    }

                    @Override
                    public void onError(java.net.http.WebSocket ws, Throwable error) {
                        ending.complete("no close frame");
                    }
                })
                .get(30, TimeUnit.SECONDS);
        socket.sendText(
                        new JsonObject()
                                .put("assets_ids", new JsonArray(TOKENS))
                                .put("type", "market")
                                .encode(),
                        true)
                .get(30, TimeUnit.SECONDS);
        Thread.sleep(300); // the server has registered the subscription

        simulator.polymarket().faults().dropOpenConnectionsWithoutCloseFrame();

        assertEquals("no close frame", ending.get(30, TimeUnit.SECONDS));
    }

    /** Switches one fault on, moves the books with an order per market, and waits for the feed to match. */
    private void phase(String name, boolean losesConnection, Consumer<PolymarketFaults> fault) throws Exception {
        int mark = probe.mark();
        fault.accept(simulator.polymarket().faults());
        for (SimulatedMarket market : MARKETS) {
            OrderResult result = buyAtBestAsk(market.yesTokenId());
            assertTrue(
                    result.status() == OrderStatus.FILLED
                            || result.status() == OrderStatus.DELAYED
                            || result.status() == OrderStatus.UNFILLED,
                    name + ": " + result);
        }
        awaitSameBooks(name);
        if (losesConnection) {
            // the orders' frames may have left on the old connection before the simulator dropped it: the books can
            // match before the feed noticed the loss, so wait for that (bounded), then for the books once more
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!probe.disconnectedSince(mark) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(probe.disconnectedSince(mark), name + ": every book was stale until its new book");
            awaitSameBooks(name + ", reconnected");
        }
    }

    private OrderResult buyAtBestAsk(String token) throws Exception {
        JsonArray asks = restBook(token).getJsonArray("asks");
        if (asks.isEmpty()) {
            return new OrderResult(null, null, OrderStatus.UNFILLED, 0, 0, -1, BigDecimal.ZERO, null, "no asks");
        }
        long price = FixedPoint.parse(asks.getJsonObject(asks.size() - 1).getString("price"));
        return gateway.place(new OrderRequest(
                        "o-" + ++orders,
                        Platform.POLYMARKET,
                        token,
                        Outcome.YES,
                        OrderAction.BUY,
                        price,
                        5 * FixedPoint.ONE,
                        TimeInForce.IMMEDIATE_OR_CANCEL))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    private JsonObject restBook(String token) throws Exception {
        return web.getAbs(simulator.polymarketRestUrl() + "/book")
                .addQueryParam("token_id", token)
                .send()
                .await(30, TimeUnit.SECONDS)
                .bodyAsJsonObject();
    }

    private static TreeMap<Long, Long> levels(JsonArray levels) {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < levels.size(); i++) {
            JsonObject level = levels.getJsonObject(i);
            out.put(FixedPoint.parse(level.getString("price")), FixedPoint.parse(level.getString("size")));
        }
        return out;
    }

    /** The random walk keeps moving: equal means one moment where every token matched the venue. */
    private void awaitSameBooks(String phase) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean same = true;
            for (String token : TOKENS) {
                JsonObject book = restBook(token);
                TreeMap<Long, Long> bids = levels(book.getJsonArray("bids"));
                TreeMap<Long, Long> asks = levels(book.getJsonArray("asks"));
                if (!probe.fresh(token)
                        || !bids.equals(probe.levels(token, true))
                        || !asks.equals(probe.levels(token, false))) {
                    same = false;
                    last = token + " fresh=" + probe.fresh(token) + " venue " + bids + "/" + asks + " feed "
                            + probe.levels(token, true) + "/" + probe.levels(token, false);
                    break;
                }
            }
            if (same) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(phase + ": feed never matched the simulator: " + last);
    }

    /**
     * The monitor's engine fed from the bus; Kalshi books are primed with asks at 0.01 on both outcomes, so
     * any fresh Polymarket book shows an opportunity. One found on a stale Polymarket book is a violation.
     */
    static final class Probe {
        private final ArbitrageEngine engine;
        private final List<String> violations = new ArrayList<>();
        private final List<MarketDataEvent> events = new ArrayList<>();
        private int opportunities;
        private FeedHealth health;

        Probe(Vertx vertx) {
            List<MarketPair> pairs = MARKETS.stream()
                    .map(m -> new MarketPair(
                            m.kalshiTicker(),
                            "",
                            m.kalshiTicker(),
                            70_000,
                            m.conditionId(),
                            m.yesTokenId(),
                            m.noTokenId(),
                            0,
                            10_000,
                            0,
                            false,
                            m.inverse() ? Polarity.INVERSE : Polarity.SAME,
                            0,
                            MarketPair.UNLIMITED))
                    .toList();
            engine = new ArbitrageEngine(pairs, event -> {
                if (event instanceof ArbitrageOpportunityFound found) {
                    opportunities++;
                    Orderbook book = engineBook(found.opportunity().polymarket().instrument());
                    if (book == null || !book.isFresh()) {
                        violations.add("opportunity " + found.id() + " found on a stale Polymarket book");
                    }
                }
            });
            for (SimulatedMarket market : MARKETS) {
                // YES bids at 0.99 (NO asks 0.01) and YES asks at 0.01: cheap Kalshi legs in both directions
                engine.apply(new MarketDataBatch(
                        Platform.KALSHI,
                        1,
                        List.of(new OrderBookSnapshotReceived(
                                Platform.KALSHI,
                                market.kalshiTicker(),
                                new Levels(new long[] {990_000}, new long[] {1_000_000 * FixedPoint.ONE}),
                                new Levels(new long[] {10_000}, new long[] {1_000_000 * FixedPoint.ONE}),
                                1))));
            }
            vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, message -> apply(message.body()));
            vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, message -> {
                synchronized (this) {
                    if (message.body().venue() == Platform.POLYMARKET) {
                        health = message.body();
                    }
                }
            });
        }

        private Orderbook engineBook(String token) {
            return engine.book(Platform.POLYMARKET, token);
        }

        private synchronized void apply(MarketDataBatch batch) {
            if (batch.platform() == Platform.POLYMARKET) {
                events.addAll(batch.events());
                engine.apply(batch);
            }
        }

        synchronized boolean fresh(String token) {
            Orderbook book = engineBook(token);
            return book != null && book.isFresh();
        }

        synchronized TreeMap<Long, Long> levels(String token, boolean bids) {
            TreeMap<Long, Long> out = new TreeMap<>();
            Orderbook book = engineBook(token);
            if (book != null) {
                Levels levels = (bids ? book.bids() : book.asks()).toLevels();
                for (int i = 0; i < levels.count(); i++) {
                    out.put(levels.prices()[i], levels.sizes()[i]);
                }
            }
            return out;
        }

        synchronized int mark() {
            return events.size();
        }

        synchronized boolean disconnectedSince(int mark) {
            return events.subList(mark, events.size()).stream().anyMatch(e -> e instanceof VenueDisconnected);
        }

        synchronized boolean markedStaleSince(int mark, String token) {
            return events.subList(mark, events.size()).stream()
                    .anyMatch(e -> e instanceof VenueDisconnected
                            || e instanceof BookMarkedStale stale
                                    && stale.instrument().equals(token));
        }

        synchronized List<String> violations() {
            return List.copyOf(violations);
        }

        synchronized int opportunities() {
            return opportunities;
        }

        synchronized FeedHealth health() {
            return health;
        }
    }
}

package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kalshi venue on one HTTP server: the {@code /trade-api/ws/v2} WebSocket and the REST API (market
 * data, V2 orders, portfolio; see {@link KalshiRest}). With a public key configured, the WebSocket upgrade
 * and every REST call must be signed; {@link KalshiFaults} injects drops, gaps, repeats, malformed frames,
 * error 25, 429s and slowness.
 */
final class KalshiServer {

    static final String WS_PATH = "/trade-api/ws/v2";
    static final String REST_BASE = "/trade-api/v2";

    private final Vertx vertx;
    private final SimulatedBooks books;
    private final Runnable onSubscribed;
    private final long heartbeatMillis;
    private final Set<KalshiConnection> connections = new LinkedHashSet<>();
    private final List<SimulatedMarket> markets;
    private final KalshiFaults faults;
    private final KalshiAuth auth;
    private final KalshiExchange exchange;
    private final SimulatorCatalogue catalogue;
    private final SimulatedLifecycle lifecycle;
    private HttpServer server;
    private long heartbeatTimer = -1;
    private ProbeSlot probe = new ProbeSlot();

    KalshiServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            Runnable onSubscribed,
            long heartbeatMillis,
            KalshiSimulatorOptions options,
            KalshiFaults faults) {
        this(vertx, books, markets, onSubscribed, heartbeatMillis, options, faults, null);
    }

    /** @param catalogue what {@code GET /markets} says about the listed markets (pair discovery), or null */
    KalshiServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            Runnable onSubscribed,
            long heartbeatMillis,
            KalshiSimulatorOptions options,
            KalshiFaults faults,
            SimulatorCatalogue catalogue) {
        this(
                vertx,
                books,
                markets,
                onSubscribed,
                heartbeatMillis,
                options,
                faults,
                catalogue,
                new SimulatedLifecycle(markets, catalogue, System.currentTimeMillis()),
                Map.of(0, options.startingBalance()));
    }

    /**
     * @param lifecycle    the markets' status, times, shards and results (shared with the Polymarket side)
     * @param startingCash the account's dollars per exchange shard
     */
    KalshiServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            Runnable onSubscribed,
            long heartbeatMillis,
            KalshiSimulatorOptions options,
            KalshiFaults faults,
            SimulatorCatalogue catalogue,
            SimulatedLifecycle lifecycle,
            Map<Integer, java.math.BigDecimal> startingCash) {
        this.catalogue = catalogue;
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.books = books;
        this.markets = List.copyOf(markets);
        this.onSubscribed = onSubscribed;
        this.heartbeatMillis = heartbeatMillis;
        this.faults = faults;
        this.auth = options.authPublicKey() == null
                ? null
                : new KalshiAuth(options.authPublicKey(), options.maxClockSkewMillis(), System::currentTimeMillis);
        this.exchange = new KalshiExchange(books, startingCash, lifecycle, System::currentTimeMillis);
        // the switches act on this event loop; they are flipped from test threads
        var context = vertx.getOrCreateContext();
        faults.onDrop(() -> context.runOnContext(v -> List.copyOf(connections).forEach(KalshiConnection::drop)));
        faults.onEndSubscriptions(
                () -> context.runOnContext(v -> List.copyOf(connections).forEach(KalshiConnection::endSubscriptions)));
    }

    /** The latency probe the order endpoint reports to; set before {@link #listen}. */
    void probe(ProbeSlot probe) {
        this.probe = probe;
    }

    /** Starts listening and returns the bound port. */
    Future<Integer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.get(WS_PATH).handler(this::acceptWebSocket);
        new KalshiRest(vertx, books, markets, exchange, auth, faults, catalogue, lifecycle)
                .probe(probe)
                .mount(router, REST_BASE);
        router.get(REST_BASE + "/markets/:ticker/orderbook").handler(this::orderbook);
        server = vertx.createHttpServer().requestHandler(router);
        return server.listen(port, host).map(listening -> {
            heartbeatTimer = vertx.setPeriodic(
                    heartbeatMillis, id -> List.copyOf(connections).forEach(KalshiConnection::heartbeat));
            return listening.actualPort();
        });
    }

    void onDelta(KalshiDelta delta) {
        long now = System.currentTimeMillis();
        List.copyOf(connections).forEach(connection -> connection.publish(delta, now));
    }

    /**
     * A lifecycle event: sent as {@code market_lifecycle_v2} to every subscriber of that channel (the venue takes
     * no market filter on it, kalshi.md §3.7), and a settlement pays out the account's position.
     */
    void onLifecycle(KalshiMarketState market, io.vertx.core.json.JsonObject msg) {
        if ("settled".equals(msg.getString("event_type"))) {
            exchange.settle(market);
        }
        List.copyOf(connections).forEach(connection -> connection.publishLifecycle(msg));
    }

    Future<Void> close() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void acceptWebSocket(RoutingContext context) {
        if (!context.request().canUpgradeToWebSocket()) {
            context.response().setStatusCode(400).end("WebSocket upgrade required");
            return;
        }
        // every connection must be signed, public channels included (kalshi.md §1)
        String refused = auth == null
                ? null
                : auth.check("GET", context.request().path(), context.request().headers());
        if (refused != null) {
            context.response()
                    .setStatusCode(401)
                    .putHeader("content-type", "application/json")
                    .end(new KalshiRestError(401, "authentication_error", refused)
                            .body()
                            .encode());
            return;
        }
        context.request().toWebSocket().onSuccess(socket -> {
            KalshiConnection connection = new KalshiConnection(socket, books, onSubscribed, faults);
            connections.add(connection);
            socket.textMessageHandler(connection::onText);
            socket.closeHandler(closed -> connections.remove(connection));
        });
    }

    private void orderbook(RoutingContext context) {
        String ticker = context.pathParam("ticker");
        KalshiBook book = books.kalshi(ticker);
        if (book == null) {
            context.response()
                    .setStatusCode(404)
                    .putHeader("content-type", "application/json")
                    .end(KalshiFrames.notFound("market " + ticker + " not found")
                            .encode());
            return;
        }
        int depth;
        try {
            String depthParam = context.request().getParam("depth");
            depth = depthParam == null ? 0 : Integer.parseInt(depthParam);
        } catch (NumberFormatException e) {
            context.response()
                    .setStatusCode(400)
                    .putHeader("content-type", "application/json")
                    .end(new JsonObject()
                            .put(
                                    "error",
                                    new JsonObject()
                                            .put("code", "invalid_parameters")
                                            .put("message", "depth must be an integer"))
                            .encode());
            return;
        }
        context.response()
                .putHeader("content-type", "application/json")
                .end(KalshiFrames.restOrderbook(book, depth).encode());
    }
}

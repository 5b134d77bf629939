package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Polymarket venue on one HTTP server: the {@code /ws/market} channel (no auth, as on the real venue),
 * public REST ({@code /book}, {@code /tick-size}, {@code /time}), a Gamma-like {@code /markets}, the
 * Data-API-like {@code /positions}, L1 {@code /auth/derive-api-key}, and the L2-authenticated trading
 * endpoints {@code POST /order}, {@code DELETE /order}, {@code GET /data/order/{hash}},
 * {@code GET /balance-allowance}. Faults are switched through {@link PolymarketVenue#faults()}.
 */
final class PolymarketServer {

    static final String WS_PATH = "/ws/market";
    /** How often the server looks for a requested connection drop. */
    private static final long FAULT_POLL_MILLIS = 20;
    /** The allowance reported for every spender: the wallet approved the exchanges without limit. */
    static final String UNLIMITED_ALLOWANCE =
            "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    private final Vertx vertx;
    private final SimulatedBooks books;
    private final List<SimulatedMarket> markets;
    private final PolymarketVenue venue;
    private final PolymarketFaults faults;
    private final PolymarketOrderDesk desk;
    private final Runnable onSubscribed;
    private final SimulatorCatalogue catalogue;
    private final SimulatedLifecycle lifecycle;
    private final PolygonRpc rpc;
    private final Set<PolymarketConnection> connections = new LinkedHashSet<>();
    private HttpServer server;
    private long faultTimer = -1;
    private int dropsSeen;
    private ProbeSlot probe = new ProbeSlot();

    PolymarketServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            PolymarketVenue venue,
            Runnable onSubscribed) {
        this(vertx, books, markets, venue, onSubscribed, null);
    }

    /** @param catalogue what the Gamma {@code /markets} says about the listed markets (pair discovery), or null */
    PolymarketServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            PolymarketVenue venue,
            Runnable onSubscribed,
            SimulatorCatalogue catalogue) {
        this(
                vertx,
                books,
                markets,
                venue,
                onSubscribed,
                catalogue,
                new SimulatedLifecycle(markets, catalogue, System.currentTimeMillis()));
    }

    /**
     * @param lifecycle the markets' status and results (shared with the Kalshi side)
     */
    PolymarketServer(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            PolymarketVenue venue,
            Runnable onSubscribed,
            SimulatorCatalogue catalogue,
            SimulatedLifecycle lifecycle) {
        this.catalogue = catalogue;
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.books = books;
        this.markets = markets;
        this.venue = venue;
        this.faults = venue.faults();
        this.desk = new PolymarketOrderDesk(vertx, books, markets, faults, PolymarketVenue.CHAIN_ID)
                .lifecycle(lifecycle)
                .startingCash(venue::startingCashMicros);
        this.rpc = new PolygonRpc(desk, PolymarketVenue.CHAIN_ID);
        this.onSubscribed = onSubscribed;
    }

    /** The latency probe {@code POST /order} reports to; set before {@link #listen}. */
    void probe(ProbeSlot probe) {
        this.probe = probe;
    }

    /** Starts listening and returns the bound port. */
    Future<Integer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.get(WS_PATH).handler(this::acceptWebSocket);
        router.get("/book").handler(this::book);
        router.get("/tick-size")
                .handler(context -> json(
                        context,
                        200,
                        new JsonObject().put("minimum_tick_size", Double.parseDouble(PolymarketFrames.TICK_SIZE))));
        router.get("/time").handler(context -> context.response().end(Long.toString(nowSeconds())));
        router.get("/markets").handler(this::gammaMarkets);
        router.get("/positions")
                .handler(context -> json(
                        context,
                        200,
                        null,
                        desk.positions(context.request().getParam("user"), yesTokens())
                                .encode()));
        router.get("/auth/derive-api-key").handler(this::deriveApiKey);
        router.route("/order").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/order").handler(this::probeOrder);
        router.post("/order").handler(this::postOrder);
        router.delete("/order")
                .handler(context -> authenticated(context, account -> reply(context, desk.cancel(body(context)))));
        router.get("/data/order/:hash")
                .handler(context ->
                        authenticated(context, account -> reply(context, desk.order(context.pathParam("hash")))));
        router.get("/data/trades")
                .handler(context -> authenticated(
                        context,
                        account -> reply(
                                context,
                                desk.trades(
                                        context.request().getParam("maker_address"),
                                        context.request().getParam("asset_id"),
                                        context.request().getParam("after"),
                                        context.request().getParam("before"),
                                        context.request().getParam("next_cursor")))));
        router.get("/balance-allowance")
                .handler(context -> authenticated(context, account -> balance(context, account)));
        router.get("/balance-allowance/update")
                .handler(context -> authenticated(context, account -> {
                    desk.refreshBalance(wallet(account));
                    json(context, 200, new JsonObject());
                }));
        router.post(PolygonRpc.PATH).handler(BodyHandler.create().setBodyLimit(256 * 1024));
        router.post(PolygonRpc.PATH)
                .handler(
                        context -> json(context, 200, null, io.vertx.core.json.Json.encode(rpc.handle(body(context)))));
        server = vertx.createHttpServer().requestHandler(router);
        faultTimer = vertx.setPeriodic(FAULT_POLL_MILLIS, id -> pollFaults());
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    /**
     * {@code GET /balance-allowance?asset_type=COLLATERAL|CONDITIONAL&token_id=&signature_type=} (polymarket.md
     * §3.5): the CLOB's cached balance in 6-decimal base units and the exchanges' allowances. The cache lags the
     * wallet until {@code /balance-allowance/update} (a redemption on chain is not seen before that).
     */
    private void balance(RoutingContext context, PolymarketAccount account) {
        String type = context.request().getParam("asset_type");
        String wallet = wallet(account);
        if ("CONDITIONAL".equals(type) || "CONDITIONAL-V2".equals(type)) {
            String token = context.request().getParam("token_id");
            if (token == null || books.polymarket(token) == null) {
                json(context, 400, PolymarketFrames.error("Invalid token id"));
                return;
            }
            json(
                    context,
                    200,
                    new JsonObject()
                            .put("balance", Long.toString(Math.max(0, desk.shares(wallet, token))))
                            .put("allowances", allowances()));
            return;
        }
        if (type != null && !"COLLATERAL".equals(type)) {
            json(context, 400, PolymarketFrames.error("Invalid asset_type"));
            return;
        }
        json(
                context,
                200,
                new JsonObject()
                        .put("balance", Long.toString(desk.reportedBalance(wallet)))
                        .put("allowances", allowances()));
    }

    private static JsonObject allowances() {
        return new JsonObject()
                .put(PolymarketSignatureCheck.CTF_V2, UNLIMITED_ALLOWANCE)
                .put(NEG_RISK_EXCHANGE_V2, UNLIMITED_ALLOWANCE)
                .put(PolygonRpc.NEG_RISK_ADAPTER, UNLIMITED_ALLOWANCE);
    }

    static final String NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59";

    /** The wallet whose funds an API account trades: its funder (proxy, Safe, deposit wallet), else its EOA. */
    private static String wallet(PolymarketAccount account) {
        return account.funder() != null ? account.funder() : account.address();
    }

    /**
     * A market changed: {@code market_resolved} goes to the connections that enabled custom features and follow
     * one of its tokens (polymarket.md §2.7).
     */
    void onLifecycle(PolymarketMarketState market, String change) {
        if (!"resolved".equals(change)) {
            return;
        }
        JsonObject event = PolymarketFrames.marketResolved(market, System.currentTimeMillis());
        List.copyOf(connections).forEach(connection -> connection.publishResolved(market, event));
    }

    /** {@code http://host:port/rpc}-style path of the simulated Polygon JSON-RPC. */
    static String rpcPath() {
        return PolygonRpc.PATH;
    }

    void onPriceChange(PolymarketPriceChange change) {
        if (faults.takeLostPriceChange()) {
            return; // lost in transit: clients' books silently diverge until their next check
        }
        int malformed = faults.takeMalformedFrames();
        long now = System.currentTimeMillis();
        List.copyOf(connections).forEach(connection -> {
            for (int i = 0; i < malformed; i++) {
                connection.sendMalformed(i);
            }
            connection.publish(change, now);
        });
    }

    Future<Void> close() {
        if (faultTimer != -1) {
            vertx.cancelTimer(faultTimer);
        }
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void pollFaults() {
        int drops = faults.dropRequests();
        if (drops != dropsSeen) {
            dropsSeen = drops;
            List.copyOf(connections).forEach(PolymarketConnection::dropWithoutCloseFrame);
        }
    }

    private void acceptWebSocket(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!request.canUpgradeToWebSocket()) {
            context.response().setStatusCode(400).end("WebSocket upgrade required");
            return;
        }
        HttpConnection tcp = request.connection();
        request.toWebSocket().onSuccess(socket -> {
            PolymarketConnection connection =
                    new PolymarketConnection(socket, tcp, books, faults, faults.registerConnection(), onSubscribed);
            connections.add(connection);
            socket.textMessageHandler(connection::onText);
            socket.closeHandler(closed -> connections.remove(connection));
        });
    }

    private void book(RoutingContext context) {
        String tokenId = context.request().getParam("token_id");
        PolymarketBook book = tokenId == null ? null : books.polymarket(tokenId);
        if (tokenId == null || tokenId.isBlank()) {
            json(context, 400, PolymarketFrames.error("Invalid token id"));
        } else if (book == null) {
            json(context, 404, PolymarketFrames.error("No orderbook exists for the requested token id"));
        } else {
            json(
                    context,
                    200,
                    PolymarketFrames.summary(books.conditionId(tokenId), tokenId, book, System.currentTimeMillis()));
        }
    }

    private void gammaMarkets(RoutingContext context) {
        Set<String> conditions = new HashSet<>(context.queryParam("condition_ids"));
        Set<String> tokens = new HashSet<>(context.queryParam("clob_token_ids"));
        if (catalogue == null) {
            json(
                    context,
                    200,
                    null,
                    PolymarketGamma.withLifecycle(PolymarketGamma.markets(markets, conditions, tokens), lifecycle)
                            .encode());
            return;
        }
        try {
            json(
                    context,
                    200,
                    null,
                    PolymarketGamma.markets(
                                    markets,
                                    catalogue,
                                    lifecycle,
                                    conditions,
                                    tokens,
                                    context.request().getParam("active"),
                                    context.request().getParam("closed"),
                                    intParam(context, "limit", Integer.MAX_VALUE),
                                    intParam(context, "offset", 0))
                            .encode());
        } catch (NumberFormatException e) {
            json(context, 400, PolymarketFrames.error("limit and offset must be non-negative integers"));
        }
    }

    private static int intParam(RoutingContext context, String name, int otherwise) {
        String value = context.request().getParam(name);
        int parsed = value == null ? otherwise : Integer.parseInt(value.trim());
        if (parsed < 0) {
            throw new NumberFormatException(name);
        }
        return parsed;
    }

    private void deriveApiKey(RoutingContext context) {
        var headers = context.request().headers();
        String address = headers.get("POLY_ADDRESS");
        String timestamp = headers.get("POLY_TIMESTAMP");
        String nonce = headers.get("POLY_NONCE") == null ? "0" : headers.get("POLY_NONCE");
        String signature = headers.get("POLY_SIGNATURE");
        String signer = address == null || timestamp == null || signature == null
                ? null
                : PolymarketSignatureCheck.clobAuthSigner(
                        address, timestamp, nonce, signature, PolymarketVenue.CHAIN_ID);
        long nonceValue;
        try {
            nonceValue = Long.parseLong(nonce);
        } catch (NumberFormatException e) {
            nonceValue = -1;
        }
        if (signer == null || !signer.equalsIgnoreCase(address) || nonceValue < 0) {
            json(context, 401, PolymarketFrames.error("Invalid L1 Request headers"));
            return;
        }
        PolymarketAccount account = venue.derive(address, nonceValue, null);
        json(
                context,
                200,
                new JsonObject()
                        .put("apiKey", account.apiKey())
                        .put("secret", account.secret())
                        .put("passphrase", account.passphrase()));
    }

    /** The latency probe sees an order as soon as its body is in, before faults, authentication and matching. */
    private void probeOrder(RoutingContext context) {
        SimulatorProbe installed = probe.get();
        if (installed != SimulatorProbe.NONE) {
            long now = System.nanoTime();
            String salt = null;
            try {
                JsonObject order = context.body().asJsonObject().getJsonObject("order");
                salt = order == null || order.getValue("salt") == null
                        ? null
                        : order.getValue("salt").toString();
            } catch (RuntimeException malformed) {
                // postOrder answers it
            }
            installed.orderReceived(SimulatorProbe.Venue.POLYMARKET, salt, now);
        }
        context.next();
    }

    private void postOrder(RoutingContext context) {
        PolymarketOrderDesk.Reply gated = desk.gate();
        if (gated != null) {
            reply(context, gated);
            return;
        }
        authenticated(context, account -> reply(context, desk.place(account, body(context))));
    }

    private void authenticated(RoutingContext context, java.util.function.Consumer<PolymarketAccount> handler) {
        HttpServerRequest request = context.request();
        PolymarketAccount account = PolymarketAuthCheck.verify(
                venue.accountsByKey(),
                request.headers(),
                request.method().name(),
                request.path(),
                body(context),
                nowSeconds());
        if (account == null) {
            json(context, 401, PolymarketFrames.error("Unauthorized/Invalid api key"));
            return;
        }
        handler.accept(account);
    }

    private static String body(RoutingContext context) {
        return context.body() == null
                        || context.body().buffer() == null
                        || context.body().length() == 0
                ? null
                : context.body().asString();
    }

    private Set<String> yesTokens() {
        Set<String> yes = new HashSet<>();
        markets.forEach(market -> yes.add(market.yesTokenId()));
        return yes;
    }

    private static void reply(RoutingContext context, PolymarketOrderDesk.Reply reply) {
        if (reply.retryAfter() != null) {
            context.response().putHeader("Retry-After", Integer.toString(reply.retryAfter()));
        }
        json(context, reply.status(), reply.body());
    }

    private static void json(RoutingContext context, int status, JsonObject body) {
        json(context, status, body, body.encode());
    }

    private static void json(RoutingContext context, int status, JsonObject ignored, String text) {
        context.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(text);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}

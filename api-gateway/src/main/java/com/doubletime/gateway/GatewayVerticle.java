package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.ConfiguredPairs;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.TradeJournalJson;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The HTTP face of the system: control API, history, SSE streams, health, metrics and the dashboard. See
 * {@code api-gateway/README.md} for every route and {@code /api/openapi.json} for the contract.
 *
 * <p>Requests to other services go over the bus (the executor owns trades, positions, controls and risk
 * limits; the monitor owns the books); the gateway owns the configured pairs and announces their changes
 * on {@link Addresses#PAIRS_CHANGED}. Each instance keeps its own event rings and SSE clients, all touched
 * only on its event loop.
 */
public final class GatewayVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(GatewayVerticle.class.getName());
    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int TRADE_BUFFER = 500;
    private static final int HEALTH_BUFFER = 100;

    private final GatewayConfig config;
    private final List<MarketPair> initialPairs;
    private final List<Meter> meters = new ArrayList<>();
    private CatalogueSource catalogues;
    private EventRing opportunities;
    private EventRing trades;
    private EventRing feedHealth;
    private SseHub opportunityClients;
    private SseHub tradeClients;
    private SseHub healthClients;
    private FeedHealthBoard board;
    private PairsApi pairsApi;
    private Router router;
    private HttpServer server;
    private long keepAliveTimer = -1;

    public GatewayVerticle(GatewayConfig config) {
        this(config, List.of());
    }

    /** @param pairs the pairs configured at start; the gateway owns the set from then on (API changes) */
    public GatewayVerticle(GatewayConfig config, List<MarketPair> pairs) {
        this.config = config;
        this.initialPairs = List.copyOf(pairs);
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        long firstId = System.currentTimeMillis() * 1000;
        opportunities = new EventRing(config.opportunityBuffer(), firstId);
        trades = new EventRing(TRADE_BUFFER, firstId);
        feedHealth = new EventRing(HEALTH_BUFFER, firstId);
        opportunityClients = new SseHub(config.sseMaxQueuedBytes());
        tradeClients = new SseHub(config.sseMaxQueuedBytes());
        healthClients = new SseHub(config.sseMaxQueuedBytes());
        board = new FeedHealthBoard();
        pairsApi = new PairsApi(new ConfiguredPairs(initialPairs));
        MeterRegistry registry = Meters.registry();
        meters.addAll(board.registerMeters(registry));
        if (config.apiToken() == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "gateway: no API token configured; the API is open to anyone who can " + "reach " + config.host()
                            + " (paper mode only; set " + GatewayConfig.TOKEN_ENV + ")");
        }
        keepAliveTimer = vertx.setPeriodic(config.keepAliveInterval().toMillis(), id -> {
            opportunityClients.keepAlive();
            tradeClients.keepAlive();
            healthClients.keepAlive();
        });
        var bus = vertx.eventBus();
        Future<Void> subscribed = Future.all(List.of(
                        bus.<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, this::onOpportunity)
                                .completion(),
                        bus.<TradeReport>consumer(Addresses.TRADES, this::onTrade)
                                .completion(),
                        bus.<JsonObject>consumer(Addresses.CONTROL_EVENTS, this::onControlState)
                                .completion(),
                        bus.<FeedHealth>consumer(Addresses.FEED_HEALTH, this::onFeedHealth)
                                .completion()))
                .mapEmpty();
        router = router();
        Future<HttpServer> listening = vertx.createHttpServer(
                        new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router)
                .listen()
                .onSuccess(s -> server = s);
        return Future.all(subscribed, listening);
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(keepAliveTimer);
        opportunityClients.closeAll();
        tradeClients.closeAll();
        healthClients.closeAll();
        MeterRegistry registry = Meters.registry();
        meters.forEach(registry::remove);
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Where {@code GET /api/discovery/candidates} reads the venues' catalogues; set before deploying. */
    public GatewayVerticle withCatalogues(CatalogueSource source) {
        this.catalogues = source;
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /** Every API route as {@code METHOD path} (OpenAPI path syntax), for the test that checks the OpenAPI document. */
    public List<String> apiRoutes() {
        TreeSet<String> routes = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || route.methods() == null || (path.endsWith("/") && !path.equals("/"))) {
                continue; // cross-cutting handlers (auth, body, CORS) and static files
            }
            String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
            for (HttpMethod method : route.methods()) {
                routes.add(method.name() + " " + openApiPath);
            }
        }
        return List.copyOf(routes);
    }

    private Router router() {
        Router r = Router.router(vertx);
        if (!config.corsOrigins().isEmpty()) {
            r.route()
                    .handler(CorsHandler.create()
                            .addOrigins(config.corsOrigins())
                            .allowedHeader("Authorization")
                            .allowedHeader("Content-Type")
                            .allowedHeader(LAST_EVENT_ID));
        }
        // public: probes, the contract, and the dashboard's static files (they hold no data; the API calls do)
        r.get("/health").handler(this::health);
        r.get("/health/live")
                .handler(rc -> json(rc, new JsonObject().put("status", "UP").encode()));
        r.get("/health/ready").handler(this::readiness);
        String openApi = resource("/openapi.json");
        r.get("/api/openapi.json").handler(rc -> json(rc, openApi));
        r.get("/").handler(rc -> rc.redirect("/dashboard/"));
        r.get("/dashboard/*").handler(StaticHandler.create("dashboard").setCachingEnabled(false));

        ApiAuth auth = new ApiAuth(config.apiToken(), config.readsRequireToken());
        r.route("/api/*").handler(auth);
        r.get("/metrics").handler(auth).handler(metricsHandler());
        // after auth: an unauthenticated body is never read. Method-routed handlers would turn 404s into 405s.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        r.route("/api/*").handler(rc -> {
            HttpMethod method = rc.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                rc.next();
            } else {
                body.handle(rc);
            }
        });

        r.get("/api/opportunities").handler(this::recentOpportunities);
        r.get("/api/opportunities/stream").handler(rc -> stream(rc, opportunities, opportunityClients));
        r.get("/api/trades").handler(this::recentTrades);
        r.get("/api/trades/stream").handler(rc -> stream(rc, trades, tradeClients));
        r.get("/api/positions").handler(rc -> ask(rc, Addresses.POSITIONS_QUERY, new JsonObject(), "trade executor"));
        r.get("/api/feeds/health")
                .handler(rc -> json(
                        rc,
                        board.json(pairsApi.pairs(), System.currentTimeMillis()).encode()));
        r.get("/api/feeds/health/stream").handler(rc -> stream(rc, feedHealth, healthClients));
        r.get("/api/markets").handler(rc -> ask(rc, Addresses.MARKETS_QUERY, new JsonObject(), "arbitrage monitor"));

        r.get("/api/pairs").handler(rc -> json(rc, pairsApi.list().encode()));
        r.post("/api/pairs").handler(rc -> announce(rc, 201, pairsApi.add(JsonBodies.object(rc, false))));
        r.post("/api/pairs/reload").handler(this::reloadPairs);
        r.delete("/api/pairs/:id").handler(rc -> announce(rc, 200, pairsApi.remove(rc.pathParam("id"))));

        r.get("/api/control").handler(rc -> control(rc, "status", null));
        r.post("/api/control/pause").handler(rc -> control(rc, "pause", reason(rc)));
        r.post("/api/control/resume").handler(rc -> control(rc, "resume", reason(rc)));
        r.post("/api/control/kill-switch").handler(this::killSwitch);
        r.get("/api/risk-limits").handler(rc -> askControl(rc, new JsonObject().put("action", "status"), true));
        r.patch("/api/risk-limits").handler(this::updateRiskLimits);
        r.get("/api/discovery/candidates").handler(this::discoveryCandidates);

        r.route().failureHandler(this::failure);
        r.errorHandler(
                404,
                rc -> ApiErrors.send(
                        rc,
                        404,
                        "no route for " + rc.request().method() + " "
                                + rc.request().path(),
                        null));
        r.errorHandler(
                405,
                rc -> ApiErrors.send(
                        rc,
                        405,
                        "method " + rc.request().method() + " not allowed on "
                                + rc.request().path(),
                        null));
        return r;
    }

    private static String resource(String name) {
        try (var in = GatewayVerticle.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    private io.vertx.core.Handler<RoutingContext> metricsHandler() {
        if (BackendRegistries.getDefaultNow() == null) {
            return rc -> ApiErrors.send(rc, 503, "metrics are not enabled on this Vert.x instance", null);
        }
        return PrometheusScrapingHandler.create();
    }

    private void onOpportunity(Message<OpportunityEvent> message) {
        opportunityClients.broadcast(opportunities.append(message.body()).sseFrame());
    }

    private void onTrade(Message<TradeReport> message) {
        TradeReport report = message.body();
        tradeClients.broadcast(
                trades.append("trade", TradeJournalJson.write(report), report.pairId(), report.executedAtNanos(), null)
                        .sseFrame());
    }

    /** Control changes travel on the trades stream, so a dashboard sees a kill switch the moment it is on. */
    private void onControlState(Message<JsonObject> message) {
        tradeClients.broadcast(
                trades.append("control", message.body().encode(), null, 0, null).sseFrame());
    }

    private void onFeedHealth(Message<FeedHealth> message) {
        long now = System.currentTimeMillis();
        board.update(message.body(), now);
        healthClients.broadcast(feedHealth
                .append(
                        "feed_health",
                        FeedHealthBoard.venueJson(message.body(), now).encode(),
                        null,
                        now * 1_000_000L,
                        null)
                .sseFrame());
    }

    private void health(RoutingContext rc) {
        json(
                rc,
                new JsonObject()
                        .put("status", "UP")
                        .put("mode", config.mode())
                        .put("sseClients", opportunityClients.size())
                        .put(
                                "sseClientsDropped",
                                opportunityClients.dropped() + tradeClients.dropped() + healthClients.dropped())
                        .put("opportunitiesBuffered", opportunities.size())
                        .put("lastEventId", opportunities.lastId())
                        .put("pairs", pairsApi.pairs().size())
                        .encode());
    }

    /**
     * Ready when every service it depends on answers: the executor and the monitor over the bus, and each feed
     * has reported (within 5 s) that it is connected. 503 otherwise, with each check's state.
     */
    private void readiness(RoutingContext rc) {
        DeliveryOptions options =
                new DeliveryOptions().setSendTimeout(config.tradesQueryTimeout().toMillis());
        Future<Object> executor = vertx.eventBus()
                .request(Addresses.CONTROL, new JsonObject().put("action", "status"), options)
                .map(reply -> (Object) "UP");
        Future<Object> monitor = vertx.eventBus()
                .request(Addresses.MARKETS_QUERY, new JsonObject(), options)
                .map(reply -> (Object) "UP");
        Future.join(executor, monitor).onComplete(done -> {
            JsonObject feeds = board.json(List.of(), System.currentTimeMillis()).getJsonObject("venues");
            JsonObject checks = new JsonObject()
                    .put("gateway", "UP")
                    .put("trade-executor", executor.succeeded() ? "UP" : "DOWN: " + describe(executor.cause()))
                    .put("arbitrage-monitor", monitor.succeeded() ? "UP" : "DOWN: " + describe(monitor.cause()));
            boolean ready = executor.succeeded() && monitor.succeeded();
            for (String venue : feeds.fieldNames()) {
                JsonObject feed = feeds.getJsonObject(venue);
                boolean up = feed.getBoolean("reported")
                        && feed.getBoolean("connected")
                        && feed.getLong("reportAgeMillis") < 5_000;
                checks.put(
                        venue + "-feed",
                        up
                                ? "UP"
                                : !feed.getBoolean("reported")
                                        ? "DOWN: no health report yet"
                                        : !feed.getBoolean("connected")
                                                ? "DOWN: disconnected"
                                                : "DOWN: no health report for 5 s");
                ready &= up;
            }
            rc.response().setStatusCode(ready ? 200 : 503);
            json(
                    rc,
                    new JsonObject()
                            .put("status", ready ? "READY" : "NOT_READY")
                            .put("checks", checks)
                            .encode());
        });
    }

    /** The buffered events written as they were received: each element is byte for byte the §4 JSON. */
    private void recentOpportunities(RoutingContext rc) {
        int limit = limit(rc, config.opportunityBuffer());
        OpportunityFilter filter = OpportunityFilter.from(rc.queryParams());
        List<StreamedEvent> matching = new ArrayList<>();
        for (StreamedEvent event : opportunities.latest(config.opportunityBuffer())) {
            if (filter.accepts(event)) {
                matching.add(event);
            }
        }
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (StreamedEvent event : matching.subList(Math.max(0, matching.size() - limit), matching.size())) {
            array.add(event.json());
        }
        json(rc, array.toString());
    }

    private void stream(RoutingContext rc, EventRing ring, SseHub clients) {
        String lastEventId = rc.request().getHeader(LAST_EVENT_ID);
        List<StreamedEvent> backlog = List.of();
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                backlog = ring.after(Long.parseLong(lastEventId.trim()));
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest(LAST_EVENT_ID, "Last-Event-ID must be an event id from this stream");
            }
        }
        clients.open(rc.request(), backlog);
    }

    private void recentTrades(RoutingContext rc) {
        int limit = limit(rc, Integer.MAX_VALUE);
        JsonObject query = new JsonObject();
        if (rc.queryParams().contains("limit")) {
            query.put("limit", limit);
        }
        DeliveryOptions options =
                new DeliveryOptions().setSendTimeout(config.tradesQueryTimeout().toMillis());
        vertx.eventBus()
                .<JsonArray>request(Addresses.TRADES_QUERY, query, options)
                .onSuccess(reply -> json(rc, reply.body().encode()))
                .onFailure(failure ->
                        ApiErrors.send(rc, 503, "trade executor did not answer: " + describe(failure), null));
    }

    private void announce(RoutingContext rc, int status, PairsChanged change) {
        vertx.eventBus().publish(Addresses.PAIRS_CHANGED, change);
        LOG.log(System.Logger.Level.INFO, "pairs changed through the API: added " + PairsApi.changeJson(change));
        rc.response().setStatusCode(status);
        json(rc, PairsApi.changeJson(change).encode());
    }

    private void reloadPairs(RoutingContext rc) {
        JsonBodies.allowOnly(JsonBodies.object(rc, true), java.util.Set.of(), "");
        if (config.pairsFile() == null) {
            throw new ApiErrors.Conflict(null, "no pairs file is configured to reload");
        }
        PairsLoader.load(vertx, config.pairsFile()).onComplete(loaded -> {
            if (loaded.succeeded()) {
                try {
                    announce(rc, 200, pairsApi.replaceAll(loaded.result()));
                } catch (PairsFileException e) {
                    ApiErrors.send(rc, 400, e.getMessage(), e.field());
                }
            } else if (loaded.cause() instanceof PairsFileException e) {
                ApiErrors.send(rc, 400, e.getMessage(), e.field() == null ? "pairsFile" : e.field());
            } else {
                ApiErrors.send(
                        rc,
                        500,
                        "cannot reload the pairs file: " + loaded.cause().getMessage(),
                        null);
            }
        });
    }

    private static String reason(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, true);
        JsonBodies.allowOnly(body, java.util.Set.of("reason"), "");
        Object reason = body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw new ApiErrors.BadRequest("reason", "reason must be a string");
        }
        return (String) reason;
    }

    private void killSwitch(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, false);
        JsonBodies.allowOnly(body, java.util.Set.of("on", "reason"), "");
        if (!(body.get("on") instanceof Boolean on)) {
            throw new ApiErrors.BadRequest("on", "on must be true or false");
        }
        if (body.get("reason") != null && !(body.get("reason") instanceof String)) {
            throw new ApiErrors.BadRequest("reason", "reason must be a string");
        }
        control(rc, on ? "kill-switch-on" : "kill-switch-off", (String) body.get("reason"));
    }

    private void control(RoutingContext rc, String action, String reason) {
        JsonObject command = new JsonObject().put("action", action);
        if (reason != null) {
            command.put("reason", reason);
        }
        askControl(rc, command, false);
    }

    private void updateRiskLimits(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, false);
        askControl(
                rc,
                new JsonObject()
                        .put("action", "risk-limits")
                        .put("riskLimits", new JsonObject(castMap(JsonBodies.plain(body)))),
                true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }

    private void askControl(RoutingContext rc, JsonObject command, boolean limitsOnly) {
        DeliveryOptions options =
                new DeliveryOptions().setSendTimeout(config.tradesQueryTimeout().toMillis());
        vertx.eventBus()
                .<JsonObject>request(Addresses.CONTROL, command, options)
                .onSuccess(reply ->
                        json(rc, (limitsOnly ? reply.body().getJsonObject("riskLimits") : reply.body()).encode()))
                .onFailure(failure -> replyFailure(rc, failure, "trade executor"));
    }

    private void ask(RoutingContext rc, String address, JsonObject query, String service) {
        DeliveryOptions options =
                new DeliveryOptions().setSendTimeout(config.tradesQueryTimeout().toMillis());
        vertx.eventBus()
                .request(address, query, options)
                .onSuccess(reply ->
                        json(rc, reply.body() instanceof JsonObject o ? o.encode() : String.valueOf(reply.body())))
                .onFailure(failure -> replyFailure(rc, failure, service));
    }

    /** A service's own refusal (400 with field, 500) is passed on; no answer at all is 503. */
    private static void replyFailure(RoutingContext rc, Throwable failure, String service) {
        if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            try {
                JsonObject error = new JsonObject(reply.getMessage());
                ApiErrors.send(rc, reply.failureCode(), error.getString("error"), error.getString("field"));
            } catch (DecodeException e) {
                ApiErrors.send(rc, 502, service + " failed: " + reply.getMessage(), null);
            }
            return;
        }
        ApiErrors.send(rc, 503, service + " did not answer: " + describe(failure), null);
    }

    /**
     * Both catalogues, ranked ({@link com.doubletime.domain.discovery.PairDiscovery}); markets already paired
     * are left out. Each candidate carries a draft pair for {@code POST /api/pairs}: a human checks it first.
     */
    private void discoveryCandidates(RoutingContext rc) {
        int limit = limit(rc, 100);
        double minScore = com.doubletime.domain.discovery.PairDiscovery.DEFAULT_MIN_SCORE;
        String rawScore = rc.queryParams().get("minScore");
        if (rawScore != null) {
            try {
                minScore = Double.parseDouble(rawScore.trim()); // a ranking cut-off, not money
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest("minScore", "minScore must be a number from 0 to 1");
            }
        }
        if (catalogues == null) {
            ApiErrors.send(
                    rc,
                    503,
                    "pair discovery has no catalogue source: the venues' catalogue clients are not "
                            + "configured in this deployment",
                    null);
            return;
        }
        double cut = minScore;
        Future<List<com.doubletime.domain.discovery.MarketListing>> kalshi =
                catalogues.openMarkets(com.doubletime.domain.Platform.KALSHI);
        Future<List<com.doubletime.domain.discovery.MarketListing>> polymarket =
                catalogues.openMarkets(com.doubletime.domain.Platform.POLYMARKET);
        Future.all(kalshi, polymarket).onComplete(done -> {
            if (done.failed()) {
                ApiErrors.send(
                        rc,
                        503,
                        "a venue catalogue could not be read: " + done.cause().getMessage(),
                        null);
                return;
            }
            java.util.Set<String> paired = new java.util.HashSet<>();
            pairsApi.pairs().forEach(p -> {
                paired.add(p.kalshiTicker());
                paired.add(p.conditionId());
            });
            JsonArray out = new JsonArray();
            for (var candidate :
                    com.doubletime.domain.discovery.PairDiscovery.rank(kalshi.result(), polymarket.result(), cut)) {
                if (paired.contains(candidate.kalshi().id())
                        || paired.contains(candidate.polymarket().id())) {
                    continue;
                }
                out.add(DiscoveryJson.candidate(candidate));
                if (out.size() == limit) {
                    break;
                }
            }
            json(
                    rc,
                    new JsonObject().put("candidates", out).put("minScore", cut).encode());
        });
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
                return "no trade executor is running";
            }
            if (reply.failureType() == ReplyFailure.TIMEOUT) {
                return "timed out";
            }
        }
        return String.valueOf(failure.getMessage());
    }

    /** {@code ?limit=n}, 1 to {@code max}; absent means {@code max}. */
    private static int limit(RoutingContext rc, int max) {
        String raw = rc.queryParams().get("limit");
        if (raw == null) {
            return max;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw new ApiErrors.BadRequest(
                "limit", "limit must be a whole number from 1" + (max == Integer.MAX_VALUE ? "" : " to " + max));
    }

    private void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof ApiErrors.BadRequest bad) {
            ApiErrors.send(rc, 400, bad.getMessage(), bad.field);
        } else if (failure instanceof ApiErrors.Conflict conflict) {
            ApiErrors.send(rc, 409, conflict.getMessage(), conflict.field);
        } else if (failure instanceof ApiErrors.NotFound missing) {
            ApiErrors.send(rc, 404, missing.getMessage(), null);
        } else if (failure instanceof ApiErrors.UnsupportedMediaType media) {
            ApiErrors.send(rc, 415, media.getMessage(), "Content-Type");
        } else if (rc.statusCode() == 413) {
            ApiErrors.send(rc, 413, "request body larger than " + config.maxBodyBytes() + " bytes", "body");
        } else if (rc.statusCode() == 404 || rc.statusCode() == 405) {
            rc.next(); // the router's JSON error handlers answer these
        } else {
            if (failure != null) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "gateway: " + rc.request().method() + " " + rc.request().path() + " failed",
                        failure);
            }
            ApiErrors.send(
                    rc,
                    rc.statusCode() > 0 ? rc.statusCode() : 500,
                    failure == null ? "request failed" : "internal error",
                    null);
        }
    }

    private static void json(RoutingContext rc, String body) {
        rc.response().putHeader("Content-Type", "application/json").end(body);
    }
}

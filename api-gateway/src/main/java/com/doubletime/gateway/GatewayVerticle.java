package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.ExecutorStatus;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.ConfiguredPairs;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The HTTP face of the system, wiring only: it builds the handlers ({@link Readiness}, {@link Dashboard},
 * {@link StreamsApi}, {@link QueryApi}, {@link ControlApi}, {@link DiscoveryApi}), puts authentication, the body
 * limit and CORS in front of them, subscribes the streams to the bus and listens. See {@code api-gateway/README.md}
 * for every route and {@code /api/openapi.json} for the contract. Everything runs on the gateway's event loop.
 */
public final class GatewayVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(GatewayVerticle.class.getName());

    private final GatewayConfig config;
    private final List<MarketPair> initialPairs;
    private final List<Meter> meters = new ArrayList<>();
    private CatalogueSource catalogues;
    private StreamsApi streams;
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
        if (config.apiToken() == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "gateway: no API token configured; the API is open to anyone who can reach " + config.host()
                            + " (paper mode only; set " + GatewayConfig.TOKEN_ENV + ")");
        }
        FeedHealthBoard board = new FeedHealthBoard();
        ExecutorBoard executors = new ExecutorBoard();
        meters.addAll(board.registerMeters(Meters.registry()));
        PairsApi pairs = new PairsApi(new ConfiguredPairs(initialPairs));
        MarketStatusBoard statuses = new MarketStatusBoard();
        ServiceRequests services = new ServiceRequests(vertx, config.tradesQueryTimeout());
        streams = new StreamsApi(config, board, System.currentTimeMillis());
        keepAliveTimer = vertx.setPeriodic(config.keepAliveInterval().toMillis(), id -> streams.keepAlive());

        router = Router.router(vertx);
        if (!config.corsOrigins().isEmpty()) {
            router.route()
                    .handler(CorsHandler.create()
                            .addOrigins(config.corsOrigins())
                            .allowedHeader("Authorization")
                            .allowedHeader("Content-Type")
                            .allowedHeader(StreamsApi.LAST_EVENT_ID));
        }
        // public: probes, the contract and the dashboard's static files
        new Readiness(
                        config,
                        services,
                        streams,
                        board,
                        executors,
                        () -> pairs.pairs().size())
                .mount(router);
        new Dashboard().mount(router);
        guardApi(router);
        streams.mount(router);
        new QueryApi(services, board, pairs::pairs).mount(router);
        new ControlApi(vertx, services, pairs, executors, config.pairsFile(), statuses).mount(router);
        new DiscoveryApi(() -> catalogues, pairs::pairs).mount(router);
        ApiErrors.mount(router, config.maxBodyBytes());

        var bus = vertx.eventBus();
        Future<Void> subscribed = Future.all(List.of(
                        bus.<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, m -> streams.onOpportunity(m.body()))
                                .completion(),
                        bus.<TradeReport>consumer(Addresses.TRADES, m -> streams.onTrade(m.body()))
                                .completion(),
                        bus.<TradingControl>consumer(Addresses.CONTROL_EVENTS, m -> streams.onControl(m.body()))
                                .completion(),
                        bus.<ExecutorStatus>consumer(
                                        Addresses.EXECUTOR_STATUS,
                                        m -> executors.onStatus(m.body(), System.currentTimeMillis()))
                                .completion(),
                        bus.<FeedHealth>consumer(
                                        Addresses.FEED_HEALTH,
                                        m -> streams.onFeedHealth(m.body(), System.currentTimeMillis()))
                                .completion(),
                        bus.<JournalEntry>consumer(Addresses.EXECUTION, m -> streams.onExecution(m.body()))
                                .completion(),
                        bus.<MarketStatusChanged>consumer(Addresses.MARKET_STATUS, m -> statuses.update(m.body()))
                                .completion()))
                // the feeds report market statuses on change: ask for every market's view once listening
                .onSuccess(listening ->
                        bus.publish(Addresses.MARKET_STATUS_RESEND, new MarketStatusRequest("api-gateway")))
                .mapEmpty();
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
        streams.closeAll();
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

    /** The token on every {@code /api/*} request and {@code /metrics}; then the body limit (never read unauthenticated). */
    private void guardApi(Router router) {
        ApiAuth auth = new ApiAuth(config.apiToken(), config.readsRequireToken());
        router.route("/api/*").handler(auth);
        router.get("/metrics").handler(auth).handler(metricsHandler());
        // method-routed handlers would turn 404s into 405s: the body handler picks the methods itself
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        router.route("/api/*").handler(rc -> {
            HttpMethod method = rc.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                rc.next();
            } else {
                body.handle(rc);
            }
        });
    }

    private static Handler<RoutingContext> metricsHandler() {
        if (BackendRegistries.getDefaultNow() == null) {
            return rc ->
                    ApiErrors.send(rc, ApiErrors.UNAVAILABLE, "metrics are not enabled on this Vert.x instance", null);
        }
        return PrometheusScrapingHandler.create();
    }
}

package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.MarketsQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The probes: {@code /health} (the gateway itself and its streams), {@code /health/live} (its event loop answers)
 * and {@code /health/ready}: ready when every service it depends on answers (the executor and the monitor over the
 * bus) and each feed has reported, within {@link #FEED_REPORT_MAX_AGE_MILLIS}, that it is connected; 503 otherwise,
 * with each check's state and, for a service that is down, which one and why. {@code /health} and {@code
 * /health/ready} both name the active trade executor instance and since when ({@link ExecutorBoard}).
 */
final class Readiness {
    /** A feed whose last health report is older than this is not ready (feeds report about once a second). */
    static final long FEED_REPORT_MAX_AGE_MILLIS = 5_000;

    private static final int READY = 200;
    private static final long MILLIS_PER_SECOND = 1_000;

    private final GatewayConfig config;
    private final ServiceRequests services;
    private final StreamsApi streams;
    private final FeedHealthBoard board;
    private final ExecutorBoard executors;
    private final IntSupplier pairs;

    Readiness(
            GatewayConfig config,
            ServiceRequests services,
            StreamsApi streams,
            FeedHealthBoard board,
            ExecutorBoard executors,
            IntSupplier pairs) {
        this.config = config;
        this.services = services;
        this.streams = streams;
        this.board = board;
        this.executors = executors;
        this.pairs = pairs;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/health/live")
                .handler(rc ->
                        HttpJson.send(rc, new JsonObject().put("status", "UP").encode()));
        router.get("/health/ready").handler(this::ready);
    }

    private void health(RoutingContext rc) {
        HttpJson.send(
                rc,
                new JsonObject()
                        .put("status", "UP")
                        .put("mode", config.mode())
                        .put("sseClients", streams.opportunityClients())
                        .put("sseClientsDropped", streams.clientsDropped())
                        .put("opportunitiesBuffered", streams.opportunitiesBuffered())
                        .put("lastEventId", streams.lastOpportunityId())
                        .put("pairs", pairs.getAsInt())
                        .put("executor", executors.json(System.currentTimeMillis()))
                        .encode());
    }

    private void ready(RoutingContext rc) {
        Future<Object> executor = services.request(Addresses.CONTROL, new ControlCommand.Status());
        Future<Object> monitor = services.request(Addresses.MARKETS_QUERY, MarketsQuery.INSTANCE);
        Future.join(executor, monitor).onComplete(done -> {
            JsonObject feeds = board.json(List.of(), System.currentTimeMillis()).getJsonObject("venues");
            JsonObject checks = new JsonObject()
                    .put("gateway", "UP")
                    .put("trade-executor", check(executor, ServiceRequests.TRADE_EXECUTOR))
                    .put("arbitrage-monitor", check(monitor, ServiceRequests.ARBITRAGE_MONITOR));
            boolean ready = executor.succeeded() && monitor.succeeded();
            for (String venue : feeds.fieldNames()) {
                JsonObject feed = feeds.getJsonObject(venue);
                boolean up = feed.getBoolean("reported")
                        && feed.getBoolean("connected")
                        && feed.getLong("reportAgeMillis") < FEED_REPORT_MAX_AGE_MILLIS;
                checks.put(
                        venue + "-feed",
                        up
                                ? "UP"
                                : !feed.getBoolean("reported")
                                        ? "DOWN: no health report yet"
                                        : !feed.getBoolean("connected")
                                                ? "DOWN: disconnected"
                                                : "DOWN: no health report for "
                                                        + FEED_REPORT_MAX_AGE_MILLIS / MILLIS_PER_SECOND + " s");
                ready &= up;
            }
            rc.response().setStatusCode(ready ? READY : ApiErrors.UNAVAILABLE);
            HttpJson.send(
                    rc,
                    new JsonObject()
                            .put("status", ready ? "READY" : "NOT_READY")
                            .put("checks", checks)
                            .put("executor", executors.json(System.currentTimeMillis()))
                            .encode());
        });
    }

    private static String check(Future<Object> answer, String service) {
        return answer.succeeded() ? "UP" : "DOWN: " + ServiceRequests.describe(answer.cause(), service);
    }
}

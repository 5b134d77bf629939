package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.MarketsQuery;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The probes: {@code /health} (the gateway itself and its streams), {@code /health/live} (its event loop answers)
 * and {@code /health/ready}: ready when every service it depends on answers (the executor and the monitor over the
 * bus), the executor has not halted on its own (its journal failed, is unreachable, or was found damaged), and each
 * feed has reported, within {@link #FEED_REPORT_MAX_AGE_MILLIS}, that it is connected; 503 otherwise. Every check is
 * {@code UP} or {@code DOWN: <why>} naming what is wrong; {@code blockedBecause} is the executor's (why no trade may
 * start: its halt, the kill switch, a pause; null while trading), so a paused executor is ready and says so.
 * {@code /health} and {@code /health/ready} both name the active trade executor instance and since when
 * ({@link ExecutorBoard}).
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
                        .put("sseClients", streams.clients())
                        .put("sseClientsByStream", streams.clientsByStream())
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
            TradingControl control =
                    executor.succeeded() && executor.result() instanceof TradingControl state ? state : null;
            String executorCheck = !executor.succeeded()
                    ? check(executor, ServiceRequests.TRADE_EXECUTOR)
                    : control == null
                            ? "DOWN: " + ServiceRequests.TRADE_EXECUTOR + " answered " + executor.result()
                            : control.haltedBecause() != null ? "DOWN: halted: " + control.haltedBecause() : "UP";
            JsonObject checks = new JsonObject()
                    .put("gateway", "UP")
                    .put("trade-executor", executorCheck)
                    .put("arbitrage-monitor", check(monitor, ServiceRequests.ARBITRAGE_MONITOR));
            boolean ready = executorCheck.equals("UP") && monitor.succeeded();
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
                                                        + (feed.getString("lastError") == null
                                                                ? ""
                                                                : " (last error: " + feed.getString("lastError") + ")")
                                                : "DOWN: no health report for "
                                                        + feed.getLong("reportAgeMillis") / MILLIS_PER_SECOND
                                                        + " s (at most "
                                                        + FEED_REPORT_MAX_AGE_MILLIS / MILLIS_PER_SECOND + " s)");
                ready &= up;
            }
            rc.response().setStatusCode(ready ? READY : ApiErrors.UNAVAILABLE);
            HttpJson.send(
                    rc,
                    new JsonObject()
                            .put("status", ready ? "READY" : "NOT_READY")
                            .put(
                                    "blockedBecause",
                                    control == null
                                            ? "the trade executor's state is unknown: " + executorCheck
                                            : control.blockedBecause())
                            .put("checks", checks)
                            .put("executor", executors.json(System.currentTimeMillis()))
                            .encode());
        });
    }

    private static String check(Future<Object> answer, String service) {
        return answer.succeeded() ? "UP" : "DOWN: " + ServiceRequests.describe(answer.cause(), service);
    }
}

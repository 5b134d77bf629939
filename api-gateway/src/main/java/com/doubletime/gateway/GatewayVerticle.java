package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.event.OpportunityEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.StringJoiner;

/**
 * The HTTP face of the system:
 * <ul>
 *   <li>{@code GET /health} — {@code {"status":"UP","mode":"paper",...}}</li>
 *   <li>{@code GET /api/opportunities[?limit=n]} — the most recent opportunity events (contracts §4), oldest first</li>
 *   <li>{@code GET /api/opportunities/stream} — the same events as Server-Sent Events ({@code id}, {@code event:
 *       opportunity|opportunity_closed}, {@code data}: §4 JSON), {@code : keep-alive} comments when idle, and
 *       replay after {@code Last-Event-ID}</li>
 *   <li>{@code GET /api/trades[?limit=n]} — recent trades, asked of the trade executor over the bus; 503 when it does not answer</li>
 * </ul>
 * Errors, including unknown routes, are JSON {@code {"error":...,"field":...}}.
 *
 * <p>Each instance keeps its own event ring and SSE clients, all touched only on its event loop. The
 * bus codecs are registered at start ({@code BusCodecs.registerAll}).
 */
public final class GatewayVerticle extends VerticleBase {
    private static final String LAST_EVENT_ID = "Last-Event-ID";

    private final GatewayConfig config;
    private OpportunityRing ring;
    private SseHub sse;
    private HttpServer server;
    private long keepAliveTimer = -1;

    public GatewayVerticle(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        ring = new OpportunityRing(config.opportunityBuffer(), System.currentTimeMillis() * 1000);
        sse = new SseHub(config.sseMaxQueuedBytes());
        keepAliveTimer = vertx.setPeriodic(config.keepAliveInterval().toMillis(), id -> sse.keepAlive());
        Future<Void> subscribed = vertx.eventBus()
                .<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, this::onOpportunity).completion();
        Future<HttpServer> listening = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router())
                .listen()
                .onSuccess(s -> server = s);
        return Future.all(subscribed, listening);
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(keepAliveTimer);
        sse.closeAll();
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The port actually bound (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/api/opportunities").handler(this::recentOpportunities);
        router.get("/api/opportunities/stream").handler(this::streamOpportunities);
        router.get("/api/trades").handler(this::recentTrades);
        router.route().failureHandler(this::failure);
        router.errorHandler(404, rc -> ApiErrors.send(rc, 404,
                "no route for " + rc.request().method() + " " + rc.request().path(), null));
        router.errorHandler(405, rc -> ApiErrors.send(rc, 405,
                "method " + rc.request().method() + " not allowed on " + rc.request().path(), null));
        return router;
    }

    private void onOpportunity(Message<OpportunityEvent> message) {
        sse.broadcast(ring.append(message.body()).sseFrame());
    }

    private void health(RoutingContext rc) {
        json(rc, new JsonObject()
                .put("status", "UP")
                .put("mode", config.mode())
                .put("sseClients", sse.size())
                .put("sseClientsDropped", sse.dropped())
                .put("opportunitiesBuffered", ring.size())
                .put("lastEventId", ring.lastId())
                .encode());
    }

    /** The buffered events written as they were received: each element is byte for byte the §4 JSON. */
    private void recentOpportunities(RoutingContext rc) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (StreamedEvent event : ring.latest(limit(rc, config.opportunityBuffer()))) {
            array.add(event.json());
        }
        json(rc, array.toString());
    }

    private void streamOpportunities(RoutingContext rc) {
        String lastEventId = rc.request().getHeader(LAST_EVENT_ID);
        List<StreamedEvent> backlog = List.of();
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                backlog = ring.after(Long.parseLong(lastEventId.trim()));
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest(LAST_EVENT_ID, "Last-Event-ID must be an event id from this stream");
            }
        }
        sse.open(rc.request(), backlog);
    }

    private void recentTrades(RoutingContext rc) {
        int limit = limit(rc, Integer.MAX_VALUE);
        JsonObject query = new JsonObject();
        if (rc.queryParams().contains("limit")) {
            query.put("limit", limit);
        }
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(config.tradesQueryTimeout().toMillis());
        vertx.eventBus().<JsonArray>request(Addresses.TRADES_QUERY, query, options)
                .onSuccess(reply -> json(rc, reply.body().encode()))
                .onFailure(failure -> ApiErrors.send(rc, 503, "trade executor did not answer: " + describe(failure), null));
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
        throw new ApiErrors.BadRequest("limit", "limit must be a whole number from 1"
                + (max == Integer.MAX_VALUE ? "" : " to " + max));
    }

    private void failure(RoutingContext rc) {
        if (rc.failure() instanceof ApiErrors.BadRequest bad) {
            ApiErrors.send(rc, 400, bad.getMessage(), bad.field);
        } else if (rc.statusCode() == 404 || rc.statusCode() == 405) {
            rc.next(); // the router's JSON error handlers answer these
        } else {
            ApiErrors.send(rc, rc.statusCode() > 0 ? rc.statusCode() : 500,
                    rc.failure() == null ? "request failed" : "internal error: " + rc.failure().getMessage(), null);
        }
    }

    private static void json(RoutingContext rc, String body) {
        rc.response().putHeader("Content-Type", "application/json").end(body);
    }
}

package com.doubletime.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Function;

/**
 * Requests to the other services over the bus (the executor owns trades, positions and controls; the monitor the
 * books), each bounded by the configured timeout. No answer at all is 503 naming the service and why; an answer of
 * the wrong type is 502.
 */
final class ServiceRequests {
    static final String TRADE_EXECUTOR = "trade executor";
    static final String ARBITRAGE_MONITOR = "arbitrage monitor";

    private final Vertx vertx;
    private final DeliveryOptions options;

    ServiceRequests(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    Future<Object> request(String address, Object body) {
        return vertx.eventBus().<Object>request(address, body, options).map(reply -> reply.body());
    }

    /** Asks {@code service} and answers the HTTP request with the reply as JSON. */
    <T> void answer(
            RoutingContext rc,
            String address,
            Object query,
            Class<T> answer,
            Function<T, String> toJson,
            String service) {
        request(address, query)
                .onSuccess(reply -> {
                    if (answer.isInstance(reply)) {
                        HttpJson.send(rc, toJson.apply(answer.cast(reply)));
                    } else {
                        ApiErrors.send(rc, ApiErrors.BAD_GATEWAY, service + " answered " + reply, null);
                    }
                })
                .onFailure(failure -> notAnswered(rc, failure, service));
    }

    /** A service that did not answer (none running, timed out, or it failed): 503, or 502 when it failed. */
    static void notAnswered(RoutingContext rc, Throwable failure, String service) {
        if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            ApiErrors.send(rc, ApiErrors.BAD_GATEWAY, service + " failed: " + reply.getMessage(), null);
            return;
        }
        ApiErrors.send(rc, ApiErrors.UNAVAILABLE, service + " did not answer: " + describe(failure, service), null);
    }

    /** Why {@code service} did not answer, naming it when none is running. */
    static String describe(Throwable failure, String service) {
        if (failure instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
                return "no " + service + " is running";
            }
            if (reply.failureType() == ReplyFailure.TIMEOUT) {
                return "timed out";
            }
        }
        return failure.getMessage() != null
                ? failure.getMessage()
                : failure.getClass().getSimpleName();
    }
}

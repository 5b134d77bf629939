package com.doubletime.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error the gateway answers is JSON: {@code {"error":"...","field":"..."}}, {@code field} when one is to blame. */
final class ApiErrors {
    private ApiErrors() {}

    static void send(RoutingContext rc, int status, String error, String field) {
        JsonObject body = new JsonObject().put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    /** A body the endpoint cannot read at all (not JSON). */
    static final class UnsupportedMediaType extends RuntimeException {
        UnsupportedMediaType(String message) {
            super(message, null, false, false);
        }
    }

    /** A well-formed request that conflicts with the current state (a pair id already in use). */
    static final class Conflict extends RuntimeException {
        final String field;

        Conflict(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** Nothing by that name (an unknown pair id). */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** A request that is wrong in one field. */
    static final class BadRequest extends RuntimeException {
        final String field;

        BadRequest(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}

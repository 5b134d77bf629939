package com.doubletime.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error the gateway answers is JSON: {@code {"error":"...","field":"..."}}, {@code field} when one is to blame. */
final class ApiErrors {
    private ApiErrors() {
    }

    static void send(RoutingContext rc, int status, String error, String field) {
        JsonObject body = new JsonObject().put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
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

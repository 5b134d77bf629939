package com.doubletime.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Every error the gateway answers is JSON: {@code {"error":"...","field":"..."}}, {@code field} when one is to blame. */
final class ApiErrors {
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final int INTERNAL_ERROR = 500;
    static final int BAD_GATEWAY = 502;
    static final int UNAVAILABLE = 503;

    private static final System.Logger LOG = System.getLogger(ApiErrors.class.getName());

    private ApiErrors() {}

    /**
     * The router's last word, all JSON: a handler's typed refusal becomes its status with the field to blame, the
     * router's own 404 and 405 name the method and path, a too large body names the limit, and anything unexpected
     * is logged and answered {@code internal error} (never the exception's text).
     */
    static void mount(Router router, int maxBodyBytes) {
        router.route().failureHandler(rc -> failure(rc, maxBodyBytes));
        router.errorHandler(
                NOT_FOUND,
                rc -> send(
                        rc,
                        NOT_FOUND,
                        "no route for " + rc.request().method() + " "
                                + rc.request().path(),
                        null));
        router.errorHandler(
                METHOD_NOT_ALLOWED,
                rc -> send(
                        rc,
                        METHOD_NOT_ALLOWED,
                        "method " + rc.request().method() + " not allowed on "
                                + rc.request().path(),
                        null));
    }

    private static void failure(RoutingContext rc, int maxBodyBytes) {
        Throwable failure = rc.failure();
        if (failure instanceof BadRequest bad) {
            send(rc, BAD_REQUEST, bad.getMessage(), bad.field);
        } else if (failure instanceof Conflict conflict) {
            send(rc, CONFLICT, conflict.getMessage(), conflict.field);
        } else if (failure instanceof NotFound missing) {
            send(rc, NOT_FOUND, missing.getMessage(), null);
        } else if (failure instanceof UnsupportedMediaType media) {
            send(rc, UNSUPPORTED_MEDIA_TYPE, media.getMessage(), "Content-Type");
        } else if (rc.statusCode() == PAYLOAD_TOO_LARGE) {
            send(rc, PAYLOAD_TOO_LARGE, "request body larger than " + maxBodyBytes + " bytes", "body");
        } else if (rc.statusCode() == NOT_FOUND || rc.statusCode() == METHOD_NOT_ALLOWED) {
            rc.next(); // the router's JSON error handlers answer these
        } else {
            if (failure != null) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "gateway: " + rc.request().method() + " " + rc.request().path() + " failed",
                        failure);
            }
            send(
                    rc,
                    rc.statusCode() > 0 ? rc.statusCode() : INTERNAL_ERROR,
                    failure == null ? "request failed" : "internal error",
                    null);
        }
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

package com.doubletime.simulator;

import io.vertx.core.json.JsonObject;

/** A Kalshi REST refusal: status plus the {@code {"error":{"code","message"}}} body the venue sends. */
final class KalshiRestError extends RuntimeException {

    private final int status;
    private final String code;

    KalshiRestError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    JsonObject body() {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", getMessage()));
    }
}

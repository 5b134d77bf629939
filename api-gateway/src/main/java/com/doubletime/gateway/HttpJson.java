package com.doubletime.gateway;

import io.vertx.ext.web.RoutingContext;

/** Small helpers shared by the handlers: a JSON answer and the {@code ?limit=} parameter. */
final class HttpJson {
    private HttpJson() {}

    static void send(RoutingContext rc, String body) {
        rc.response().putHeader("Content-Type", "application/json").end(body);
    }

    /** {@code ?limit=n}, 1 to {@code max}; absent means {@code max}. */
    static int limit(RoutingContext rc, int max) {
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
}

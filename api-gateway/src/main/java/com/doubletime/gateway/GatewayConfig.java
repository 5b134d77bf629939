package com.doubletime.gateway;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The HTTP gateway's settings, read once at start-up.
 *
 * @param host the address to bind; loopback by default, so nothing is exposed unless asked for
 * @param port the port to bind; 0 picks a free one (tests)
 * @param mode the trading mode reported by {@code /health}
 * @param opportunityBuffer how many opportunity events are kept for {@code /api/opportunities} and SSE resume
 * @param keepAliveInterval how often an idle SSE stream gets a {@code : keep-alive} comment
 * @param tradesQueryTimeout how long {@code /api/trades} waits for the trade executor
 * @param sseMaxQueuedBytes a client whose unsent backlog exceeds this is dropped
 */
public record GatewayConfig(String host, int port, String mode, int opportunityBuffer, Duration keepAliveInterval,
                            Duration tradesQueryTimeout, int sseMaxQueuedBytes) {
    public static final GatewayConfig DEFAULT = new GatewayConfig("127.0.0.1", 8080, "paper", 500,
            Duration.ofSeconds(15), Duration.ofSeconds(2), 256 * 1024);

    public GatewayConfig {
        require(host != null && !host.isBlank(), "host", "is required");
        require(port >= 0 && port <= 65_535, "port", "must be 0 to 65535");
        require(mode != null && !mode.isBlank(), "mode", "is required");
        require(opportunityBuffer > 0, "opportunityBuffer", "must be positive");
        require(positive(keepAliveInterval), "keepAliveMillis", "must be positive");
        require(positive(tradesQueryTimeout), "tradesQueryTimeoutMillis", "must be positive");
        require(sseMaxQueuedBytes > 0, "sseMaxQueuedBytes", "must be positive");
    }

    /**
     * Reads {@code {"host":"127.0.0.1","port":8080,"mode":"paper","opportunityBuffer":500,"keepAliveMillis":15000,
     * "tradesQueryTimeoutMillis":2000,"sseMaxQueuedBytes":262144}}; every key is optional.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static GatewayConfig fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        try {
            return new GatewayConfig(
                    in.getString("host", DEFAULT.host),
                    in.getInteger("port", DEFAULT.port),
                    in.getString("mode", DEFAULT.mode),
                    in.getInteger("opportunityBuffer", DEFAULT.opportunityBuffer),
                    Duration.ofMillis(in.getLong("keepAliveMillis", DEFAULT.keepAliveInterval.toMillis())),
                    Duration.ofMillis(in.getLong("tradesQueryTimeoutMillis", DEFAULT.tradesQueryTimeout.toMillis())),
                    in.getInteger("sseMaxQueuedBytes", DEFAULT.sseMaxQueuedBytes));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("gateway config: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    public GatewayConfig withHost(String newHost) {
        return new GatewayConfig(newHost, port, mode, opportunityBuffer, keepAliveInterval, tradesQueryTimeout,
                sseMaxQueuedBytes);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, mode, opportunityBuffer, keepAliveInterval, tradesQueryTimeout,
                sseMaxQueuedBytes);
    }

    public GatewayConfig withKeepAliveInterval(Duration interval) {
        return new GatewayConfig(host, port, mode, opportunityBuffer, interval, tradesQueryTimeout, sseMaxQueuedBytes);
    }

    public GatewayConfig withTradesQueryTimeout(Duration timeout) {
        return new GatewayConfig(host, port, mode, opportunityBuffer, keepAliveInterval, timeout, sseMaxQueuedBytes);
    }

    public GatewayConfig withSseMaxQueuedBytes(int bytes) {
        return new GatewayConfig(host, port, mode, opportunityBuffer, keepAliveInterval, tradesQueryTimeout, bytes);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("gateway." + field + " " + problem);
        }
    }
}

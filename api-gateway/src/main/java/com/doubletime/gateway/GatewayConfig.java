package com.doubletime.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP gateway's settings, read once at start-up.
 *
 * @param host the address to bind; loopback by default, so nothing is exposed unless asked for
 * @param port the port to bind; 0 picks a free one (tests)
 * @param mode the trading mode reported by {@code /health}; {@code live} requires an API token
 * @param opportunityBuffer how many opportunity events are kept for {@code /api/opportunities} and SSE resume
 * @param keepAliveInterval how often an idle SSE stream gets a {@code : keep-alive} comment
 * @param tradesQueryTimeout how long a request to another service over the bus (trades, controls, positions) waits
 * @param sseMaxQueuedBytes a client whose unsent backlog exceeds this is dropped
 * @param apiToken the bearer token every mutating request (and, by default, every read) must carry; null means
 *                 no authentication, which only paper mode allows (the embedded launcher always sets one)
 * @param readsRequireToken whether {@code GET} endpoints need the token too (default true)
 * @param corsOrigins origins allowed to call the API from a browser page they serve; empty = no CORS headers at all
 * @param maxBodyBytes the largest request body accepted; larger gets 413
 * @param pairsFile the pairs file {@code POST /api/pairs/reload} reads again; null disables reloading
 */
public record GatewayConfig(
        String host,
        int port,
        String mode,
        int opportunityBuffer,
        Duration keepAliveInterval,
        Duration tradesQueryTimeout,
        int sseMaxQueuedBytes,
        String apiToken,
        boolean readsRequireToken,
        List<String> corsOrigins,
        int maxBodyBytes,
        Path pairsFile) {
    /** The environment variable the launchers read the API token from. */
    public static final String TOKEN_ENV = "DOUBLE_TIME_API_TOKEN";

    public static final GatewayConfig DEFAULT = new GatewayConfig(
            "127.0.0.1",
            8080,
            "paper",
            500,
            Duration.ofSeconds(15),
            Duration.ofSeconds(2),
            256 * 1024,
            null,
            true,
            List.of(),
            64 * 1024,
            null);

    public GatewayConfig {
        require(host != null && !host.isBlank(), "host", "is required");
        require(port >= 0 && port <= 65_535, "port", "must be 0 to 65535");
        require(mode != null && !mode.isBlank(), "mode", "is required");
        require(opportunityBuffer > 0, "opportunityBuffer", "must be positive");
        require(positive(keepAliveInterval), "keepAliveMillis", "must be positive");
        require(positive(tradesQueryTimeout), "tradesQueryTimeoutMillis", "must be positive");
        require(sseMaxQueuedBytes > 0, "sseMaxQueuedBytes", "must be positive");
        require(apiToken == null || apiToken.length() >= 16, "apiToken", "must be at least 16 characters");
        require(
                apiToken != null || !mode.equalsIgnoreCase("live"),
                "apiToken",
                "is required in live mode (set " + TOKEN_ENV + ")");
        corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
        require(maxBodyBytes > 0, "maxBodyBytes", "must be positive");
    }

    /**
     * Reads {@code {"host":"127.0.0.1","port":8080,"mode":"paper","opportunityBuffer":500,"keepAliveMillis":15000,
     * "tradesQueryTimeoutMillis":2000,"sseMaxQueuedBytes":262144,"readsRequireToken":true,"corsOrigins":[],
     * "maxBodyBytes":65536,"pairsFile":null}}; every key is optional. The token is not read from here: it is a
     * secret, and config files get committed and copied; pass it with {@link #withApiToken} from the environment.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static GatewayConfig fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        try {
            List<String> origins = new ArrayList<>();
            JsonArray rawOrigins = in.getJsonArray("corsOrigins", new JsonArray());
            rawOrigins.forEach(origin -> origins.add((String) origin));
            String pairs = in.getString("pairsFile");
            return new GatewayConfig(
                    in.getString("host", DEFAULT.host),
                    in.getInteger("port", DEFAULT.port),
                    in.getString("mode", DEFAULT.mode),
                    in.getInteger("opportunityBuffer", DEFAULT.opportunityBuffer),
                    Duration.ofMillis(in.getLong("keepAliveMillis", DEFAULT.keepAliveInterval.toMillis())),
                    Duration.ofMillis(in.getLong("tradesQueryTimeoutMillis", DEFAULT.tradesQueryTimeout.toMillis())),
                    in.getInteger("sseMaxQueuedBytes", DEFAULT.sseMaxQueuedBytes),
                    null,
                    in.getBoolean("readsRequireToken", DEFAULT.readsRequireToken),
                    origins,
                    in.getInteger("maxBodyBytes", DEFAULT.maxBodyBytes),
                    pairs == null ? null : Path.of(pairs));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("gateway config: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    public GatewayConfig withHost(String newHost) {
        return new GatewayConfig(
                newHost,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(
                host,
                newPort,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withMode(String newMode) {
        return new GatewayConfig(
                host,
                port,
                newMode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withKeepAliveInterval(Duration interval) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                interval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withTradesQueryTimeout(Duration timeout) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                timeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withSseMaxQueuedBytes(int bytes) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                bytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withApiToken(String token, boolean reads) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                token,
                reads,
                corsOrigins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withCorsOrigins(List<String> origins) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                origins,
                maxBodyBytes,
                pairsFile);
    }

    public GatewayConfig withMaxBodyBytes(int bytes) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                bytes,
                pairsFile);
    }

    public GatewayConfig withPairsFile(Path file) {
        return new GatewayConfig(
                host,
                port,
                mode,
                opportunityBuffer,
                keepAliveInterval,
                tradesQueryTimeout,
                sseMaxQueuedBytes,
                apiToken,
                readsRequireToken,
                corsOrigins,
                maxBodyBytes,
                file);
    }

    /** Never shows the token: configs end up in logs. */
    @Override
    public String toString() {
        return "GatewayConfig[host=" + host + ", port=" + port + ", mode=" + mode + ", apiToken="
                + (apiToken == null ? "none" : "(set)") + ", readsRequireToken=" + readsRequireToken + ", corsOrigins="
                + corsOrigins + ", maxBodyBytes=" + maxBodyBytes + ", pairsFile=" + pairsFile + "]";
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

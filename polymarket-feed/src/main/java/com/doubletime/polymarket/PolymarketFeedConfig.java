package com.doubletime.polymarket;

import com.doubletime.feed.FeedConfigChecks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Polymarket market-channel feed connects to and how it behaves, validated once at start-up.
 *
 * @param wsUrl                  {@code wss://ws-subscriptions-clob.polymarket.com/ws/market} or a local simulator
 * @param assetIds               outcome token ids to stream (both tokens of every pair)
 * @param pingIntervalMillis     how often the text {@code PING} keepalive is sent (polymarket.md §2.1: 10 s)
 * @param pongTimeoutMillis      no {@code PONG} for this long (and no frame at all, likewise) means the link is dead
 * @param reconnectInitialMillis first reconnect delay; doubles per failed attempt, with jitter
 * @param reconnectMaxMillis     cap of the reconnect delay
 * @param recordFile             capture file (contracts §2) to append every frame to, or {@code null}
 * @param restUrl                CLOB REST base for {@code GET /book} resyncs: production for the production
 *                               WebSocket, otherwise {@code http(s)://} on the WebSocket's host and port
 * @param stallMillis            an asset without a {@code book} or {@code price_change} for this long while the
 *                               connection lives is resubscribed (all assets at once: reconnect), polymarket.md §8
 */
public record PolymarketFeedConfig(
        String wsUrl,
        List<String> assetIds,
        long pingIntervalMillis,
        long pongTimeoutMillis,
        long reconnectInitialMillis,
        long reconnectMaxMillis,
        Path recordFile,
        String restUrl,
        long stallMillis) {
    public static final String PRODUCTION_WS_URL = "wss://ws-subscriptions-clob.polymarket.com/ws/market";
    public static final String PRODUCTION_REST_URL = "https://clob.polymarket.com";
    public static final long DEFAULT_PING_INTERVAL_MILLIS = 10_000;
    public static final long DEFAULT_PONG_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_RECONNECT_INITIAL_MILLIS = 1_000;
    public static final long DEFAULT_RECONNECT_MAX_MILLIS = 60_000;
    /** Long enough for quiet markets not to churn, short enough that a stalled book does not sit for hours. */
    public static final long DEFAULT_STALL_MILLIS = 120_000;

    public PolymarketFeedConfig {
        FeedConfigChecks.webSocketUrl("polymarket.wsUrl", wsUrl);
        assetIds = FeedConfigChecks.instruments("polymarket.assetIds", assetIds, "token id");
        FeedConfigChecks.positive("polymarket.pingIntervalMillis", pingIntervalMillis);
        if (pongTimeoutMillis <= pingIntervalMillis) {
            // otherwise a healthy but quiet connection is declared dead before its next PONG can arrive
            throw new IllegalArgumentException("polymarket.pongTimeoutMillis must exceed pingIntervalMillis");
        }
        FeedConfigChecks.reconnectDelays("polymarket", reconnectInitialMillis, reconnectMaxMillis);
        if (restUrl == null || restUrl.isBlank()) {
            restUrl = defaultRestUrl(wsUrl);
        }
        if (!(restUrl.startsWith("http://") || restUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("polymarket.restUrl must be an http(s) URL, got " + restUrl);
        }
        restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        if (stallMillis <= pingIntervalMillis) {
            throw new IllegalArgumentException("polymarket.stallMillis must exceed pingIntervalMillis");
        }
    }

    static String defaultRestUrl(String wsUrl) {
        if (wsUrl.equals(PRODUCTION_WS_URL)) {
            return PRODUCTION_REST_URL;
        }
        URI uri = URI.create(wsUrl);
        String scheme = uri.getScheme().equalsIgnoreCase("wss") ? "https" : "http";
        return scheme + "://" + uri.getRawAuthority();
    }

    /** Defaults: PING every 10 s, dead after 30 s without PONG, reconnect 1 s → 60 s, stall after 120 s. */
    public static PolymarketFeedConfig of(String wsUrl, List<String> assetIds) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                DEFAULT_PING_INTERVAL_MILLIS,
                DEFAULT_PONG_TIMEOUT_MILLIS,
                DEFAULT_RECONNECT_INITIAL_MILLIS,
                DEFAULT_RECONNECT_MAX_MILLIS,
                null,
                null,
                DEFAULT_STALL_MILLIS);
    }

    /**
     * Reads {@code {"wsUrl":…, "assetIds":[…], "pingIntervalMillis":10000, "pongTimeoutMillis":30000,
     * "reconnectInitialMillis":1000, "reconnectMaxMillis":60000, "recordFile":"…", "restUrl":"…",
     * "stallMillis":120000}}; all but {@code assetIds} optional ({@code wsUrl} defaults to production).
     */
    public static PolymarketFeedConfig fromJson(JsonObject json) {
        JsonArray array = json.getJsonArray("assetIds", new JsonArray());
        List<String> ids = new ArrayList<>();
        for (Object id : array) {
            ids.add(id instanceof String s ? s : null);
        }
        String record = json.getString("recordFile");
        return new PolymarketFeedConfig(
                json.getString("wsUrl", PRODUCTION_WS_URL),
                ids,
                json.getLong("pingIntervalMillis", DEFAULT_PING_INTERVAL_MILLIS),
                json.getLong("pongTimeoutMillis", DEFAULT_PONG_TIMEOUT_MILLIS),
                json.getLong("reconnectInitialMillis", DEFAULT_RECONNECT_INITIAL_MILLIS),
                json.getLong("reconnectMaxMillis", DEFAULT_RECONNECT_MAX_MILLIS),
                record == null || record.isBlank() ? null : Path.of(record),
                json.getString("restUrl"),
                json.getLong("stallMillis", DEFAULT_STALL_MILLIS));
    }

    public PolymarketFeedConfig withKeepalive(long pingMillis, long pongTimeout) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                pingMillis,
                pongTimeout,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                restUrl,
                Math.max(stallMillis, pingMillis + 1));
    }

    public PolymarketFeedConfig withReconnect(long initialMillis, long maxMillis) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                pingIntervalMillis,
                pongTimeoutMillis,
                initialMillis,
                maxMillis,
                recordFile,
                restUrl,
                stallMillis);
    }

    public PolymarketFeedConfig withRecordFile(Path value) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                pingIntervalMillis,
                pongTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                value,
                restUrl,
                stallMillis);
    }

    public PolymarketFeedConfig withStallMillis(long value) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                pingIntervalMillis,
                pongTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                restUrl,
                value);
    }

    public PolymarketFeedConfig withRestUrl(String value) {
        return new PolymarketFeedConfig(
                wsUrl,
                assetIds,
                pingIntervalMillis,
                pongTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                value,
                stallMillis);
    }
}

package com.doubletime.kalshi;

import com.doubletime.feed.FeedConfigChecks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Kalshi feed connects to and how it behaves, validated once at start-up.
 *
 * @param wsUrl                  {@code wss://…/trade-api/ws/v2} (or {@code ws://} for a local simulator)
 * @param tickers                market tickers to stream, in one {@code orderbook_delta} subscription
 * @param useYesPrice            sent explicitly on every subscribe (kalshi.md §3.5): the venue plans to flip
 *                               its default, which would silently invert our NO side
 * @param idleTimeoutMillis      no frame (data or WebSocket ping) for this long means the link is dead
 * @param reconnectInitialMillis first reconnect delay; doubles per failed attempt, with jitter
 * @param reconnectMaxMillis     cap of the reconnect delay
 * @param recordFile             capture file (contracts §2) to append every frame to, or {@code null}
 * @param answerTimeoutMillis    how long a {@code subscribe} or a {@code get_snapshot} may go unanswered:
 *                               then the connection is replaced, or the subscription made afresh
 */
public record KalshiFeedConfig(
        String wsUrl,
        List<String> tickers,
        boolean useYesPrice,
        long idleTimeoutMillis,
        long reconnectInitialMillis,
        long reconnectMaxMillis,
        Path recordFile,
        long answerTimeoutMillis) {
    public static final String PRODUCTION_WS_URL = "wss://external-api-ws.kalshi.com/trade-api/ws/v2";
    public static final String DEMO_WS_URL = "wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2";
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_RECONNECT_INITIAL_MILLIS = 1_000;
    public static final long DEFAULT_RECONNECT_MAX_MILLIS = 60_000;
    /** A reply normally takes milliseconds; ten seconds without one is a subscription that is not working. */
    public static final long DEFAULT_ANSWER_TIMEOUT_MILLIS = 10_000;

    public KalshiFeedConfig {
        FeedConfigChecks.webSocketUrl("kalshi.wsUrl", wsUrl);
        tickers = FeedConfigChecks.instruments("kalshi.tickers", tickers, "market ticker");
        FeedConfigChecks.positive("kalshi.idleTimeoutMillis", idleTimeoutMillis);
        FeedConfigChecks.reconnectDelays("kalshi", reconnectInitialMillis, reconnectMaxMillis);
        FeedConfigChecks.positive("kalshi.answerTimeoutMillis", answerTimeoutMillis);
    }

    /** Defaults: {@code use_yes_price} false, 30 s idle timeout, reconnect 1 s → 60 s, no recording. */
    public static KalshiFeedConfig of(String wsUrl, List<String> tickers) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                false,
                DEFAULT_IDLE_TIMEOUT_MILLIS,
                DEFAULT_RECONNECT_INITIAL_MILLIS,
                DEFAULT_RECONNECT_MAX_MILLIS,
                null,
                DEFAULT_ANSWER_TIMEOUT_MILLIS);
    }

    /**
     * Reads {@code {"wsUrl":…, "tickers":[…], "useYesPrice":false, "idleTimeoutMillis":30000,
     * "reconnectInitialMillis":1000, "reconnectMaxMillis":60000, "recordFile":"…", "answerTimeoutMillis":10000}};
     * all but
     * {@code tickers} optional ({@code wsUrl} defaults to production).
     */
    public static KalshiFeedConfig fromJson(JsonObject json) {
        JsonArray array = json.getJsonArray("tickers", new JsonArray());
        List<String> tickers = new ArrayList<>();
        for (Object ticker : array) {
            tickers.add(ticker instanceof String s ? s : null);
        }
        String record = json.getString("recordFile");
        return new KalshiFeedConfig(
                json.getString("wsUrl", PRODUCTION_WS_URL),
                tickers,
                json.getBoolean("useYesPrice", false),
                json.getLong("idleTimeoutMillis", DEFAULT_IDLE_TIMEOUT_MILLIS),
                json.getLong("reconnectInitialMillis", DEFAULT_RECONNECT_INITIAL_MILLIS),
                json.getLong("reconnectMaxMillis", DEFAULT_RECONNECT_MAX_MILLIS),
                record == null || record.isBlank() ? null : Path.of(record),
                json.getLong("answerTimeoutMillis", DEFAULT_ANSWER_TIMEOUT_MILLIS));
    }

    public KalshiFeedConfig withUseYesPrice(boolean value) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                value,
                idleTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                answerTimeoutMillis);
    }

    public KalshiFeedConfig withIdleTimeoutMillis(long value) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                useYesPrice,
                value,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                answerTimeoutMillis);
    }

    public KalshiFeedConfig withReconnect(long initialMillis, long maxMillis) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                useYesPrice,
                idleTimeoutMillis,
                initialMillis,
                maxMillis,
                recordFile,
                answerTimeoutMillis);
    }

    public KalshiFeedConfig withRecordFile(Path value) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                useYesPrice,
                idleTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                value,
                answerTimeoutMillis);
    }

    public KalshiFeedConfig withAnswerTimeoutMillis(long value) {
        return new KalshiFeedConfig(
                wsUrl,
                tickers,
                useYesPrice,
                idleTimeoutMillis,
                reconnectInitialMillis,
                reconnectMaxMillis,
                recordFile,
                value);
    }
}

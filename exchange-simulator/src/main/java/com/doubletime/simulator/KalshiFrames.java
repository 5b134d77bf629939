package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Kalshi's current (fixed-point, {@code _dollars}/{@code _fp}) WebSocket and REST shapes. */
final class KalshiFrames {

    static final String ORDERBOOK_CHANNEL = "orderbook_delta";
    static final String LIFECYCLE_CHANNEL = "market_lifecycle_v2";

    private KalshiFrames() {}

    static JsonObject subscribed(Object id, int sid) {
        return subscribed(id, sid, ORDERBOOK_CHANNEL);
    }

    static JsonObject subscribed(Object id, int sid, String channel) {
        return withId(id)
                .put("type", "subscribed")
                .put("msg", new JsonObject().put("channel", channel).put("sid", sid));
    }

    /** {@code {"type":"market_lifecycle_v2","sid":S,"seq":N,"msg":{…}}} (AsyncAPI {@code marketLifecycleV2}). */
    static JsonObject lifecycle(int sid, long seq, JsonObject msg) {
        return new JsonObject()
                .put("type", LIFECYCLE_CHANNEL)
                .put("sid", sid)
                .put("seq", seq)
                .put("msg", msg.copy());
    }

    /** {@code id} is set only when the snapshot answers a {@code get_snapshot} command. */
    static JsonObject snapshot(
            Object id, int sid, long seq, String ticker, String marketId, KalshiBook book, boolean useYesPrice) {
        JsonObject msg = new JsonObject().put("market_ticker", ticker).put("market_id", marketId);
        // the venue omits a side's key when that side has no bids
        if (!book.bids(KalshiSide.YES).isEmpty()) {
            msg.put("yes_dollars_fp", ascendingLevels(book.bids(KalshiSide.YES).ascending()));
        }
        if (!book.bids(KalshiSide.NO).isEmpty()) {
            NavigableMap<Long, Long> no = book.bids(KalshiSide.NO).ascending();
            msg.put("no_dollars_fp", useYesPrice ? inYesTerms(no) : ascendingLevels(no));
        }
        return withId(id)
                .put("type", "orderbook_snapshot")
                .put("sid", sid)
                .put("seq", seq)
                .put("msg", msg);
    }

    static JsonObject delta(int sid, long seq, String marketId, KalshiDelta delta, boolean useYesPrice, long tsMillis) {
        long price =
                useYesPrice && delta.side() == KalshiSide.NO ? FixedPoint.ONE_DOLLAR - delta.price() : delta.price();
        JsonObject msg = new JsonObject()
                .put("market_ticker", delta.ticker())
                .put("market_id", marketId)
                .put("price_dollars", FixedPoint.kalshiPrice(price))
                .put("delta_fp", FixedPoint.kalshiSize(delta.delta()))
                .put("side", delta.side().wire())
                .put("ts_ms", tsMillis);
        return new JsonObject()
                .put("type", "orderbook_delta")
                .put("sid", sid)
                .put("seq", seq)
                .put("msg", msg);
    }

    static JsonObject unsubscribed(Object id, int sid, long seq) {
        return withId(id).put("sid", sid).put("seq", seq).put("type", "unsubscribed");
    }

    static JsonObject updated(Object id, int sid, long seq, Collection<String> tickers) {
        return withId(id)
                .put("sid", sid)
                .put("seq", seq)
                .put("type", "ok")
                .put("msg", new JsonObject().put("market_tickers", new JsonArray(List.copyOf(tickers))));
    }

    static JsonObject subscriptionList(Object id, Map<Integer, String> channelsBySid) {
        JsonArray list = new JsonArray();
        channelsBySid.forEach((sid, channel) ->
                list.add(new JsonObject().put("channel", channel).put("sid", sid)));
        return withId(id).put("type", "ok").put("msg", list);
    }

    static JsonObject error(Object id, KalshiWsError error) {
        return withId(id)
                .put("type", "error")
                .put("msg", new JsonObject().put("code", error.code()).put("msg", error.message()));
    }

    /**
     * {@code GET /markets/{ticker}/orderbook}: both keys always present (required by the OpenAPI schema),
     * levels ascending like the WebSocket, {@code depth} > 0 keeps that many best levels per side.
     */
    static JsonObject restOrderbook(KalshiBook book, int depth) {
        return new JsonObject()
                .put(
                        "orderbook_fp",
                        new JsonObject()
                                .put(
                                        "yes_dollars",
                                        ascendingLevels(
                                                best(book.bids(KalshiSide.YES).ascending(), depth)))
                                .put(
                                        "no_dollars",
                                        ascendingLevels(
                                                best(book.bids(KalshiSide.NO).ascending(), depth))));
    }

    static JsonObject notFound(String message) {
        return new JsonObject()
                .put("error", new JsonObject().put("code", "not_found").put("message", message));
    }

    private static NavigableMap<Long, Long> best(NavigableMap<Long, Long> ascending, int depth) {
        if (depth <= 0 || ascending.size() <= depth) {
            return ascending;
        }
        Long cutoff = ascending.descendingKeySet().stream()
                .skip(depth - 1L)
                .findFirst()
                .orElseThrow();
        return ascending.tailMap(cutoff, true);
    }

    private static JsonArray ascendingLevels(Map<Long, Long> ascending) {
        JsonArray levels = new JsonArray();
        ascending.forEach((price, size) -> levels.add(level(price, size)));
        return levels;
    }

    /** NO bids at p reported as 1 − p, still ascending by the reported price. */
    private static JsonArray inYesTerms(NavigableMap<Long, Long> noAscending) {
        JsonArray levels = new JsonArray();
        noAscending.descendingMap().forEach((price, size) -> levels.add(level(FixedPoint.ONE_DOLLAR - price, size)));
        return levels;
    }

    private static JsonArray level(long price, long size) {
        return new JsonArray().add(FixedPoint.kalshiPrice(price)).add(FixedPoint.kalshiSize(size));
    }

    private static JsonObject withId(Object id) {
        JsonObject frame = new JsonObject();
        if (id != null) {
            frame.put("id", id);
        }
        return frame;
    }
}

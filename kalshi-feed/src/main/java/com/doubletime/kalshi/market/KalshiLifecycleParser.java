package com.doubletime.kalshi.market;

import com.doubletime.domain.FixedPoint;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.feed.MalformedReason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads {@code market_lifecycle_v2} frames at the edge (kalshi.md §3.7). They are rare, so they are parsed with the
 * JSON object model rather than the book frames' streaming tokenizer. Numbers may come as JSON numbers or strings.
 */
public final class KalshiLifecycleParser {
    public static final String TYPE = "market_lifecycle_v2";

    private KalshiLifecycleParser() {}

    public static KalshiLifecycleMessage parse(String frame) throws MalformedFrameException {
        JsonObject root;
        try {
            root = new JsonObject(frame);
        } catch (DecodeException | ClassCastException e) {
            throw new MalformedFrameException(MalformedReason.SYNTAX, "lifecycle frame is not a JSON object");
        }
        if (!TYPE.equals(root.getValue("type"))) {
            throw new MalformedFrameException(
                    MalformedReason.BAD_VALUE, "not a " + TYPE + " frame: type " + root.getValue("type"));
        }
        if (!(root.getValue("msg") instanceof JsonObject msg)) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, TYPE + " without msg");
        }
        if (!(msg.getValue("market_ticker") instanceof String ticker) || ticker.isBlank()) {
            throw new MalformedFrameException(MalformedReason.MISSING_FIELD, TYPE + " without market_ticker");
        }
        if (!(msg.getValue("event_type") instanceof String eventType) || eventType.isBlank()) {
            throw new MalformedFrameException(
                    MalformedReason.MISSING_FIELD, TYPE + " " + ticker + " without event_type");
        }
        JsonObject metadata = msg.getValue("additional_metadata") instanceof JsonObject m ? m : new JsonObject();
        long exchangeIndex = integer(msg, "exchange_index", ticker);
        Object deactivated = msg.getValue("is_deactivated");
        if (deactivated != null && !(deactivated instanceof Boolean)) {
            throw new MalformedFrameException(
                    MalformedReason.BAD_VALUE, TYPE + " " + ticker + ": is_deactivated is not a boolean");
        }
        long settlement = KalshiLifecycleMessage.ABSENT;
        Object value = msg.getValue("settlement_value");
        if (value != null) {
            try {
                settlement = FixedPoint.parse(value.toString());
            } catch (NumberFormatException e) {
                throw new MalformedFrameException(
                        MalformedReason.BAD_VALUE, TYPE + " " + ticker + ": settlement_value " + e.getMessage());
            }
            if (settlement < 0 || settlement > FixedPoint.ONE) {
                throw new MalformedFrameException(
                        MalformedReason.BAD_VALUE, TYPE + " " + ticker + ": settlement_value outside 0..1: " + value);
            }
        }
        Object result = msg.getValue("result");
        if (result != null && !(result instanceof String)) {
            throw new MalformedFrameException(
                    MalformedReason.BAD_VALUE, TYPE + " " + ticker + ": result is not a string");
        }
        return new KalshiLifecycleMessage(
                integer(root, "sid", ticker),
                integer(root, "seq", ticker),
                ticker,
                eventType,
                integer(msg, "close_ts", ticker),
                integer(metadata, "expected_expiration_ts", ticker),
                exchangeIndex == KalshiLifecycleMessage.ABSENT ? -1 : (int) exchangeIndex,
                (String) result,
                settlement,
                deactivated == null ? -1 : (Boolean) deactivated ? 1 : 0);
    }

    private static long integer(JsonObject object, String field, String ticker) throws MalformedFrameException {
        Object value = object.getValue(field);
        if (value == null) {
            return KalshiLifecycleMessage.ABSENT;
        }
        try {
            if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
                return number.longValue();
            }
            if (value instanceof String text) {
                return Long.parseLong(text.trim());
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new MalformedFrameException(
                MalformedReason.BAD_VALUE, TYPE + " " + ticker + ": " + field + " is not a whole number: " + value);
    }
}

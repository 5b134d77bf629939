package com.doubletime.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted book history: the opening books of both venues and the steps played after them. The
 * format is documented in the module README; every book is stated explicitly (no mirroring).
 */
record Scenario(
        Map<String, Map<KalshiSide, List<Level>>> kalshiBooks,
        Map<String, Map<PolymarketSide, List<Level>>> polymarketBooks,
        List<Step> steps) {

    /** One price level as scripted (fixed-point). */
    record Level(long price, long size) {}

    /**
     * One scripted step, played {@code delayMillis} after the previous one: its Kalshi deltas first, then
     * its Polymarket changes as one {@code price_change} per market.
     */
    record Step(long delayMillis, List<KalshiDelta> kalshi, List<PolymarketLevelUpdate> polymarket) {}

    Scenario {
        kalshiBooks = Map.copyOf(kalshiBooks);
        polymarketBooks = Map.copyOf(polymarketBooks);
        steps = List.copyOf(steps);
    }

    /** Parses a scenario; the message of a rejection names the offending field. */
    static Scenario parse(String json) {
        JsonObject root;
        try {
            root = new JsonObject(json);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("scenario is not a JSON object: " + e.getMessage(), e);
        }
        JsonObject initial = object(root, "initial", "scenario");
        Map<String, Map<KalshiSide, List<Level>>> kalshi = new LinkedHashMap<>();
        JsonObject kalshiInitial = object(initial, "kalshi", "initial");
        for (String ticker : kalshiInitial.fieldNames()) {
            String where = "initial.kalshi." + ticker;
            JsonObject book = object(kalshiInitial, ticker, "initial.kalshi");
            Map<KalshiSide, List<Level>> sides = new EnumMap<>(KalshiSide.class);
            for (KalshiSide side : KalshiSide.values()) {
                sides.put(side, levels(book.getValue(side.wire()), where + "." + side.wire()));
            }
            kalshi.put(ticker, sides);
        }
        Map<String, Map<PolymarketSide, List<Level>>> polymarket = new LinkedHashMap<>();
        JsonObject polymarketInitial = object(initial, "polymarket", "initial");
        for (String token : polymarketInitial.fieldNames()) {
            String where = "initial.polymarket." + token;
            JsonObject book = object(polymarketInitial, token, "initial.polymarket");
            Map<PolymarketSide, List<Level>> sides = new EnumMap<>(PolymarketSide.class);
            sides.put(PolymarketSide.BUY, levels(book.getValue("bids"), where + ".bids"));
            sides.put(PolymarketSide.SELL, levels(book.getValue("asks"), where + ".asks"));
            polymarket.put(token, sides);
        }
        List<Step> steps = new ArrayList<>();
        Object stepsValue = root.getValue("steps");
        if (stepsValue != null && !(stepsValue instanceof JsonArray)) {
            throw new IllegalArgumentException("scenario.steps must be an array");
        }
        JsonArray stepArray = stepsValue == null ? new JsonArray() : (JsonArray) stepsValue;
        for (int i = 0; i < stepArray.size(); i++) {
            steps.add(step(stepArray.getValue(i), "steps[" + i + "]"));
        }
        return new Scenario(kalshi, polymarket, steps);
    }

    /**
     * Writes the opening books straight into {@code books} (before any listener is attached) and checks
     * that every ticker and token the script names is served.
     */
    void openBooks(SimulatedBooks books) {
        kalshiBooks.forEach((ticker, sides) -> {
            KalshiBook book = books.kalshi(ticker);
            if (book == null) {
                throw new IllegalArgumentException("scenario initial.kalshi names unknown ticker " + ticker);
            }
            sides.forEach(
                    (side, levels) -> levels.forEach(level -> book.bids(side).set(level.price(), level.size())));
        });
        polymarketBooks.forEach((token, sides) -> {
            PolymarketBook book = books.polymarket(token);
            if (book == null) {
                throw new IllegalArgumentException("scenario initial.polymarket names unknown token " + token);
            }
            sides.forEach(
                    (side, levels) -> levels.forEach(level -> book.levels(side).set(level.price(), level.size())));
        });
        for (int i = 0; i < steps.size(); i++) {
            for (KalshiDelta delta : steps.get(i).kalshi()) {
                if (books.kalshi(delta.ticker()) == null) {
                    throw new IllegalArgumentException(
                            "scenario steps[" + i + "] names unknown ticker " + delta.ticker());
                }
            }
            for (PolymarketLevelUpdate update : steps.get(i).polymarket()) {
                if (books.polymarket(update.assetId()) == null) {
                    throw new IllegalArgumentException(
                            "scenario steps[" + i + "] names unknown token " + update.assetId());
                }
            }
        }
    }

    private static Step step(Object value, String where) {
        if (!(value instanceof JsonObject step)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        Object delay = step.getValue("delayMillis");
        if (delay != null && !(delay instanceof Integer || delay instanceof Long)) {
            throw new IllegalArgumentException(where + ".delayMillis must be a whole number");
        }
        long delayMillis = delay == null ? 0 : ((Number) delay).longValue();
        if (delayMillis < 0) {
            throw new IllegalArgumentException(where + ".delayMillis must not be negative");
        }
        List<KalshiDelta> kalshi = new ArrayList<>();
        for (JsonObject change : objects(step.getValue("kalshi"), where + ".kalshi")) {
            kalshi.add(new KalshiDelta(
                    text(change, "ticker", where + ".kalshi"),
                    KalshiSide.fromWire(text(change, "side", where + ".kalshi")),
                    FixedPoint.parsePrice(decimal(change, "price", where + ".kalshi")),
                    FixedPoint.parseSize(decimal(change, "delta", where + ".kalshi"))));
        }
        List<PolymarketLevelUpdate> polymarket = new ArrayList<>();
        for (JsonObject change : objects(step.getValue("polymarket"), where + ".polymarket")) {
            long size = FixedPoint.parseSize(decimal(change, "size", where + ".polymarket"));
            if (size < 0) {
                throw new IllegalArgumentException(where + ".polymarket size is absolute and must not be negative");
            }
            polymarket.add(new PolymarketLevelUpdate(
                    text(change, "assetId", where + ".polymarket"),
                    PolymarketSide.fromWire(text(change, "side", where + ".polymarket")),
                    FixedPoint.parsePrice(decimal(change, "price", where + ".polymarket")),
                    size));
        }
        return new Step(delayMillis, kalshi, polymarket);
    }

    /** Accepts one object or an array of objects; absent means none. */
    private static List<JsonObject> objects(Object value, String where) {
        List<JsonObject> objects = new ArrayList<>();
        if (value == null) {
            return objects;
        }
        if (value instanceof JsonObject object) {
            objects.add(object);
            return objects;
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(where + " must be an object or an array of objects");
        }
        for (Object element : array) {
            if (!(element instanceof JsonObject object)) {
                throw new IllegalArgumentException(where + " must be an object or an array of objects");
            }
            objects.add(object);
        }
        return objects;
    }

    private static List<Level> levels(Object value, String where) {
        List<Level> levels = new ArrayList<>();
        if (value == null) {
            return levels;
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(where + " must be an array of [price, size] pairs");
        }
        for (Object element : array) {
            if (!(element instanceof JsonArray pair) || pair.size() != 2) {
                throw new IllegalArgumentException(where + " must be an array of [price, size] pairs");
            }
            long size = FixedPoint.parseSize(decimal(pair.getValue(1), where));
            if (size <= 0) {
                throw new IllegalArgumentException(where + " sizes must be positive");
            }
            levels.add(new Level(FixedPoint.parsePrice(decimal(pair.getValue(0), where)), size));
        }
        return levels;
    }

    private static JsonObject object(JsonObject parent, String field, String where) {
        Object value = parent.getValue(field);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + "." + field + " must be an object");
        }
        return object;
    }

    private static String text(JsonObject object, String field, String where) {
        Object value = object.getValue(field);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + "." + field + " must be a string");
        }
        return text;
    }

    private static String decimal(JsonObject object, String field, String where) {
        return decimal(object.getValue(field), where + "." + field);
    }

    /** Decimals are strings; whole JSON numbers are accepted, binary fractions are not. */
    private static String decimal(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        throw new IllegalArgumentException(where + " must be a decimal string such as \"0.42\"");
    }
}

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
        List<Step> steps,
        Map<String, KalshiMarketSetup> kalshiMarkets,
        Map<String, Long> polymarketEndDates,
        Accounts accounts) {

    /**
     * How a Kalshi market starts ({@code markets.kalshi.<ticker>}): its shard, REST status and times; -1 / null
     * keep the simulator's defaults.
     */
    record KalshiMarketSetup(int exchangeIndex, String status, long closeTimeMillis, long expectedExpirationMillis) {}

    /**
     * Starting cash ({@code accounts}): Kalshi per shard, dollars; Polymarket per account (pUSD). Null = the
     * simulator's configured defaults.
     */
    record Accounts(Map<Integer, java.math.BigDecimal> kalshiShards, java.math.BigDecimal polymarketCash) {}

    /** One price level as scripted (fixed-point). */
    record Level(long price, long size) {}

    /**
     * One scripted step, played {@code delayMillis} after the previous one: its Kalshi deltas first, then
     * its Polymarket changes as one {@code price_change} per market.
     */
    record Step(
            long delayMillis,
            List<KalshiDelta> kalshi,
            List<PolymarketLevelUpdate> polymarket,
            List<MarketChange> markets) {
        Step(long delayMillis, List<KalshiDelta> kalshi, List<PolymarketLevelUpdate> polymarket) {
            this(delayMillis, kalshi, polymarket, List.of());
        }
    }

    Scenario {
        kalshiBooks = Map.copyOf(kalshiBooks);
        polymarketBooks = Map.copyOf(polymarketBooks);
        steps = List.copyOf(steps);
        kalshiMarkets = Map.copyOf(kalshiMarkets);
        polymarketEndDates = Map.copyOf(polymarketEndDates);
    }

    Scenario(
            Map<String, Map<KalshiSide, List<Level>>> kalshiBooks,
            Map<String, Map<PolymarketSide, List<Level>>> polymarketBooks,
            List<Step> steps) {
        this(kalshiBooks, polymarketBooks, steps, Map.of(), Map.of(), null);
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
        Map<String, KalshiMarketSetup> kalshiMarkets = new LinkedHashMap<>();
        Map<String, Long> polymarketEnds = new LinkedHashMap<>();
        JsonObject markets = object(root, "markets", "scenario");
        JsonObject kalshiSetups = object(markets, "kalshi", "markets");
        for (String ticker : kalshiSetups.fieldNames()) {
            String where = "markets.kalshi." + ticker;
            JsonObject setup = object(kalshiSetups, ticker, "markets.kalshi");
            Object index = setup.getValue("exchangeIndex");
            if (index != null && !(index instanceof Integer i && i >= 0)) {
                throw new IllegalArgumentException(where + ".exchangeIndex must be a whole number >= 0");
            }
            String status = optionalText(setup, "status", where);
            if (status != null && !KALSHI_STATUSES.contains(status)) {
                throw new IllegalArgumentException(where + ".status must be one of " + KALSHI_STATUSES);
            }
            kalshiMarkets.put(
                    ticker,
                    new KalshiMarketSetup(
                            index == null ? -1 : (Integer) index,
                            status,
                            instant(setup, "closeTime", where),
                            instant(setup, "expectedExpirationTime", where)));
        }
        JsonObject polymarketSetups = object(markets, "polymarket", "markets");
        for (String condition : polymarketSetups.fieldNames()) {
            String where = "markets.polymarket." + condition;
            long end = instant(object(polymarketSetups, condition, "markets.polymarket"), "endDate", where);
            if (end >= 0) {
                polymarketEnds.put(condition, end);
            }
        }
        return new Scenario(kalshi, polymarket, steps, kalshiMarkets, polymarketEnds, accounts(root));
    }

    static final List<String> KALSHI_STATUSES = List.of(
            KalshiMarketState.ACTIVE,
            KalshiMarketState.INACTIVE,
            KalshiMarketState.CLOSED,
            KalshiMarketState.DETERMINED,
            KalshiMarketState.FINALIZED);
    static final List<String> POLYMARKET_STATUSES = List.of("open", "paused", "closed", "resolved");

    private static Accounts accounts(JsonObject root) {
        if (root.getValue("accounts") == null) {
            return null;
        }
        JsonObject accounts = object(root, "accounts", "scenario");
        Map<Integer, java.math.BigDecimal> shards = new LinkedHashMap<>();
        JsonObject kalshi = object(object(accounts, "kalshi", "accounts"), "shards", "accounts.kalshi");
        for (String index : kalshi.fieldNames()) {
            String where = "accounts.kalshi.shards." + index;
            int shard;
            try {
                shard = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": a shard is a whole exchange_index");
            }
            shards.put(shard, money(decimal(kalshi.getValue(index), where), where));
        }
        JsonObject polymarket = object(accounts, "polymarket", "accounts");
        Object cash = polymarket.getValue("cash");
        return new Accounts(
                shards,
                cash == null ? null : money(decimal(cash, "accounts.polymarket.cash"), "accounts.polymarket.cash"));
    }

    private static java.math.BigDecimal money(String text, String where) {
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(text);
            if (value.signum() < 0) {
                throw new IllegalArgumentException(where + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is not a decimal: " + text);
        }
    }

    private static String optionalText(JsonObject object, String field, String where) {
        Object value = object.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(where + "." + field + " must be a string");
        }
        return (String) value;
    }

    /** An ISO-8601 instant, or -1 when absent. */
    private static long instant(JsonObject object, String field, String where) {
        String text = optionalText(object, field, where);
        if (text == null) {
            return -1;
        }
        try {
            return java.time.Instant.parse(text).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + " is not an ISO-8601 instant: " + text);
        }
    }

    private static List<MarketChange> marketChanges(JsonObject step, String where) {
        List<MarketChange> changes = new ArrayList<>();
        for (JsonObject change : objects(step.getValue("kalshiMarket"), where + ".kalshiMarket")) {
            String at = where + ".kalshiMarket";
            String status = optionalText(change, "status", at);
            if (status != null && !KALSHI_STATUSES.contains(status)) {
                throw new IllegalArgumentException(at + ".status must be one of " + KALSHI_STATUSES);
            }
            String result = optionalText(change, "result", at);
            if (result != null && !List.of("yes", "no", "scalar", "").contains(result)) {
                throw new IllegalArgumentException(at + ".result must be yes, no, scalar or \"\" (void)");
            }
            Object value = change.getValue("settlementValue");
            long settlement = value == null ? -1 : FixedPoint.parsePrice(decimal(value, at + ".settlementValue"));
            if (settlement > FixedPoint.ONE_DOLLAR) {
                throw new IllegalArgumentException(at + ".settlementValue must lie within 0..1");
            }
            changes.add(new MarketChange.Kalshi(
                    text(change, "ticker", at),
                    status,
                    result,
                    settlement,
                    instant(change, "closeTime", at),
                    instant(change, "expectedExpirationTime", at)));
        }
        for (JsonObject change : objects(step.getValue("polymarketMarket"), where + ".polymarketMarket")) {
            String at = where + ".polymarketMarket";
            String status = optionalText(change, "status", at);
            if (status != null && !POLYMARKET_STATUSES.contains(status)) {
                throw new IllegalArgumentException(at + ".status must be one of " + POLYMARKET_STATUSES);
            }
            String winner = optionalText(change, "winner", at);
            if ("resolved".equals(status) && winner == null) {
                throw new IllegalArgumentException(
                        at + ".winner is required when resolved (YES, NO, 50-50 or a token)");
            }
            changes.add(new MarketChange.Polymarket(
                    text(change, "conditionId", at), status, winner, instant(change, "endDate", at)));
        }
        return changes;
    }

    /**
     * Writes the opening books straight into {@code books} (before any listener is attached) and checks
     * that every ticker and token the script names is served.
     */
    /** Sets the markets' starting shard, status and times, and checks every market the script names is served. */
    void openMarkets(SimulatedLifecycle lifecycle) {
        kalshiMarkets.forEach((ticker, setup) -> {
            KalshiMarketState market = lifecycle.kalshi(ticker);
            if (market == null) {
                throw new IllegalArgumentException("scenario markets.kalshi names unknown ticker " + ticker);
            }
            if (setup.exchangeIndex() >= 0) {
                market.exchangeIndex = setup.exchangeIndex();
            }
            if (setup.status() != null) {
                market.status = setup.status();
            }
            if (setup.closeTimeMillis() >= 0) {
                market.closeTimeMillis = setup.closeTimeMillis();
                market.expectedExpirationMillis =
                        setup.closeTimeMillis() + SimulatedLifecycle.DEFAULT_EXPIRATION_LAG_MILLIS;
            }
            if (setup.expectedExpirationMillis() >= 0) {
                market.expectedExpirationMillis = setup.expectedExpirationMillis();
            }
        });
        polymarketEndDates.forEach((condition, end) -> {
            PolymarketMarketState market = lifecycle.polymarket(condition);
            if (market == null) {
                throw new IllegalArgumentException(
                        "scenario markets.polymarket names unknown condition id " + condition);
            }
            market.endDateMillis = end;
        });
        for (int i = 0; i < steps.size(); i++) {
            for (MarketChange change : steps.get(i).markets()) {
                boolean known = change instanceof MarketChange.Kalshi k
                        ? lifecycle.kalshi(k.ticker()) != null
                        : lifecycle.polymarket(((MarketChange.Polymarket) change).conditionId()) != null;
                if (!known) {
                    throw new IllegalArgumentException("scenario steps[" + i + "] names an unknown market: " + change);
                }
            }
        }
    }

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
        return new Step(delayMillis, kalshi, polymarket, marketChanges(step, where));
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

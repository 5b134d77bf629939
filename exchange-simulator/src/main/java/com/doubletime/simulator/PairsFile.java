package com.doubletime.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the markets to simulate from a pairs file (contracts §1, JSON form): {@code pairs[].kalshi.ticker},
 * {@code pairs[].polymarket.conditionId/yesTokenId/noTokenId} and {@code pairs[].polarity}. Every other
 * field belongs to the trading system and is ignored here.
 */
final class PairsFile {

    private PairsFile() {}

    static List<SimulatedMarket> read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static List<SimulatedMarket> parse(String json, String source) {
        JsonObject root;
        try {
            root = new JsonObject(json);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(
                    source + ": not a JSON object (YAML pairs files are read by the launcher)", e);
        }
        if (!(root.getValue("pairs") instanceof JsonArray pairs)) {
            throw new IllegalArgumentException(source + ": \"pairs\" must be an array");
        }
        List<SimulatedMarket> markets = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (!(pairs.getValue(i) instanceof JsonObject pair)) {
                throw new IllegalArgumentException(source + ": pairs[" + i + "] must be an object");
            }
            String where = source + ": pair " + (pair.getValue("id") instanceof String id ? id : "pairs[" + i + "]");
            JsonObject kalshi = object(pair, "kalshi", where);
            JsonObject polymarket = object(pair, "polymarket", where);
            Object polarity = pair.getValue("polarity", "same");
            if (!"same".equals(polarity) && !"inverse".equals(polarity)) {
                throw new IllegalArgumentException(where + ": polarity must be \"same\" or \"inverse\"");
            }
            markets.add(new SimulatedMarket(
                    text(kalshi, "ticker", where + ": kalshi"),
                    text(polymarket, "conditionId", where + ": polymarket"),
                    text(polymarket, "yesTokenId", where + ": polymarket"),
                    text(polymarket, "noTokenId", where + ": polymarket"),
                    "inverse".equals(polarity)));
        }
        return markets;
    }

    private static JsonObject object(JsonObject parent, String field, String where) {
        if (!(parent.getValue(field) instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be an object");
        }
        return object;
    }

    private static String text(JsonObject parent, String field, String where) {
        if (!(parent.getValue(field) instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required");
        }
        return text;
    }
}

package com.doubletime.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The venues' listed markets as their catalogues describe them, for pair discovery: titles, close dates and
 * strikes, which the simulated books alone do not have. A JSON file:
 * <pre>
 * {"kalshi":     [ {"ticker": "...", "title": "...", "yes_sub_title": "...", "close_time": "...",
 *                   "strike_type": "greater", "floor_strike": 150000, ...}, ... ],
 *  "polymarket": [ {"conditionId": "0x...", "question": "...", "endDate": "...",
 *                   "clobTokenIds": ["yes", "no"], ...}, ... ]}
 * </pre>
 * Entries are written in each venue's own field names ({@code GET /markets} Market objects on Kalshi, Gamma
 * market records on Polymarket) and served as given over the simulator's defaults. An entry whose ticker or
 * condition id is a simulated market describes that market (its books and token ids stay the simulator's);
 * any other entry is an extra listed market without a book, e.g. a near-miss that must not be paired. On
 * Polymarket such an entry needs its two {@code clobTokenIds} (a plain array here; the simulator serves it
 * JSON-encoded in a string, as Gamma does).
 */
public record SimulatorCatalogue(List<JsonObject> kalshi, List<JsonObject> polymarket) {

    /** The built-in demo catalogue, consistent with {@code config/pairs.example.json}. */
    public static final String DEMO_RESOURCE = "/com/doubletime/simulator/demo-catalogue.json";

    public SimulatorCatalogue {
        kalshi = kalshi.stream().map(JsonObject::copy).toList();
        polymarket = polymarket.stream().map(JsonObject::copy).toList();
        unique(kalshi, "ticker", "kalshi");
        unique(polymarket, "conditionId", "polymarket");
        for (JsonObject entry : polymarket) {
            Object tokens = entry.getValue("clobTokenIds");
            if (tokens != null
                    && !(tokens instanceof JsonArray array
                            && array.size() == 2
                            && array.stream().allMatch(t -> t instanceof String s && !s.isBlank()))) {
                throw new IllegalArgumentException("polymarket " + entry.getString("conditionId")
                        + ": clobTokenIds must be an array of two token ids");
            }
        }
    }

    public static SimulatorCatalogue read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** The demo catalogue shipped with the simulator. */
    public static SimulatorCatalogue demo() {
        try (InputStream in = SimulatorCatalogue.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEMO_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SimulatorCatalogue parse(String json, String source) {
        JsonObject root;
        try {
            root = new JsonObject(json);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(source + ": not a JSON object", e);
        }
        try {
            return new SimulatorCatalogue(entries(root, "kalshi", source), entries(root, "polymarket", source));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The Kalshi entry of that ticker, or null. */
    JsonObject kalshiEntry(String ticker) {
        return kalshi.stream()
                .filter(e -> ticker.equals(e.getString("ticker")))
                .findFirst()
                .orElse(null);
    }

    /** The Polymarket entry of that condition id, or null. */
    JsonObject polymarketEntry(String conditionId) {
        return polymarket.stream()
                .filter(e -> conditionId.equalsIgnoreCase(e.getString("conditionId")))
                .findFirst()
                .orElse(null);
    }

    /**
     * Every Kalshi market to list: the simulated ones (described by their entry when there is one), then the
     * catalogue's other entries.
     */
    static List<JsonObject> kalshiListing(
            List<SimulatedMarket> simulated,
            SimulatorCatalogue catalogue,
            java.util.function.Function<SimulatedMarket, JsonObject> base,
            JsonObject extraBase) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (SimulatedMarket market : simulated) {
            JsonObject json = base.apply(market);
            JsonObject entry = catalogue == null ? null : catalogue.kalshiEntry(market.kalshiTicker());
            if (entry != null) {
                entry.forEach(field -> json.put(field.getKey(), field.getValue()));
                json.put("ticker", market.kalshiTicker());
            }
            out.put(market.kalshiTicker(), json);
        }
        if (catalogue != null) {
            for (JsonObject entry : catalogue.kalshi) {
                out.computeIfAbsent(entry.getString("ticker"), ticker -> {
                    JsonObject json = extraBase.copy().put("event_ticker", KalshiRest.eventTicker(ticker));
                    entry.forEach(field -> json.put(field.getKey(), field.getValue()));
                    return json;
                });
            }
        }
        return new ArrayList<>(out.values());
    }

    private static List<JsonObject> entries(JsonObject root, String venue, String source) {
        Object value = root.getValue(venue);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("\"" + venue + "\" must be an array");
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject entry)) {
                throw new IllegalArgumentException(venue + "[" + i + "] must be an object");
            }
            out.add(entry);
        }
        return out;
    }

    private static void unique(List<JsonObject> entries, String key, String venue) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i).getValue(key) instanceof String id) || id.isBlank()) {
                throw new IllegalArgumentException(venue + "[" + i + "]." + key + " is required");
            }
            if (!seen.add(id.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(venue + " " + key + " listed twice: " + id);
            }
        }
    }
}

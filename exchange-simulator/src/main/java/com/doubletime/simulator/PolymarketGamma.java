package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * A Gamma-like {@code /markets} catalogue of the simulated markets, with Gamma's quirks (polymarket.md
 * §1.2): {@code clobTokenIds} and {@code outcomes} are JSON arrays encoded inside strings, tick size and
 * minimum size are numbers, fees come as {@code feesEnabled} plus a {@code feeSchedule} object.
 */
final class PolymarketGamma {

    private PolymarketGamma() {}

    /** Markets filtered by condition ids and/or token ids; no filter lists them all. */
    static JsonArray markets(List<SimulatedMarket> markets, Set<String> conditionIds, Set<String> tokenIds) {
        JsonArray out = new JsonArray();
        for (SimulatedMarket market : markets) {
            boolean byCondition = conditionIds.isEmpty() || conditionIds.contains(market.conditionId());
            boolean byToken = tokenIds.isEmpty()
                    || tokenIds.contains(market.yesTokenId())
                    || tokenIds.contains(market.noTokenId());
            if (byCondition && byToken) {
                out.add(market(market));
            }
        }
        return out;
    }

    /**
     * The catalogue's view: the simulated markets described by their catalogue entries, then the catalogue's
     * other markets; filtered by ids, {@code active} / {@code closed} ({@code "true"} / {@code "false"}, null = any)
     * and paged by {@code offset} / {@code limit}, as Gamma pages {@code /markets}.
     */
    static JsonArray markets(
            List<SimulatedMarket> markets,
            SimulatorCatalogue catalogue,
            SimulatedLifecycle lifecycle,
            Set<String> conditionIds,
            Set<String> tokenIds,
            String active,
            String closed,
            int limit,
            int offset) {
        java.util.Map<String, JsonObject> listed = new java.util.LinkedHashMap<>();
        for (SimulatedMarket market : markets) {
            JsonObject json = market(market);
            JsonObject entry = catalogue.polymarketEntry(market.conditionId());
            if (entry != null) {
                entry.forEach(field -> json.put(field.getKey(), field.getValue()));
                // the simulated books' ids win: they are what the feeds subscribe to
                json.put("conditionId", market.conditionId())
                        .put(
                                "clobTokenIds",
                                new JsonArray()
                                        .add(market.yesTokenId())
                                        .add(market.noTokenId())
                                        .encode());
            }
            json.mergeIn(lifecycleFields(lifecycle == null ? null : lifecycle.polymarket(market.conditionId())));
            listed.put(market.conditionId().toLowerCase(java.util.Locale.ROOT), json);
        }
        for (JsonObject entry : catalogue.polymarket()) {
            listed.computeIfAbsent(entry.getString("conditionId").toLowerCase(java.util.Locale.ROOT), id -> {
                JsonArray tokens = entry.getJsonArray("clobTokenIds");
                if (tokens == null) {
                    throw new IllegalStateException("catalogue market " + entry.getString("conditionId")
                            + " is not simulated and has no clobTokenIds");
                }
                JsonObject json = market(new SimulatedMarket(
                        entry.getString("conditionId"),
                        entry.getString("conditionId"),
                        tokens.getString(0),
                        tokens.getString(1),
                        false));
                json.put("slug", entry.getString("conditionId"));
                entry.forEach(field -> json.put(field.getKey(), field.getValue()));
                return json.put("clobTokenIds", tokens.encode()); // JSON inside a string, as Gamma sends it
            });
        }
        JsonArray out = new JsonArray();
        listed.values().stream()
                .filter(m -> conditionIds.isEmpty()
                        || conditionIds.stream().anyMatch(c -> c.equalsIgnoreCase(m.getString("conditionId"))))
                .filter(m -> tokenIds.isEmpty()
                        || new JsonArray(m.getString("clobTokenIds")).stream().anyMatch(tokenIds::contains))
                .filter(m -> active == null || Boolean.parseBoolean(active) == m.getBoolean("active", true))
                .filter(m -> closed == null || Boolean.parseBoolean(closed) == m.getBoolean("closed", false))
                .skip(offset)
                .limit(limit)
                .forEach(out::add);
        return out;
    }

    /** The simulated markets' life over a listing: every entry of a simulated market gets its current fields. */
    static JsonArray withLifecycle(JsonArray listing, SimulatedLifecycle lifecycle) {
        if (lifecycle != null) {
            listing.forEach(entry -> {
                JsonObject market = (JsonObject) entry;
                market.mergeIn(lifecycleFields(lifecycle.polymarket(market.getString("conditionId"))));
            });
        }
        return listing;
    }

    /**
     * Gamma's lifecycle fields (polymarket.md §1.2): {@code active}, {@code closed}, {@code acceptingOrders},
     * {@code endDate} / {@code endDateIso}; once resolved {@code umaResolutionStatus: "resolved"} and
     * {@code outcomePrices} the payouts (JSON inside a string, as Gamma sends it).
     */
    static JsonObject lifecycleFields(PolymarketMarketState state) {
        if (state == null) {
            return new JsonObject();
        }
        java.time.Instant end = java.time.Instant.ofEpochMilli(state.endDateMillis);
        JsonObject fields = new JsonObject()
                .put("active", state.active)
                .put("closed", state.closed)
                .put("acceptingOrders", state.acceptingOrders)
                .put("endDate", end.toString())
                .put("endDateIso", end.toString().substring(0, 10));
        if (state.resolved()) {
            fields.put("umaResolutionStatus", "resolved")
                    .put(
                            "outcomePrices",
                            new JsonArray()
                                    .add(FixedPoint.polymarketPrice(
                                            state.payoutMicros(state.market.yesTokenId()) / 100))
                                    .add(FixedPoint.polymarketPrice(state.payoutMicros(state.market.noTokenId()) / 100))
                                    .encode());
        }
        return fields;
    }

    static JsonObject market(SimulatedMarket market) {
        return new JsonObject()
                .put("id", Integer.toString(Math.abs(market.conditionId().hashCode())))
                .put("question", "Simulated market for " + market.kalshiTicker())
                .put("conditionId", market.conditionId())
                .put("slug", market.kalshiTicker().toLowerCase())
                .put("outcomes", "[\"Yes\", \"No\"]")
                .put(
                        "clobTokenIds",
                        new JsonArray()
                                .add(market.yesTokenId())
                                .add(market.noTokenId())
                                .encode())
                .put("version", "v1")
                .put("negRisk", false)
                .put("orderPriceMinTickSize", Double.parseDouble(PolymarketFrames.TICK_SIZE))
                .put("orderMinSize", Integer.parseInt(PolymarketFrames.MIN_ORDER_SIZE))
                .put("active", true)
                .put("closed", false)
                .put("archived", false)
                .put("acceptingOrders", true)
                .put("enableOrderBook", true)
                .put("feesEnabled", true)
                .put("feeType", "politics_fees")
                .put(
                        "feeSchedule",
                        new JsonObject()
                                .put("rate", 0.04)
                                .put("exponent", 1)
                                .put("takerOnly", true)
                                .put("rebateRate", 0.25));
    }
}

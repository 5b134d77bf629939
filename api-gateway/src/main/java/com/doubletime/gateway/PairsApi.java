package com.doubletime.gateway;

import com.doubletime.domain.ConfiguredPairs;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFile;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.PairJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs endpoints' rules, without Vert.x routing: a new pair is read exactly as the pairs file reads
 * it (contracts §1, {@link PairsFile#parsePair}), after refusing fields the file does not know, and checked
 * against the pairs already configured. Every accepted change comes back as the {@link PairsChanged} to
 * publish.
 */
final class PairsApi {
    static final Set<String> PAIR_FIELDS =
            Set.of("id", "description", "kalshi", "polymarket", "polarity", "minEdge", "maxQuantity");
    static final Set<String> KALSHI_FIELDS = Set.of("ticker", "takerFeeRate");
    static final Set<String> POLYMARKET_FIELDS =
            Set.of("conditionId", "yesTokenId", "noTokenId", "takerFeeRate", "tickSize", "minOrderSize", "negRisk");

    private final ConfiguredPairs pairs;

    PairsApi(ConfiguredPairs pairs) {
        this.pairs = pairs;
    }

    List<MarketPair> pairs() {
        return pairs.pairs();
    }

    /** Every pair in its pairs-file shape, with both markets' statuses and {@code tradable} (contracts §7). */
    JsonObject list(MarketStatusBoard statuses) {
        JsonArray out = new JsonArray();
        pairs.pairs().forEach(pair -> out.add(new JsonObject(statuses.withStatus(pair, PairJson.toMap(pair)))));
        return new JsonObject().put("pairs", out);
    }

    /** @throws ApiErrors.BadRequest naming the field; ApiErrors.Conflict when the id is taken */
    PairsChanged add(Map<String, Object> body) {
        JsonBodies.allowOnly(body, PAIR_FIELDS, "");
        if (body.get("kalshi") instanceof Map<?, ?> kalshi) {
            JsonBodies.allowOnly(cast(kalshi), KALSHI_FIELDS, "kalshi.");
        }
        if (body.get("polymarket") instanceof Map<?, ?> polymarket) {
            JsonBodies.allowOnly(cast(polymarket), POLYMARKET_FIELDS, "polymarket.");
        }
        MarketPair pair;
        try {
            pair = PairsFile.parsePair(JsonBodies.plain(body), 0);
        } catch (PairsFileException e) {
            throw new ApiErrors.BadRequest(e.field() == null ? "body" : e.field(), e.getMessage());
        }
        if (pairs.find(pair.id()) != null) {
            throw new ApiErrors.Conflict("id", "pair '" + pair.id() + "' already exists; remove it first to change it");
        }
        try {
            return pairs.add(pair);
        } catch (PairsFileException e) {
            throw new ApiErrors.BadRequest(e.field(), e.getMessage());
        }
    }

    /** @throws ApiErrors.NotFound when no pair has this id */
    PairsChanged remove(String id) {
        PairsChanged change = pairs.remove(id);
        if (change == null) {
            throw new ApiErrors.NotFound("no pair '" + id + "'");
        }
        return change;
    }

    PairsChanged replaceAll(List<MarketPair> reloaded) {
        return pairs.replaceAll(reloaded);
    }

    static JsonObject changeJson(PairsChanged change) {
        JsonArray added = new JsonArray();
        change.added().forEach(p -> added.add(p.id()));
        JsonArray removed = new JsonArray();
        change.removed().forEach(p -> removed.add(p.id()));
        return new JsonObject()
                .put("added", added)
                .put("removed", removed)
                .put("pairs", change.pairs().size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

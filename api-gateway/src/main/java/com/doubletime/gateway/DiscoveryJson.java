package com.doubletime.gateway;

import com.doubletime.domain.Polarity;
import com.doubletime.domain.discovery.MarketListing;
import com.doubletime.domain.discovery.PairCandidate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** A discovery candidate as the API shows it, with a draft pair an operator can check and then POST. */
final class DiscoveryJson {
    private DiscoveryJson() {}

    static JsonObject candidate(PairCandidate c) {
        String polarity = c.polarity() == Polarity.SAME ? "same" : "inverse";
        return new JsonObject()
                .put("score", c.score())
                .put("polarity", polarity)
                .put("kalshi", listing(c.kalshi()).put("ticker", c.kalshi().id()))
                .put(
                        "polymarket",
                        listing(c.polymarket())
                                .put("conditionId", c.polymarket().id())
                                .put("yesTokenId", c.polymarket().yesTokenId())
                                .put("noTokenId", c.polymarket().noTokenId()))
                .put("reasons", new JsonArray(c.reasons()))
                .put(
                        "draftPair",
                        new JsonObject()
                                .put("id", c.kalshi().id().toLowerCase(Locale.ROOT))
                                .put("description", c.kalshi().title())
                                .put(
                                        "kalshi",
                                        new JsonObject()
                                                .put("ticker", c.kalshi().id()))
                                .put(
                                        "polymarket",
                                        new JsonObject()
                                                .put(
                                                        "conditionId",
                                                        c.polymarket().id())
                                                .put(
                                                        "yesTokenId",
                                                        c.polymarket().yesTokenId())
                                                .put("noTokenId", c.polymarket().noTokenId()))
                                .put("polarity", polarity));
    }

    private static JsonObject listing(MarketListing listing) {
        return new JsonObject()
                .put("title", listing.title())
                .put(
                        "closes",
                        listing.closes() == null ? null : listing.closes().toString());
    }
}

package com.doubletime.gateway;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import com.doubletime.domain.discovery.PairCandidate;
import com.doubletime.domain.discovery.PairDiscovery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /api/discovery/candidates}: both venues' catalogues ranked ({@link PairDiscovery}); markets already
 * paired are left out. Each candidate carries a draft pair for {@code POST /api/pairs}: a human checks it first.
 */
final class DiscoveryApi {
    private static final int DEFAULT_LIMIT = 100;

    private final Supplier<CatalogueSource> catalogues;
    private final Supplier<List<MarketPair>> pairs;

    /** @param catalogues read at each request: the source may be set after the gateway was built */
    DiscoveryApi(Supplier<CatalogueSource> catalogues, Supplier<List<MarketPair>> pairs) {
        this.catalogues = catalogues;
        this.pairs = pairs;
    }

    void mount(Router router) {
        router.get("/api/discovery/candidates").handler(this::candidates);
    }

    private void candidates(RoutingContext rc) {
        int limit = HttpJson.limit(rc, DEFAULT_LIMIT);
        double minScore = PairDiscovery.DEFAULT_MIN_SCORE;
        String rawScore = rc.queryParams().get("minScore");
        if (rawScore != null) {
            try {
                minScore = Double.parseDouble(rawScore.trim()); // a ranking cut-off, not money
            } catch (NumberFormatException e) {
                throw new ApiErrors.BadRequest("minScore", "minScore must be a number from 0 to 1");
            }
        }
        CatalogueSource source = catalogues.get();
        if (source == null) {
            ApiErrors.send(
                    rc,
                    ApiErrors.UNAVAILABLE,
                    "pair discovery has no catalogue source: the venues' catalogue clients are not "
                            + "configured in this deployment",
                    null);
            return;
        }
        double cut = minScore;
        Future<List<MarketListing>> kalshi = source.openMarkets(Platform.KALSHI);
        Future<List<MarketListing>> polymarket = source.openMarkets(Platform.POLYMARKET);
        Future.all(kalshi, polymarket).onComplete(done -> {
            if (done.failed()) {
                ApiErrors.send(
                        rc,
                        ApiErrors.UNAVAILABLE,
                        "a venue catalogue could not be read: " + done.cause().getMessage(),
                        null);
                return;
            }
            Set<String> paired = new HashSet<>();
            pairs.get().forEach(p -> {
                paired.add(p.kalshiTicker());
                paired.add(p.conditionId());
            });
            JsonArray out = new JsonArray();
            for (PairCandidate candidate : PairDiscovery.rank(kalshi.result(), polymarket.result(), cut)) {
                if (paired.contains(candidate.kalshi().id())
                        || paired.contains(candidate.polymarket().id())) {
                    continue;
                }
                out.add(DiscoveryJson.candidate(candidate));
                if (out.size() == limit) {
                    break;
                }
            }
            HttpJson.send(
                    rc,
                    new JsonObject().put("candidates", out).put("minScore", cut).encode());
        });
    }
}

package com.doubletime.polymarket.gamma;

import com.doubletime.domain.MarketPair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads market metadata from Gamma ({@code https://gamma-api.polymarket.com}, public, no auth):
 * {@code GET /markets?condition_ids=…} with the ids repeated, in pages of {@value #PAGE} ids.
 */
public final class GammaClient {
    public static final String PRODUCTION_URL = "https://gamma-api.polymarket.com";
    static final int PAGE = 50;

    private final WebClient client;
    private final String baseUrl;
    private final long timeoutMillis;

    public GammaClient(WebClient client, String baseUrl, long timeoutMillis) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeoutMillis = timeoutMillis;
    }

    /** Markets by condition id (lower-cased keys); ids Gamma does not know are absent. */
    public Future<Map<String, GammaMarket>> markets(List<String> conditionIds) {
        List<Future<JsonArray>> pages = new ArrayList<>();
        for (int from = 0; from < conditionIds.size(); from += PAGE) {
            HttpRequest<Buffer> request = client.getAbs(baseUrl + "/markets").timeout(timeoutMillis);
            conditionIds.subList(from, Math.min(conditionIds.size(), from + PAGE))
                    .forEach(id -> request.addQueryParam("condition_ids", id));
            pages.add(request.send().compose(response -> response.statusCode() == 200
                    ? Future.succeededFuture(response.bodyAsJsonArray())
                    : Future.failedFuture("Gamma /markets: HTTP " + response.statusCode())));
        }
        return Future.all(pages).map(all -> {
            Map<String, GammaMarket> byCondition = new LinkedHashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                for (Object item : all.<JsonArray>resultAt(i)) {
                    GammaMarket market = GammaMarket.parse((JsonObject) item);
                    byCondition.put(market.conditionId().toLowerCase(), market);
                }
            }
            return byCondition;
        });
    }

    /** Validates every pair against Gamma; one result per pair, in order. */
    public Future<List<PolymarketPairValidator.Result>> validate(List<MarketPair> pairs) {
        return markets(pairs.stream().map(MarketPair::conditionId).distinct().toList()).map(markets -> pairs.stream()
                .map(pair -> PolymarketPairValidator.validate(pair, markets.get(pair.conditionId().toLowerCase())))
                .toList());
    }
}

package com.doubletime.polymarket.gamma;

import com.doubletime.domain.MarketPair;
import com.doubletime.polymarket.order.ClobReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
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
    static final int OPEN_PAGE = 500;
    /** A bound on one catalogue read (Gamma allows /markets 300 requests per 10 s; this is 100 pages). */
    static final int MAX_OPEN_MARKETS = 50_000;

    private final WebClient client;
    private final String baseUrl;
    private final long timeoutMillis;

    public GammaClient(WebClient client, String baseUrl, long timeoutMillis) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeoutMillis = timeoutMillis;
    }

    /** A client with its own {@link WebClient} on {@code vertx}. */
    public static GammaClient create(Vertx vertx, String baseUrl, long timeoutMillis) {
        return new GammaClient(WebClient.create(vertx), baseUrl, timeoutMillis);
    }

    /** The raw Gamma records of these markets (lifecycle fields included), in Gamma's order. */
    public Future<List<JsonObject>> marketRecords(List<String> conditionIds) {
        List<Future<JsonArray>> pages = new ArrayList<>();
        for (int from = 0; from < conditionIds.size(); from += PAGE) {
            HttpRequest<Buffer> request = client.getAbs(baseUrl + "/markets").timeout(timeoutMillis);
            conditionIds
                    .subList(from, Math.min(conditionIds.size(), from + PAGE))
                    .forEach(id -> request.addQueryParam("condition_ids", id));
            pages.add(request.send()
                    .compose(response -> response.statusCode() == 200
                            ? Future.succeededFuture(response.bodyAsJsonArray())
                            : Future.failedFuture("Gamma /markets: HTTP " + response.statusCode())));
        }
        return Future.all(pages).map(all -> {
            List<JsonObject> records = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                all.<JsonArray>resultAt(i).forEach(item -> records.add((JsonObject) item));
            }
            return records;
        });
    }

    /** Markets by condition id (lower-cased keys); ids Gamma does not know are absent. */
    public Future<Map<String, GammaMarket>> markets(List<String> conditionIds) {
        List<Future<JsonArray>> pages = new ArrayList<>();
        for (int from = 0; from < conditionIds.size(); from += PAGE) {
            HttpRequest<Buffer> request = client.getAbs(baseUrl + "/markets").timeout(timeoutMillis);
            conditionIds
                    .subList(from, Math.min(conditionIds.size(), from + PAGE))
                    .forEach(id -> request.addQueryParam("condition_ids", id));
            pages.add(request.send()
                    .compose(response -> response.statusCode() == ClobReply.OK
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

    /**
     * Every open market, for pair discovery: {@code GET /markets?active=true&closed=false&limit=&offset=} page
     * after page until a short page (Gamma pages by offset). A record that cannot be read is skipped, not fatal:
     * one odd market must not hide the catalogue.
     */
    public Future<List<GammaMarket>> openMarkets() {
        return openPages(0, new ArrayList<>());
    }

    private Future<List<GammaMarket>> openPages(int offset, List<GammaMarket> into) {
        if (offset >= MAX_OPEN_MARKETS) {
            return Future.succeededFuture(into);
        }
        return client.getAbs(baseUrl + "/markets")
                .timeout(timeoutMillis)
                .addQueryParam("active", "true")
                .addQueryParam("closed", "false")
                .addQueryParam("limit", Integer.toString(OPEN_PAGE))
                .addQueryParam("offset", Integer.toString(offset))
                .send()
                .compose(response -> {
                    if (response.statusCode() != ClobReply.OK) {
                        return Future.failedFuture("Gamma /markets: HTTP " + response.statusCode());
                    }
                    JsonArray page = response.bodyAsJsonArray();
                    for (Object item : page) {
                        try {
                            into.add(GammaMarket.parse((JsonObject) item));
                        } catch (IllegalArgumentException | ClassCastException e) {
                            // skipped: see above
                        }
                    }
                    return page.size() < OPEN_PAGE ? Future.succeededFuture(into) : openPages(offset + OPEN_PAGE, into);
                });
    }

    /** Validates every pair against Gamma; one result per pair, in order. */
    public Future<List<PolymarketPairValidator.Result>> validate(List<MarketPair> pairs) {
        return markets(pairs.stream().map(MarketPair::conditionId).distinct().toList())
                .map(markets -> pairs.stream()
                        .map(pair -> PolymarketPairValidator.validate(
                                pair, markets.get(pair.conditionId().toLowerCase())))
                        .toList());
    }
}

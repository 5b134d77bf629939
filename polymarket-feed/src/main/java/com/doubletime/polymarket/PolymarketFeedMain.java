package com.doubletime.polymarket;

import com.doubletime.bus.Addresses;
import com.doubletime.cluster.AssignedMarkets;
import com.doubletime.cluster.MarketLeaseVerticle;
import com.doubletime.cluster.ScaleOut;
import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions.Kind;
import com.doubletime.cluster.ServiceOptions.Option;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.event.PairsChanged;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code java -jar polymarket-feed.jar [--cluster] [options]}: the Polymarket market-channel feed as its own
 * process, streaming both outcome tokens of every pair's market. Clustered, instances split the markets
 * (condition ids, so a market's two tokens always stay on one instance) by lease and follow pair changes.
 * A new share changes the subscription on the live connection. Options: {@code --help}.
 */
public final class PolymarketFeedMain {
    static final String FEED = "polymarket";
    public static final List<Option> OPTIONS = ServiceMain.feedOptions(
            new Option(
                    "--ws-url",
                    "POLYMARKET_WS_URL",
                    "polymarket.wsUrl",
                    Kind.STRING,
                    "Polymarket market channel (default: production)"),
            new Option(
                    "--record",
                    "POLYMARKET_RECORD_FILE",
                    "polymarket.recordFile",
                    Kind.STRING,
                    "capture file (contracts §2)"));

    private PolymarketFeedMain() {}

    public static void main(String[] args) {
        ServiceMain.run("polymarket-feed", OPTIONS, args, PolymarketFeedMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        JsonObject section = config.getJsonObject("polymarket", new JsonObject());
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config)).<Void>compose(pairs -> {
            Map<String, List<String>> tokensByMarket = new LinkedHashMap<>(tokensByMarket(pairs));
            Function<List<String>, List<String>> tokensFor = markets -> {
                List<String> tokens = new ArrayList<>();
                markets.forEach(market -> tokens.addAll(tokensByMarket.getOrDefault(market, List.of())));
                return tokens;
            };
            Function<List<String>, PolymarketFeedConfig> configFor = markets -> PolymarketFeedConfig.fromJson(
                    section.copy().put("assetIds", new JsonArray(tokensFor.apply(markets))));
            PolymarketFeedConfig all = configFor.apply(List.copyOf(tokensByMarket.keySet()));
            if (!vertx.isClustered()) {
                return vertx.deployVerticle(new PolymarketFeedVerticle(all)).mapEmpty();
            }
            ScaleOut scaleOut = ScaleOut.fromJson(FEED, config.getJsonObject("scaleOut"));
            AssignedMarkets<PolymarketFeedVerticle> feed = new AssignedMarkets<>(
                    vertx,
                    share -> new PolymarketFeedVerticle(configFor.apply(share)).sharingVenue(scaleOut.instanceId()),
                    (verticle, share) -> verticle.changeAssets(tokensFor.apply(share)));
            MarketLeaseVerticle leases = new MarketLeaseVerticle(
                    FEED, scaleOut.instanceId(), List.copyOf(tokensByMarket.keySet()), scaleOut.timing(), feed);
            return vertx.deployVerticle(leases)
                    .compose(id -> vertx.eventBus()
                            .<PairsChanged>consumer(Addresses.PAIRS_CHANGED, message -> {
                                Map<String, List<String>> now =
                                        tokensByMarket(message.body().pairs());
                                tokensByMarket.putAll(now);
                                leases.markets(now.keySet());
                            })
                            .completion());
        });
    }

    /** Condition id → its YES and NO token ids, in pair order. */
    static Map<String, List<String>> tokensByMarket(List<MarketPair> pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MarketPair pair : pairs) {
            out.putIfAbsent(pair.conditionId(), List.of(pair.yesTokenId(), pair.noTokenId()));
        }
        return out;
    }
}

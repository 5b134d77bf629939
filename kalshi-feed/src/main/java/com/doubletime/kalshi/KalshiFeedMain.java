package com.doubletime.kalshi;

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
import com.doubletime.kalshi.auth.KalshiHandshake;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar kalshi-feed.jar [--cluster] [options]}: the Kalshi feed as its own process. The tickers are
 * those of the pairs file. Alone it streams them all; clustered, the running instances split them by market
 * lease ({@link MarketLeaseVerticle}) and follow pair changes. Credentials: {@code KALSHI_API_KEY_ID} and
 * {@code KALSHI_PRIVATE_KEY_PEM_PATH} (environment only), none for the simulator. Options: {@code --help}.
 */
public final class KalshiFeedMain {
    static final String FEED = "kalshi";
    public static final List<Option> OPTIONS = ServiceMain.feedOptions(
            new Option(
                    "--ws-url", "KALSHI_WS_URL", "kalshi.wsUrl", Kind.STRING, "Kalshi WebSocket (default: production)"),
            new Option(
                    "--record", "KALSHI_RECORD_FILE", "kalshi.recordFile", Kind.STRING, "capture file (contracts §2)"),
            new Option(
                    "--idle-timeout-millis",
                    "KALSHI_IDLE_TIMEOUT_MILLIS",
                    "kalshi.idleTimeoutMillis",
                    Kind.LONG,
                    "silence after which the link counts as dead"));

    private KalshiFeedMain() {}

    public static void main(String[] args) {
        ServiceMain.run("kalshi-feed", OPTIONS, args, KalshiFeedMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        JsonObject section = config.getJsonObject("kalshi", new JsonObject());
        Function<List<String>, KalshiFeedConfig> configFor = tickers ->
                KalshiFeedConfig.fromJson(section.copy().put("tickers", new JsonArray(List.copyOf(tickers))));
        Function<String, MultiMap> handshake = KalshiHandshake.fromEnvironment(System.getenv());
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config))
                .<Void>compose(pairs -> {
                    KalshiFeedConfig all = configFor.apply(tickers(pairs)); // validated before anything connects
                    if (!vertx.isClustered()) {
                        return vertx.deployVerticle(new KalshiFeedVerticle(all, handshake))
                                .mapEmpty();
                    }
                    ScaleOut scaleOut = ScaleOut.fromJson(FEED, config.getJsonObject("scaleOut"));
                    AssignedMarkets<KalshiFeedVerticle> feed = new AssignedMarkets<>(
                            vertx,
                            share -> new KalshiFeedVerticle(configFor.apply(share), handshake)
                                    .sharingVenue(scaleOut.instanceId()),
                            KalshiFeedVerticle::changeTickers);
                    MarketLeaseVerticle leases = new MarketLeaseVerticle(
                            FEED, scaleOut.instanceId(), all.tickers(), scaleOut.timing(), feed);
                    return vertx.deployVerticle(leases)
                            .compose(id -> vertx.eventBus()
                                    .<PairsChanged>consumer(
                                            Addresses.PAIRS_CHANGED,
                                            message -> leases.markets(
                                                    tickers(message.body().pairs())))
                                    .completion());
                })
                .mapEmpty();
    }

    static List<String> tickers(List<MarketPair> pairs) {
        return pairs.stream().map(MarketPair::kalshiTicker).distinct().toList();
    }
}

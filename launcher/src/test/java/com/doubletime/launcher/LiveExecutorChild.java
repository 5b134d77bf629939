package com.doubletime.launcher;

import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.TradeExecutorVerticle;
import com.doubletime.kalshi.KalshiFeedConfig;
import com.doubletime.kalshi.KalshiFeedVerticle;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiHandshake;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.monitor.MonitorVerticle;
import com.doubletime.polymarket.PolymarketFeedConfig;
import com.doubletime.polymarket.PolymarketFeedVerticle;
import com.doubletime.polymarket.order.PolymarketCredentials;
import com.doubletime.polymarket.order.PolymarketGatewayConfig;
import com.doubletime.polymarket.order.PolymarketMarketCatalog;
import com.doubletime.polymarket.order.PolymarketOrderGateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live executor as its own process, for {@link LiveProcessKillRecoveryIT}: monitor, executor (live, file
 * journal) and both feeds, with both real order gateways, pointed at simulators that run in another JVM.
 * {@code java -cp <test classpath> com.doubletime.launcher.LiveExecutorChild <config.json>}; the config names
 * the pairs file, the journal, the simulators' URLs, the Kalshi RSA private key (PKCS#8, base64), the
 * Polymarket private key and the executor's JSON config. Prints {@link #READY} once everything is deployed;
 * a {@code stop} line on stdin (or stdin closing, so a dead parent leaves no orphan) stops it and it exits 0.
 */
public final class LiveExecutorChild {
    static final String READY = "live executor child ready";
    static final String STOPPED = "live executor child stopped";

    private LiveExecutorChild() {}

    /** Both order gateways, the Kalshi REST client they hold (close it), for the given keys and URLs. */
    record Venues(Map<Platform, VenueOrderGateway> gateways, KalshiRestClient kalshiRest) {}

    static KalshiSigner signer(String pkcs8Base64) throws Exception {
        return new KalshiSigner(KalshiCredentials.of(
                SimulatorCredentials.KALSHI_KEY_ID,
                KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)))));
    }

    static Venues venues(
            Vertx vertx,
            String kalshiRestUrl,
            String polymarketRestUrl,
            KalshiSigner signer,
            String polymarketPrivateKey,
            List<MarketPair> pairs) {
        KalshiRestClient rest = new KalshiRestClient(
                vertx, KalshiRestConfig.of(kalshiRestUrl).withTier(KalshiRateTier.PREMIER), signer);
        PolymarketOrderGateway polymarket = PolymarketOrderGateway.create(
                vertx,
                PolymarketGatewayConfig.of(polymarketRestUrl, polymarketRestUrl),
                PolymarketCredentials.fromEnvironment(Map.of("POLYMARKET_PRIVATE_KEY", polymarketPrivateKey)),
                PolymarketMarketCatalog.of(pairs));
        return new Venues(Map.of(Platform.KALSHI, new KalshiOrderGateway(rest), Platform.POLYMARKET, polymarket), rest);
    }

    public static void main(String[] args) throws Exception {
        JsonObject config = new JsonObject(Files.readString(Path.of(args[0])));
        Vertx vertx = Vertx.vertx();
        BusCodecs.registerAll(vertx.eventBus());
        List<MarketPair> pairs =
                PairsLoader.load(vertx, Path.of(config.getString("pairsFile"))).await(30, TimeUnit.SECONDS);
        KalshiSigner signer = signer(config.getString("kalshiPrivateKey"));
        Venues venues = venues(
                vertx,
                config.getString("kalshiRestUrl"),
                config.getString("polymarketRestUrl"),
                signer,
                config.getString("polymarketPrivateKey"),
                pairs);
        ExecutorConfig executor = ExecutorConfig.fromJson(config.getJsonObject("executor", new JsonObject())
                .copy()
                .put("mode", "live")
                .put("journalPath", config.getString("journalPath")));
        List<String> tickers =
                pairs.stream().map(MarketPair::kalshiTicker).distinct().toList();
        List<String> tokens = pairs.stream()
                .flatMap(p -> Stream.of(p.yesTokenId(), p.noTokenId()))
                .toList();
        List<String> deployments = new ArrayList<>();
        // consumers first, so the feeds' first snapshots are not missed; the executor reconciles interrupted trades in
        // its start
        deployments.add(vertx.deployVerticle(new MonitorVerticle(pairs)).await(60, TimeUnit.SECONDS));
        deployments.add(vertx.deployVerticle(new TradeExecutorVerticle(executor, pairs, null, venues.gateways()))
                .await(60, TimeUnit.SECONDS));
        deployments.add(vertx.deployVerticle(new KalshiFeedVerticle(
                        KalshiFeedConfig.of(config.getString("kalshiWsUrl"), tickers), new KalshiHandshake(signer)))
                .await(60, TimeUnit.SECONDS));
        deployments.add(vertx.deployVerticle(new PolymarketFeedVerticle(
                        PolymarketFeedConfig.of(config.getString("polymarketWsUrl"), tokens)))
                .await(60, TimeUnit.SECONDS));
        System.out.println(READY);
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.trim().equals("stop"));
        for (int i = deployments.size() - 1; i >= 0; i--) {
            vertx.undeploy(deployments.get(i)).await(30, TimeUnit.SECONDS);
        }
        venues.kalshiRest().close().await(10, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
        System.out.println(STOPPED);
        System.out.flush();
        System.exit(0);
    }
}

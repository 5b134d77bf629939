package com.doubletime.kalshi;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiHandshake;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.auth.TestKeys;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.kalshi.rest.KalshiRestOrderbook;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.security.KeyPair;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The exchange simulator with Kalshi authentication on, and a signed REST client and order gateway for it. */
final class SignedSimulator {
    static final List<SimulatedMarket> MARKETS = List.of(
            new SimulatedMarket("KXFED-26DEC-C25", "0xaa", "101", "102", false),
            new SimulatedMarket("KXCPI-26DEC-T3.0", "0xbb", "201", "202", true));
    static final List<String> TICKERS =
            MARKETS.stream().map(SimulatedMarket::kalshiTicker).toList();

    final ExchangeSimulator simulator;
    final KalshiSigner signer;
    final KalshiRestClient rest;
    final KalshiOrderGateway gateway;

    private SignedSimulator(ExchangeSimulator simulator, KalshiSigner signer, KalshiRestClient rest) {
        this.simulator = simulator;
        this.signer = signer;
        this.rest = rest;
        this.gateway = new KalshiOrderGateway(rest);
    }

    /** Books that stay still unless orders move them. */
    static SignedSimulator start(Vertx vertx) throws Exception {
        KeyPair keys = TestKeys.pair();
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx,
                        new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 7, 0, 0, null),
                        KalshiSimulatorOptions.DEFAULT.withAuth(keys.getPublic()))
                .await(10, TimeUnit.SECONDS);
        KalshiSigner signer = new KalshiSigner(KalshiCredentials.fromPem("test-key-id", TestKeys.pkcs8Pem(keys)));
        KalshiRestClient rest = new KalshiRestClient(
                vertx,
                KalshiRestConfig.of(simulator.kalshiRestUrl())
                        .withTier(KalshiRateTier.PREMIER)
                        .withRetries(5, 20, 200),
                signer);
        return new SignedSimulator(simulator, signer, rest);
    }

    KalshiHandshake handshake() {
        return new KalshiHandshake(signer);
    }

    /** The simulator's book in the feed's YES terms: YES bids, and YES asks at 1 − each NO bid. */
    TreeMap<Long, Long> yesBids(String ticker) throws Exception {
        return levels(orderbook(ticker).yesBids(), false);
    }

    TreeMap<Long, Long> yesAsks(String ticker) throws Exception {
        return levels(orderbook(ticker).noBids(), true);
    }

    KalshiRestOrderbook orderbook(String ticker) throws Exception {
        return rest.orderbook(ticker, 0).await(10, TimeUnit.SECONDS);
    }

    static TreeMap<Long, Long> levels(Levels levels, boolean complement) {
        TreeMap<Long, Long> map = new TreeMap<>();
        for (int i = 0; i < levels.count(); i++) {
            map.put(complement ? FixedPoint.ONE - levels.prices()[i] : levels.prices()[i], levels.sizes()[i]);
        }
        return map;
    }

    void stop() throws Exception {
        rest.close();
        simulator.stop().await(10, TimeUnit.SECONDS);
    }
}

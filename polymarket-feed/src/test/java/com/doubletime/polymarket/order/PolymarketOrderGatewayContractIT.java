package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.order.SilentVenue;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenueOrderGatewayContract;
import com.doubletime.domain.order.VenueUnderTest;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.PolymarketAccount;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Polymarket order gateway against the simulated CLOB (EIP-712 and HMAC verified) and the order-gateway contract. */
class PolymarketOrderGatewayContractIT extends VenueOrderGatewayContract {
    private static final int SEED = 7;
    private static final int MAX_ATTEMPTS = 3;
    private static final long MAX_RETRY_WAIT_MILLIS = 2_000;
    private static final long CLOSE_SECONDS = 10;

    @Override
    protected VenueUnderTest openVenue() throws Exception {
        Vertx vertx = Vertx.vertx();
        // stepIntervalMillis 0: the opening books stay still, so prices are known
        ExchangeSimulator simulator = ExchangeSimulator.start(
                        vertx,
                        new SimulatorConfig(
                                SimulatorConfig.LOOPBACK, 0, 0, PolymarketOrderGatewayIT.MARKETS, SEED, 0, 0, null))
                .await(CLOSE_SECONDS, TimeUnit.SECONDS);
        simulator
                .polymarket()
                .register(new PolymarketAccount(
                        KnownAnswerVectorsTest.HARDHAT_ADDRESS,
                        PolymarketOrderGatewayIT.API_KEY,
                        PolymarketOrderGatewayIT.SECRET,
                        PolymarketOrderGatewayIT.PASSPHRASE,
                        null));
        WebClient web = WebClient.create(vertx);
        String url = simulator.polymarketRestUrl();
        PolymarketOrderGateway gateway = newGateway(vertx, web, PolymarketGatewayConfig.of(url, url));
        SilentVenue silent = new SilentVenue();
        return new VenueUnderTest() {
            @Override
            public VenueOrderGateway gateway() {
                return gateway;
            }

            @Override
            public String instrument() {
                return PolymarketOrderGatewayIT.YES;
            }

            @Override
            public Outcome outcome() {
                return Outcome.YES;
            }

            /** The best ask: the last element of the descending asks array (polymarket.md §2.2). */
            private JsonObject best() throws Exception {
                JsonArray asks = web.getAbs(url + "/book")
                        .addQueryParam("token_id", instrument())
                        .send()
                        .await(WAIT_SECONDS, TimeUnit.SECONDS)
                        .bodyAsJsonObject()
                        .getJsonArray("asks");
                return asks.getJsonObject(asks.size() - 1);
            }

            @Override
            public long bestAsk() throws Exception {
                return FixedPoint.parse(best().getString("price"));
            }

            @Override
            public long restingAtBestAsk() throws Exception {
                return FixedPoint.parse(best().getString("size"));
            }

            @Override
            public void rateLimitNextOrders(int count) {
                simulator.polymarket().faults().rateLimitNextOrders(count, 0);
            }

            @Override
            public VenueOrderGateway silentGateway(long timeoutMillis) {
                return newGateway(
                        vertx,
                        web,
                        new PolymarketGatewayConfig(
                                silent.url(), silent.url(), MAX_ATTEMPTS, MAX_RETRY_WAIT_MILLIS, timeoutMillis));
            }

            @Override
            public void close() throws Exception {
                silent.close();
                simulator.stop().await(CLOSE_SECONDS, TimeUnit.SECONDS);
                vertx.close().await(CLOSE_SECONDS, TimeUnit.SECONDS);
            }
        };
    }

    private static PolymarketOrderGateway newGateway(Vertx vertx, WebClient web, PolymarketGatewayConfig config) {
        PolymarketMarketCatalog catalog = new PolymarketMarketCatalog();
        for (String token : List.of(PolymarketOrderGatewayIT.YES, PolymarketOrderGatewayIT.NO)) {
            catalog.put(new TokenMarket(token, "0xaa", new BigDecimal("0.01"), new BigDecimal("5"), false, "v1"));
        }
        PolymarketCredentials credentials = PolymarketCredentials.fromEnvironment(Map.of(
                "POLYMARKET_PRIVATE_KEY",
                KnownAnswerVectorsTest.HARDHAT_KEY,
                "POLYMARKET_API_KEY",
                PolymarketOrderGatewayIT.API_KEY,
                "POLYMARKET_API_SECRET",
                PolymarketOrderGatewayIT.SECRET,
                "POLYMARKET_API_PASSPHRASE",
                PolymarketOrderGatewayIT.PASSPHRASE));
        return new PolymarketOrderGateway(vertx, web, config, credentials, catalog, System::currentTimeMillis);
    }
}

package com.doubletime.kalshi;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.order.SilentVenue;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenueOrderGatewayContract;
import com.doubletime.domain.order.VenueUnderTest;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Kalshi order gateway against the simulated Kalshi (signature checks on) and the order-gateway contract. */
class KalshiOrderGatewayContractIT extends VenueOrderGatewayContract {
    private static final String TICKER = SignedSimulator.TICKERS.get(0);
    private static final String REST_PATH = "/trade-api/v2";
    private static final int RETRIES = 5;
    private static final long RETRY_INITIAL_MILLIS = 20;
    private static final long RETRY_MAX_MILLIS = 200;
    private static final long CLOSE_SECONDS = 10;

    @Override
    protected VenueUnderTest openVenue() throws Exception {
        Vertx vertx = Vertx.vertx();
        SignedSimulator kalshi = SignedSimulator.start(vertx);
        SilentVenue silent = new SilentVenue();
        return new VenueUnderTest() {
            @Override
            public VenueOrderGateway gateway() {
                return kalshi.gateway;
            }

            @Override
            public String instrument() {
                return TICKER;
            }

            @Override
            public Outcome outcome() {
                return Outcome.YES;
            }

            @Override
            public long bestAsk() throws Exception {
                return kalshi.yesAsks(TICKER).firstKey();
            }

            @Override
            public long restingAtBestAsk() throws Exception {
                Map.Entry<Long, Long> best = kalshi.yesAsks(TICKER).firstEntry();
                return best.getValue();
            }

            @Override
            public void rateLimitNextOrders(int count) {
                kalshi.simulator.kalshiFaults().rateLimitNextRequests(count);
            }

            @Override
            public VenueOrderGateway silentGateway(long timeoutMillis) {
                return new KalshiOrderGateway(new KalshiRestClient(
                        vertx,
                        new KalshiRestConfig(
                                silent.url() + REST_PATH,
                                KalshiRateTier.PREMIER,
                                RETRIES,
                                RETRY_INITIAL_MILLIS,
                                RETRY_MAX_MILLIS,
                                timeoutMillis),
                        kalshi.signer));
            }

            @Override
            public void close() throws Exception {
                silent.close();
                kalshi.stop();
                vertx.close().await(CLOSE_SECONDS, TimeUnit.SECONDS);
            }
        };
    }
}

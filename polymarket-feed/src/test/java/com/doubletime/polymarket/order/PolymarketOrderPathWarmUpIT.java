package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PolymarketOrderPathWarmUpIT {
    @Test
    void everyThrowawayOrderIsSignedPlacedAndAnsweredByTheLoopbackSink() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            PolymarketCredentials credentials = PolymarketCredentials.fromEnvironment(
                    Map.of("POLYMARKET_PRIVATE_KEY", KnownAnswerVectorsTest.HARDHAT_KEY));
            assertEquals(
                    60, PolymarketOrderPathWarmUp.run(vertx, credentials, 60).await(30, TimeUnit.SECONDS));
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}

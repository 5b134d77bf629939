package com.doubletime.kalshi.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KalshiOrderPathWarmUpIT {
    @Test
    void everyThrowawayOrderIsPlacedThroughTheGatewayAndAnsweredByTheLoopbackSink() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            assertEquals(120, KalshiOrderPathWarmUp.run(vertx, 120).await(30, TimeUnit.SECONDS));
            assertEquals(0, KalshiOrderPathWarmUp.run(vertx, 0).await(30, TimeUnit.SECONDS));
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}

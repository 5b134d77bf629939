package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolymarketFeedConfigTest {
    @Test
    void defaultsToPingEveryTenSecondsAndThirtySecondPongTimeout() {
        PolymarketFeedConfig config = PolymarketFeedConfig.fromJson(new JsonObject("{\"assetIds\":[\"1\",\"2\"]}"));

        assertEquals(PolymarketFeedConfig.PRODUCTION_WS_URL, config.wsUrl());
        assertEquals(10_000, config.pingIntervalMillis());
        assertEquals(30_000, config.pongTimeoutMillis());
        assertEquals(List.of("1", "2"), config.assetIds());
    }

    @Test
    void rejectsAPongTimeoutThatAHealthyConnectionCouldNotMeet() {
        PolymarketFeedConfig config = PolymarketFeedConfig.of(PolymarketFeedConfig.PRODUCTION_WS_URL, List.of("1"));

        assertThrows(IllegalArgumentException.class, () -> config.withKeepalive(10_000, 10_000));
        assertThrows(
                IllegalArgumentException.class,
                () -> PolymarketFeedConfig.of(PolymarketFeedConfig.PRODUCTION_WS_URL, List.of()));
    }
}

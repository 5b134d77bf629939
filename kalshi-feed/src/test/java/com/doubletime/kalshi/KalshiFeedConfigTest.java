package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KalshiFeedConfigTest {
    @Test
    void defaultsToNoYesPriceThirtySecondIdleTimeoutAndNoRecording() {
        KalshiFeedConfig config = KalshiFeedConfig.of(KalshiFeedConfig.DEMO_WS_URL, List.of("A", "A", "B"));

        assertFalse(config.useYesPrice());
        assertEquals(30_000, config.idleTimeoutMillis());
        assertNull(config.recordFile());
        assertEquals(10_000, config.answerTimeoutMillis());
        assertEquals(List.of("A", "B"), config.tickers());
    }

    @Test
    void readsJsonConfig() {
        KalshiFeedConfig config = KalshiFeedConfig.fromJson(new JsonObject("{\"wsUrl\":\"ws://127.0.0.1:9/x\","
                + "\"tickers\":[\"T\"],\"useYesPrice\":true,\"idleTimeoutMillis\":5000,\"reconnectInitialMillis\":10,"
                + "\"reconnectMaxMillis\":20,\"recordFile\":\"/tmp/k.jsonl\",\"answerTimeoutMillis\":700}"));

        assertEquals(
                new KalshiFeedConfig(
                        "ws://127.0.0.1:9/x", List.of("T"), true, 5_000, 10, 20, Path.of("/tmp/k.jsonl"), 700),
                config);
    }

    @Test
    void rejectsMissingTickersAndNonWebSocketUrls() {
        assertThrows(
                IllegalArgumentException.class, () -> KalshiFeedConfig.of(KalshiFeedConfig.DEMO_WS_URL, List.of()));
        assertThrows(IllegalArgumentException.class, () -> KalshiFeedConfig.of("https://example.com", List.of("T")));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiFeedConfig.of(KalshiFeedConfig.DEMO_WS_URL, List.of("T"))
                        .withReconnect(100, 10));
    }
}

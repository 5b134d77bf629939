package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    @Test
    void defaultsToLoopbackPort8080InPaperMode() {
        GatewayConfig config = GatewayConfig.fromJson(new JsonObject());

        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals("paper", config.mode());
        assertEquals(500, config.opportunityBuffer());
        assertEquals(Duration.ofSeconds(15), config.keepAliveInterval());
    }

    @Test
    void rejectsAnInvalidPortNamingTheField() {
        assertEquals(
                "gateway.port must be 0 to 65535",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GatewayConfig.fromJson(new JsonObject().put("port", 70_000)))
                        .getMessage());
    }

    @Test
    void refusesLiveModeWithoutAToken() {
        assertEquals(
                "gateway.apiToken is required in live mode (set DOUBLE_TIME_API_TOKEN)",
                assertThrows(IllegalArgumentException.class, () -> GatewayConfig.DEFAULT.withMode("live"))
                        .getMessage());
        assertEquals(
                "live",
                GatewayConfig.DEFAULT
                        .withApiToken("0123456789abcdef-live", true)
                        .withMode("live")
                        .mode());
    }

    @Test
    void neverPrintsTheToken() {
        String printed = GatewayConfig.DEFAULT
                .withApiToken("super-secret-token-value", true)
                .toString();

        Assertions.assertFalse(printed.contains("super-secret"), printed);
    }
}

package com.doubletime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WireToWireScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWindowIsOneOpeningStepThenOneClosingStep() throws Exception {
        JsonNode steps =
                JSON.readTree(WireToWireScenario.json(3, 10, 3000, 300, 200)).get("steps");
        assertEquals(6, steps.size());
        for (int k = 0; k < 3; k++) {
            JsonNode open = steps.get(2 * k);
            assertEquals(k == 0 ? 3000 : 200, open.get("delayMillis").asLong());
            assertEquals(
                    WireToWireScenario.TICKER, open.get("kalshi").get("ticker").asText());
            assertEquals("no", open.get("kalshi").get("side").asText());
            assertEquals("0.58", open.get("kalshi").get("price").asText());
            assertEquals("10", open.get("kalshi").get("delta").asText());
            assertEquals(null, open.get("polymarket"));
            JsonNode close = steps.get(2 * k + 1);
            assertEquals(300, close.get("delayMillis").asLong());
            assertEquals("-1000", close.get("kalshi").get("delta").asText());
            JsonNode restore = close.get("polymarket").get(0);
            assertEquals(WireToWireScenario.NO_TOKEN, restore.get("assetId").asText());
            assertEquals("SELL", restore.get("side").asText());
            assertEquals("0.53", restore.get("price").asText());
            assertEquals("200", restore.get("size").asText());
        }
    }

    @Test
    void theOpeningBooksHoldNoWindowAndTheScenarioNamesThePairsTokens() throws Exception {
        JsonNode initial =
                JSON.readTree(WireToWireScenario.json(1, 10, 0, 1, 1)).get("initial");
        // Kalshi YES ask = 1 - best NO bid = 0.45; with the Polymarket NO ask 0.53 that is 0.98 before fees
        assertEquals(
                "0.55",
                initial.get("kalshi")
                        .get(WireToWireScenario.TICKER)
                        .get("no")
                        .get(0)
                        .get(0)
                        .asText());
        assertEquals(
                "0.53",
                initial.get("polymarket")
                        .get(WireToWireScenario.NO_TOKEN)
                        .get("asks")
                        .get(0)
                        .get(0)
                        .asText());
        JsonNode pair =
                JSON.readTree(WireToWireScenario.pairsJson()).get("pairs").get(0);
        assertEquals(WireToWireScenario.TICKER, pair.get("kalshi").get("ticker").asText());
        assertEquals(
                WireToWireScenario.YES_TOKEN,
                pair.get("polymarket").get("yesTokenId").asText());
        assertEquals(
                WireToWireScenario.NO_TOKEN,
                pair.get("polymarket").get("noTokenId").asText());
    }

    @Test
    void stepsMapToWindows() {
        assertEquals(0, WireToWireScenario.windowOpenedBy(0));
        assertEquals(-1, WireToWireScenario.windowOpenedBy(1));
        assertEquals(7, WireToWireScenario.windowOpenedBy(14));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> WireToWireScenario.json(0, 10, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> WireToWireScenario.json(1, 0, 0, 1, 1));
    }
}

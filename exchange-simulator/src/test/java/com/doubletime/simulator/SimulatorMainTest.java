package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    private static final String PAIRS = """
      {"pairs": [
        {"id": "fed", "kalshi": {"ticker": "KXFED", "takerFeeRate": "0.07"},
         "polymarket": {"conditionId": "0xfed", "yesTokenId": "111", "noTokenId": "112", "tickSize": "0.01"},
         "polarity": "same", "minEdge": "0.01"},
        {"id": "rain", "kalshi": {"ticker": "KXRAIN"},
         "polymarket": {"conditionId": "0xrain", "yesTokenId": "221", "noTokenId": "222"},
         "polarity": "inverse"}
      ]}""";

    @Test
    void commandLineOverridesEnvironmentOverDefaults() throws IOException {
        SimulatorConfig config = SimulatorMain.config(
                new String[] {"--seed", "7", "--kalshi-port", "9100"},
                Map.of("SIMULATOR_SEED", "3", "SIMULATOR_POLYMARKET_PORT", "9200", "SIMULATOR_WINDOW_EVERY", "0"));
        assertEquals(7, config.seed());
        assertEquals(9100, config.kalshiPort());
        assertEquals(9200, config.polymarketPort());
        assertEquals(0, config.windowEveryNSteps());
        assertEquals(500, config.stepIntervalMillis());
        assertEquals(SimulatorConfig.LOOPBACK, config.host());
        assertEquals(SimulatorMain.DEMO_MARKETS, config.markets());
        assertNull(config.scenarioFile());
    }

    @Test
    void pairsFileSuppliesTheMarketsAndTheirPolarity(@TempDir Path dir) throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.json"), PAIRS);
        SimulatorConfig config = SimulatorMain.config(new String[] {"--pairs", pairs.toString()}, Map.of());
        assertEquals(
                List.of(
                        new SimulatedMarket("KXFED", "0xfed", "111", "112", false),
                        new SimulatedMarket("KXRAIN", "0xrain", "221", "222", true)),
                config.markets());
    }

    @Test
    void pairsFileWithoutATickerIsRejectedNamingThePair() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> PairsFile.parse(PAIRS.replace("\"ticker\": \"KXRAIN\"", "\"tick\": \"KXRAIN\""), "pairs.json"));
        assertTrue(error.getMessage().contains("rain") && error.getMessage().contains("ticker"), error.getMessage());
    }

    @Test
    void unknownOptionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.config(new String[] {"--sed", "1"}, Map.of()));
    }
}

package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCatalogueTest {

    @Test
    void theDemoCatalogueDescribesEveryExamplePairOnBothVenuesWithTheSameTokens() throws IOException {
        SimulatorCatalogue demo = SimulatorCatalogue.demo();
        for (SimulatedMarket pair : PairsFile.read(Path.of("..", "config", "pairs.example.json"))) {
            JsonObject kalshi = demo.kalshiEntry(pair.kalshiTicker());
            assertNotNull(kalshi, pair.kalshiTicker());
            assertNotNull(kalshi.getString("title"));
            assertNotNull(kalshi.getString("close_time"));
            JsonObject polymarket = demo.polymarketEntry(pair.conditionId());
            assertNotNull(polymarket, pair.conditionId());
            assertNotNull(polymarket.getString("question"));
            assertEquals(
                    new JsonArray().add(pair.yesTokenId()).add(pair.noTokenId()),
                    polymarket.getJsonArray("clobTokenIds"));
        }
    }

    @Test
    void entriesNeedTheirIdsOnceAndTwoTokens() {
        IllegalArgumentException noTicker = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorCatalogue.parse("{\"kalshi\": [{\"title\": \"x\"}]}", "c.json"));
        assertEquals("c.json: kalshi[0].ticker is required", noTicker.getMessage());
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorCatalogue.parse(
                        "{\"polymarket\": [{\"conditionId\": \"0xA\"}, {\"conditionId\": \"0xa\"}]}", "c.json"));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        IllegalArgumentException oneToken = assertThrows(
                IllegalArgumentException.class,
                () -> SimulatorCatalogue.parse(
                        "{\"polymarket\": [{\"conditionId\": \"0xa\", \"clobTokenIds\": [\"1\"]}]}", "c.json"));
        assertTrue(oneToken.getMessage().contains("two token ids"), oneToken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulatorCatalogue.parse("[]", "c.json"));
    }

    @Test
    void theCatalogueOptionReadsAFileOrTheDemo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("catalogue.json"),
                "{\"kalshi\": [{\"ticker\": \"KX-1\", \"title\": \"One\"}], \"polymarket\": []}");
        SimulatorConfig fromFile = SimulatorMain.config(new String[] {"--catalogue", file.toString()}, Map.of());
        assertEquals("One", fromFile.catalogue().kalshiEntry("KX-1").getString("title"));
        SimulatorConfig demo = SimulatorMain.config(new String[0], Map.of("SIMULATOR_CATALOGUE", "demo"));
        assertEquals(SimulatorCatalogue.demo(), demo.catalogue());
        assertEquals(null, SimulatorMain.config(new String[0], Map.of()).catalogue());
    }
}

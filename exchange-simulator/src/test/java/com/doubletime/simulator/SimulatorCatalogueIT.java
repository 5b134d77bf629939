package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo catalogue on both venues' catalogue endpoints, in their formats, paged and filtered as they are. */
class SimulatorCatalogueIT {

    private static final String BTC150 = "KXBTCMAXY-26DEC31-150000";
    private static final String BTC150_CONDITION = "0x747dc809fb79e1b05be09c42d6179459a58de2ef3e40f02484a4e1260f741f75";

    private Vertx vertx;
    private ExchangeSimulator simulator;
    private List<SimulatedMarket> markets;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        markets = PairsFile.read(Path.of("..", "config", "pairs.example.json"));
        simulator = Await.result(ExchangeSimulator.start(
                vertx,
                new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, markets, 1, 0, 0, null)
                        .withCatalogue(SimulatorCatalogue.demo())));
    }

    @AfterEach
    void stop() {
        Await.result(simulator.stop());
        Await.result(vertx.close());
    }

    @Test
    void kalshiListsOpenMarketsWithTitlesCloseTimesAndStrikesPageByPage() {
        Map<String, JsonObject> open = new HashMap<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonObject page = Simulators.get(
                            vertx,
                            simulator.kalshiRestUrl() + "/markets?status=open&limit=2"
                                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            page.getJsonArray("markets").forEach(m -> open.put(((JsonObject) m).getString("ticker"), (JsonObject) m));
            cursor = page.getString("cursor");
            pages++;
        } while (!cursor.isEmpty());

        assertEquals(3, pages, "five open markets, two a page");
        assertEquals(
                java.util.Set.of(
                        "KXFEDDECISION-26DEC-C25",
                        BTC150,
                        "KXBTCMAXY-26DEC31-160000",
                        "KXGDP-26Q4-T2.0",
                        "KXETHMAXY-26DEC31-5000"),
                open.keySet(),
                "the finalized 2025 market is not open");
        JsonObject btc = open.get(BTC150);
        assertEquals("Bitcoin price on Dec 31, 2026?", btc.getString("title"));
        assertEquals("$150,000 or above", btc.getString("yes_sub_title"));
        assertEquals("2026-12-31T23:59:00Z", btc.getString("close_time"));
        assertEquals("greater", btc.getString("strike_type"));
        assertEquals(150000, btc.getInteger("floor_strike"));
        assertEquals("active", btc.getString("status"));
        assertEquals("KXBTCMAXY-26DEC31", btc.getString("event_ticker"));
        assertTrue(btc.getString("yes_bid_dollars").matches("0\\.\\d{4}"), "a simulated market keeps its quotes");

        JsonObject settled = Simulators.get(vertx, simulator.kalshiRestUrl() + "/markets?status=settled")
                .json();
        assertEquals(
                "KXBTCMAXY-25DEC31-100000",
                settled.getJsonArray("markets").getJsonObject(0).getString("ticker"));
        assertEquals(
                "Ethereum price on Dec 31, 2026?",
                Simulators.get(vertx, simulator.kalshiRestUrl() + "/markets/KXETHMAXY-26DEC31-5000")
                        .json()
                        .getJsonObject("market")
                        .getString("title"));
    }

    @Test
    void gammaListsOpenMarketsWithQuestionsEndDatesAndTokensInsideStrings() {
        List<JsonObject> open = new ArrayList<>();
        for (int offset = 0; ; offset += 4) {
            JsonArray page = new JsonArray(Simulators.get(
                            vertx,
                            simulator.polymarketRestUrl() + "/markets?active=true&closed=false&limit=4&offset="
                                    + offset)
                    .body());
            page.forEach(m -> open.add((JsonObject) m));
            if (page.size() < 4) {
                break;
            }
        }

        assertEquals(8, open.size(), "nine listed, the 2025 one closed");
        JsonObject btc = open.stream()
                .filter(m -> BTC150_CONDITION.equals(m.getString("conditionId")))
                .findFirst()
                .orElseThrow();
        assertEquals("Will Bitcoin be below $150k on December 31, 2026?", btc.getString("question"));
        assertEquals("2026-12-31T12:00:00Z", btc.getString("endDate"));
        SimulatedMarket simulated = markets.stream()
                .filter(m -> m.conditionId().equals(BTC150_CONDITION))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new JsonArray().add(simulated.yesTokenId()).add(simulated.noTokenId()),
                new JsonArray(btc.getString("clobTokenIds")),
                "JSON inside a string, the simulated token ids");
        assertEquals("[\"Yes\", \"No\"]", btc.getString("outcomes"));
        JsonObject solana = open.stream()
                .filter(m -> m.getString("question").contains("Solana"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, new JsonArray(solana.getString("clobTokenIds")).size());
        assertFalse(solana.getBoolean("closed"));
        assertTrue(open.stream().noneMatch(m -> m.getString("question").contains("2025")));

        JsonArray byCondition = new JsonArray(
                Simulators.get(vertx, simulator.polymarketRestUrl() + "/markets?condition_ids=" + BTC150_CONDITION)
                        .body());
        assertEquals(1, byCondition.size());
    }

    @Test
    void withoutACatalogueTheListingsAreUnchanged() {
        SimulatorConfig plain = new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, markets, 1, 0, 0, null);
        assertNull(plain.catalogue());
        ExchangeSimulator bare = Await.result(ExchangeSimulator.start(vertx, plain));
        try {
            JsonArray kalshi = Simulators.get(vertx, bare.kalshiRestUrl() + "/markets")
                    .json()
                    .getJsonArray("markets");
            assertEquals(markets.size(), kalshi.size());
            assertNull(kalshi.getJsonObject(0).getString("title"));
            assertEquals(
                    markets.size(),
                    new JsonArray(Simulators.get(vertx, bare.polymarketRestUrl() + "/markets")
                                    .body())
                            .size());
        } finally {
            Await.result(bare.stop());
        }
    }
}

package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    static final SimulatedMarket FED = SimulatorMain.DEMO_MARKETS.get(0);

    @Test
    void sampleScenarioOpensBooksAsStatedWithoutMirroring() throws IOException {
        Scenario scenario = Scenario.parse(Files.readString(Path.of("scenarios/buy-both-window.json")));
        SimulatedBooks books = new SimulatedBooks(List.of(FED));
        scenario.openBooks(books);

        KalshiBook kalshi = books.kalshi(FED.kalshiTicker());
        assertEquals(5500, kalshi.bids(KalshiSide.NO).highest(0));
        assertEquals(100 * FixedPoint.ONE_CONTRACT, kalshi.bids(KalshiSide.NO).size(5500));
        assertEquals(4100, books.polymarket(FED.yesTokenId()).bestBid());
        assertEquals(5900, books.polymarket(FED.noTokenId()).bestAsk());

        assertEquals(4, scenario.steps().size());
        Scenario.Step first = scenario.steps().get(0);
        assertEquals(300, first.delayMillis());
        assertEquals(List.of(new KalshiDelta(FED.kalshiTicker(), KalshiSide.NO, 5800, 5000)), first.kalshi());
        assertEquals(
                List.of(
                        new PolymarketLevelUpdate(FED.noTokenId(), PolymarketSide.BUY, 5600, 0),
                        new PolymarketLevelUpdate(FED.noTokenId(), PolymarketSide.BUY, 5500, 0),
                        new PolymarketLevelUpdate(FED.noTokenId(), PolymarketSide.BUY, 5300, 12000),
                        new PolymarketLevelUpdate(FED.noTokenId(), PolymarketSide.SELL, 5500, 8000)),
                scenario.steps().get(1).polymarket());
    }

    @Test
    void scenarioNamingAnUnservedTickerOrTokenIsRejected() {
        SimulatedBooks books = new SimulatedBooks(List.of(FED));
        IllegalArgumentException ticker = assertThrows(
                IllegalArgumentException.class,
                () -> Scenario.parse("{\"initial\":{\"kalshi\":{\"NOPE\":{\"yes\":[[\"0.4\",\"1\"]]}}}}")
                        .openBooks(books));
        assertTrue(ticker.getMessage().contains("NOPE"), ticker.getMessage());
        IllegalArgumentException token = assertThrows(
                IllegalArgumentException.class,
                () -> Scenario.parse(
                                "{\"steps\":[{\"polymarket\":{\"assetId\":\"404\",\"side\":\"BUY\",\"price\":\"0.4\","
                                        + "\"size\":\"1\"}}]}")
                        .openBooks(books));
        assertTrue(token.getMessage().contains("steps[0]"), token.getMessage());
    }

    @Test
    void scenarioDecimalsMustBeStringsOrWholeNumbers() {
        assertEquals(
                100 * FixedPoint.ONE_CONTRACT,
                Scenario.parse("{\"initial\":{\"kalshi\":{\"T\":{\"yes\":[[\"0.40\",100]]}}}}")
                        .kalshiBooks()
                        .get("T")
                        .get(KalshiSide.YES)
                        .get(0)
                        .size());
        IllegalArgumentException binary = assertThrows(
                IllegalArgumentException.class,
                () -> Scenario.parse("{\"initial\":{\"kalshi\":{\"T\":{\"yes\":[[0.4,\"100\"]]}}}}"));
        assertTrue(binary.getMessage().contains("initial.kalshi.T.yes"), binary.getMessage());
    }

    @Test
    void scenarioRejectsNegativeAbsoluteSizesAndUnknownSides() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Scenario.parse(
                        "{\"steps\":[{\"polymarket\":[{\"assetId\":\"1\",\"side\":\"BUY\",\"price\":\"0.4\",\"size\":\"-1\"}]}]}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Scenario.parse(
                        "{\"steps\":[{\"kalshi\":{\"ticker\":\"T\",\"side\":\"maybe\",\"price\":\"0.4\",\"delta\":\"1\"}}]}"));
        assertThrows(IllegalArgumentException.class, () -> Scenario.parse("[1,2]"));
    }
}

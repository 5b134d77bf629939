package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairsFileTest {
    static Map<String, Object> pair(String id, String yes, String no) {
        Map<String, Object> kalshi = new HashMap<>(Map.of("ticker", "KX-" + id, "takerFeeRate", "0.07"));
        Map<String, Object> poly = new HashMap<>(Map.of(
                "conditionId",
                "0xabc",
                "yesTokenId",
                yes,
                "noTokenId",
                no,
                "takerFeeRate",
                "0.04",
                "tickSize",
                "0.01",
                "minOrderSize",
                "5",
                "negRisk",
                false));
        Map<String, Object> pair = new HashMap<>();
        pair.put("id", id);
        pair.put("kalshi", kalshi);
        pair.put("polymarket", poly);
        pair.put("polarity", "same");
        pair.put("minEdge", "0.01");
        pair.put("maxQuantity", "500");
        return pair;
    }

    private static PairsFileException rejected(Map<String, Object> pair) {
        return assertThrows(PairsFileException.class, () -> PairsFile.parse(Map.of("pairs", List.of(pair))));
    }

    @Test
    void readsEveryFieldOfTheContractExample() {
        MarketPair pair = PairsFile.parse(Map.of("pairs", List.of(pair("fed", "111", "222"))))
                .get(0);
        assertEquals("fed", pair.id());
        assertEquals("KX-fed", pair.kalshiTicker());
        assertEquals(70_000, pair.kalshiTakerFeeRate());
        assertEquals(40_000, pair.polymarketTakerFeeRate());
        assertEquals(10_000, pair.tickSize());
        assertEquals(5_000_000, pair.minOrderSize());
        assertEquals(Polarity.SAME, pair.polarity());
        assertEquals(10_000, pair.minEdge());
        assertEquals(500_000_000, pair.maxQuantity());
        assertFalse(pair.negRisk());
    }

    @Test
    void appliesTheDocumentedDefaults() {
        Map<String, Object> pair = pair("p", "1", "2");
        ((Map<?, ?>) pair.get("kalshi")).remove("takerFeeRate");
        Map<?, ?> poly = (Map<?, ?>) pair.get("polymarket");
        poly.remove("takerFeeRate");
        poly.remove("tickSize");
        poly.remove("minOrderSize");
        poly.remove("negRisk");
        pair.remove("minEdge");
        pair.remove("maxQuantity");
        MarketPair parsed = PairsFile.parse(Map.of("pairs", List.of(pair))).get(0);
        assertEquals(70_000, parsed.kalshiTakerFeeRate());
        assertEquals(0, parsed.polymarketTakerFeeRate());
        assertEquals(10_000, parsed.tickSize());
        assertEquals(0, parsed.minOrderSize());
        assertEquals(0, parsed.minEdge());
        assertEquals(MarketPair.UNLIMITED, parsed.maxQuantity());
    }

    @Test
    void acceptsNumbersWhereDecimalStringsAreExpected() {
        Map<String, Object> pair = pair("p", "1", "2");
        pair.put("minEdge", 0.02);
        pair.put("maxQuantity", 100);
        MarketPair parsed = PairsFile.parse(Map.of("pairs", List.of(pair))).get(0);
        assertEquals(20_000, parsed.minEdge());
        assertEquals(100_000_000, parsed.maxQuantity());
    }

    @Test
    void rejectsADuplicateIdNamingThePair() {
        PairsFileException e = assertThrows(
                PairsFileException.class,
                () -> PairsFile.parse(Map.of("pairs", List.of(pair("a", "1", "2"), pair("a", "3", "4")))));
        assertEquals("a", e.pairId());
        assertEquals("id", e.field());
    }

    @Test
    void rejectsATokenListedTwiceAcrossPairs() {
        PairsFileException e = assertThrows(
                PairsFileException.class,
                () -> PairsFile.parse(Map.of("pairs", List.of(pair("a", "1", "2"), pair("b", "2", "3")))));
        assertEquals("b", e.pairId());
        assertEquals("polymarket.yesTokenId", e.field());
    }

    @Test
    void rejectsTheSameTokenForYesAndNo() {
        assertEquals("polymarket.noTokenId", rejected(pair("a", "1", "1")).field());
    }

    @Test
    void rejectsAMissingRequiredFieldNamingIt() {
        Map<String, Object> pair = pair("a", "1", "2");
        ((Map<?, ?>) pair.get("polymarket")).remove("conditionId");
        PairsFileException e = rejected(pair);
        assertEquals("polymarket.conditionId", e.field());
        assertTrue(e.getMessage().contains("pair 'a'"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownPolarity() {
        Map<String, Object> pair = pair("a", "1", "2");
        pair.put("polarity", "opposite");
        assertEquals("polarity", rejected(pair).field());
    }

    @Test
    void rejectsABadDecimalNamingTheField() {
        Map<String, Object> pair = pair("a", "1", "2");
        ((Map<String, Object>) pair.get("kalshi")).put("takerFeeRate", "seven");
        assertEquals("kalshi.takerFeeRate", rejected(pair).field());
    }

    @Test
    void rejectsAFileWithoutAPairsList() {
        assertEquals(
                "pairs",
                assertThrows(PairsFileException.class, () -> PairsFile.parse(Map.of("pair", List.of())))
                        .field());
        assertEquals(
                "pairs",
                assertThrows(PairsFileException.class, () -> PairsFile.parse(Map.of("pairs", "x")))
                        .field());
    }

    @Test
    void rejectsAPairWithoutId() {
        Map<String, Object> pair = pair("a", "1", "2");
        pair.remove("id");
        assertEquals("id", rejected(pair).field());
    }
}

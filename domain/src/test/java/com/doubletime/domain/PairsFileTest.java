package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairsFileTest {
    static Map<String, Object> pair(String id, String yes, String no) {
        Map<String, Object> kalshi =
                new HashMap<>(Map.of("ticker", "KX-" + id.toUpperCase(Locale.ROOT), "takerFeeRate", "0.07"));
        Map<String, Object> poly = new HashMap<>(Map.of(
                "conditionId",
                conditionId(id),
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

    /** A distinct, well-formed condition id per pair id. */
    static String conditionId(String id) {
        return String.format("0x%064x", new BigInteger(1, id.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> polymarket(Map<String, Object> pair) {
        return (Map<String, Object>) pair.get("polymarket");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kalshi(Map<String, Object> pair) {
        return (Map<String, Object>) pair.get("kalshi");
    }

    private static PairsFileException rejected(Map<String, Object> pair) {
        return assertThrows(PairsFileException.class, () -> PairsFile.parse(Map.of("pairs", List.of(pair))));
    }

    @Test
    void readsEveryFieldOfTheContractExample() {
        MarketPair pair = PairsFile.parse(Map.of("pairs", List.of(pair("fed", "111", "222"))))
                .get(0);
        assertEquals("fed", pair.id());
        assertEquals("KX-FED", pair.kalshiTicker());
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

    // --- validated like the venues would (issue 14); before, each of these was accepted

    @Test
    void rejectsTheSameKalshiTickerConditionIdOrTokenInTwoPairsNamingBoth() {
        Map<String, Object> b = pair("b", "3", "4");
        kalshi(b).put("ticker", "KX-A");
        PairsFileException ticker = assertThrows(
                PairsFileException.class, () -> PairsFile.parse(Map.of("pairs", List.of(pair("a", "1", "2"), b))));
        assertEquals("b", ticker.pairId());
        assertEquals("kalshi.ticker", ticker.field());
        assertTrue(ticker.getMessage().contains("already traded by pair 'a'"), ticker.getMessage());

        Map<String, Object> c = pair("c", "5", "6");
        polymarket(c)
                .put("conditionId", conditionId("a").toUpperCase(Locale.ROOT).replace("0X", "0x"));
        PairsFileException condition = assertThrows(
                PairsFileException.class, () -> PairsFile.parse(Map.of("pairs", List.of(pair("a", "1", "2"), c))));
        assertEquals("polymarket.conditionId", condition.field());

        PairsFileException token = assertThrows(
                PairsFileException.class,
                () -> PairsFile.parse(Map.of("pairs", List.of(pair("a", "1", "2"), pair("d", "7", "1")))));
        assertEquals("polymarket.noTokenId", token.field());
        assertTrue(token.getMessage().contains("pair 'a' has it"), token.getMessage());
    }

    @Test
    void rejectsATickSizeThatIsNotOneOfPolymarketsTicks() {
        for (String tick : new String[] {"0.3", "0.02", "0.00001", "1", "0"}) {
            Map<String, Object> pair = pair("a", "1", "2");
            polymarket(pair).put("tickSize", tick);
            PairsFileException e = rejected(pair);
            assertEquals("polymarket.tickSize", e.field(), tick);
            assertTrue(e.getMessage().contains("0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001"), e.getMessage());
        }
        for (String tick : new String[] {"0.1", "0.01", "0.005", "0.0025", "0.001", "0.0001"}) {
            Map<String, Object> pair = pair("a", "1", "2");
            polymarket(pair).put("tickSize", tick);
            PairsFile.parse(Map.of("pairs", List.of(pair)));
        }
    }

    @Test
    void rejectsTokenIdsThatAreNotDecimalUint256() {
        String max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();
        PairsFile.parse(Map.of("pairs", List.of(pair("a", max, "2"))));
        for (String bad : new String[] {"abc", "0x12", "-1", "01", "1.0", " 1", "1e3", "١٢", max.replace("5", "6")}) {
            PairsFileException e = rejected(pair("a", bad, "2"));
            assertEquals("polymarket.yesTokenId", e.field(), bad);
            assertEquals("a", e.pairId());
        }
        assertTrue(rejected(pair("a", "1" + max, "2")).getMessage().contains("uint256"));
    }

    @Test
    void rejectsConditionIdsThatAreNotABytes32() {
        for (String bad :
                new String[] {"0xabc", "abc", "0x" + "g".repeat(64), "0x" + "a".repeat(65), conditionId("a") + " "}) {
            Map<String, Object> pair = pair("a", "1", "2");
            polymarket(pair).put("conditionId", bad);
            assertEquals("polymarket.conditionId", rejected(pair).field(), bad);
        }
    }

    @Test
    void rejectsPairIdsThatAreNotASafeSlugWithoutEchoingThem() {
        for (String bad : new String[] {
            "../../etc/passwd",
            "a\u0000b",
            "evil\u202Etxt",
            "<script>alert(1)</script>",
            "two words",
            "-lead",
            "x".repeat(65)
        }) {
            Map<String, Object> pair = pair("a", "1", "2");
            pair.put("id", bad);
            PairsFileException e = rejected(pair);
            assertEquals("id", e.field(), bad);
            assertEquals("#0", e.pairId());
            assertTrue(e.getMessage().contains("A-Z a-z 0-9 '.' '_' '-'"), e.getMessage());
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
        Map<String, Object> fine = pair("a", "1", "2");
        fine.put("id", "Fed_cut.dec-26");
        assertEquals(
                "Fed_cut.dec-26",
                PairsFile.parse(Map.of("pairs", List.of(fine))).get(0).id());
    }

    @Test
    void rejectsKalshiTickersWithSpacesOrCharactersKalshiNeverUses() {
        for (String bad : new String[] {"KX FED", " KXFED", "KXFED ", "kxfed-26dec", "KX/FED", "KX_FED", "KX\u00c9"}) {
            Map<String, Object> pair = pair("a", "1", "2");
            kalshi(pair).put("ticker", bad);
            assertEquals("kalshi.ticker", rejected(pair).field(), bad);
        }
        Map<String, Object> fine = pair("a", "1", "2");
        kalshi(fine).put("ticker", "HIGHNY-22DEC23-B53.5");
        PairsFile.parse(Map.of("pairs", List.of(fine)));
    }

    @Test
    void rejectsAFractionalMaxQuantity() {
        Map<String, Object> pair = pair("a", "1", "2");
        pair.put("maxQuantity", "1.5");
        PairsFileException e = rejected(pair);
        assertEquals("maxQuantity", e.field());
        assertTrue(e.getMessage().contains("whole number of contracts"), e.getMessage());
    }

    @Test
    void rejectsADescriptionWithControlOrBidiOverrideCharacters() {
        Map<String, Object> pair = pair("a", "1", "2");
        pair.put("description", "looks fine\u202Egnp.exe");
        assertEquals("description", rejected(pair).field());
    }
}

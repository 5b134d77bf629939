package com.doubletime.domain.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Polarity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairDiscoveryTest {
    private static final LocalDate DEC31 = LocalDate.of(2026, 12, 31);
    private static final LocalDate DEC9 = LocalDate.of(2026, 12, 9);

    private static final List<MarketListing> KALSHI = List.of(
            MarketListing.kalshi("KXBTCMAXY-26DEC31-150000", "Will Bitcoin be above $150,000 on Dec 31, 2026?", DEC31),
            MarketListing.kalshi("KXBTCMAXY-26DEC31-160000", "Will Bitcoin be above $160,000 on Dec 31, 2026?", DEC31),
            MarketListing.kalshi(
                    "KXFEDDECISION-26DEC-C25", "Will the Fed cut rates by 25bps at the December 2026 meeting?", DEC9),
            MarketListing.kalshi("KXGDP-26Q4-T2.0", "US GDP growth above 2.0% in Q4 2026", LocalDate.of(2027, 1, 29)));
    private static final List<MarketListing> POLYMARKET = List.of(
            MarketListing.polymarket("0xbtc150", "Bitcoin below $150k on December 31, 2026?", DEC31, "11", "12"),
            MarketListing.polymarket(
                    "0xbtc150jan", "Bitcoin above $150k on January 31, 2027?", LocalDate.of(2027, 1, 31), "13", "14"),
            MarketListing.polymarket("0xfed", "Fed cuts rates 25 bps at December 2026 meeting?", DEC9, "21", "22"),
            MarketListing.polymarket(
                    "0xecb", "ECB cuts rates at December 2026 meeting?", LocalDate.of(2026, 12, 17), "31", "32"),
            MarketListing.polymarket(
                    "0xgdp", "US GDP growth above 2% in Q4 2026?", LocalDate.of(2027, 1, 29), "41", "42"));

    @Test
    void proposesTheTrueMatchesBestFirstWithPolarityAndReasons() {
        List<PairCandidate> ranked = PairDiscovery.rank(KALSHI, POLYMARKET, PairDiscovery.DEFAULT_MIN_SCORE);

        assertEquals(
                List.of("KXBTCMAXY-26DEC31-150000~0xbtc150", "KXFEDDECISION-26DEC-C25~0xfed", "KXGDP-26Q4-T2.0~0xgdp"),
                ranked.stream()
                        .map(c -> c.kalshi().id() + "~" + c.polymarket().id())
                        .toList(),
                ranked.toString());
        PairCandidate btc = ranked.get(0);
        assertEquals(Polarity.INVERSE, btc.polarity(), "above on Kalshi, below on Polymarket");
        assertTrue(
                btc.reasons().contains("same threshold [150000]"), btc.reasons().toString());
        assertTrue(btc.reasons().contains("both close on 2026-12-31"));
        assertEquals(Polarity.SAME, ranked.get(2).polarity());
        assertEquals(1.0, ranked.get(0).score(), "ties are ordered by ticker");
    }

    @Test
    void aDifferentStrikeOnTheSameDayIsNeverProposed() {
        assertNull(PairDiscovery.compare(KALSHI.get(1), POLYMARKET.get(0)), "$160,000 vs $150k");
    }

    @Test
    void theSameStrikeOnAnotherDateIsNeverProposed() {
        assertNull(PairDiscovery.compare(KALSHI.get(0), POLYMARKET.get(1)), "Dec 31 vs Jan 31");
    }

    @Test
    void aDifferentSubjectScoresBelowTheCut() {
        PairCandidate fedVsEcb = PairDiscovery.compare(
                KALSHI.get(2),
                MarketListing.polymarket("0xecb", "ECB cuts rates at December 2026 meeting?", DEC9, "31", "32"));

        assertTrue(fedVsEcb.score() < PairDiscovery.DEFAULT_MIN_SCORE, fedVsEcb.toString());
    }

    @Test
    void readsThresholdsInTheVenuesSpellingsButNotYearsOrDays() {
        assertEquals(Set.of(new BigDecimal("150000")), PairDiscovery.thresholds("above $150k on Dec 31, 2026"));
        assertEquals(Set.of(new BigDecimal("150000")), PairDiscovery.thresholds("above $150,000 in 2026"));
        assertEquals(Set.of(new BigDecimal("2")), PairDiscovery.thresholds("GDP above 2.0% in Q4 2026"));
        assertEquals(Set.of(), PairDiscovery.thresholds("Fed decision in December 2026"));
    }

    @Test
    void guessesDirection() {
        assertEquals(1, PairDiscovery.direction("Will Bitcoin be above $150,000?"));
        assertEquals(-1, PairDiscovery.direction("Bitcoin below $150k?"));
        assertEquals(0, PairDiscovery.direction("Who wins the election?"));
    }
}

package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.PairJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfiguredPairsTest {
    private static MarketPair pair(String id, String yes, String no) {
        return PairsFile.parsePair(PairsFileTest.pair(id, yes, no), 0);
    }

    @Test
    void addingAPairAnnouncesItWithTheCompleteNewSet() {
        ConfiguredPairs pairs = new ConfiguredPairs(List.of(pair("a", "1", "2")));

        PairsChanged change = pairs.add(pair("b", "3", "4"));

        assertEquals(
                List.of("a", "b"), change.pairs().stream().map(MarketPair::id).toList());
        assertEquals(List.of(pair("b", "3", "4")), change.added());
        assertEquals(List.of(), change.removed());
    }

    @Test
    void rejectsADuplicateIdNamingTheField() {
        ConfiguredPairs pairs = new ConfiguredPairs(List.of(pair("a", "1", "2")));

        PairsFileException e = assertThrows(PairsFileException.class, () -> pairs.add(pair("a", "3", "4")));

        assertEquals("id", e.field());
        assertEquals(1, pairs.pairs().size());
    }

    @Test
    void rejectsATokenAlreadyUsedByAnotherPairNamingTheField() {
        ConfiguredPairs pairs = new ConfiguredPairs(List.of(pair("a", "1", "2")));

        PairsFileException e = assertThrows(PairsFileException.class, () -> pairs.add(pair("b", "5", "1")));

        assertEquals("b", e.pairId());
        assertEquals("polymarket.noTokenId", e.field());
        assertEquals(List.of("a"), pairs.pairs().stream().map(MarketPair::id).toList());
    }

    @Test
    void removingAnUnknownPairChangesNothing() {
        ConfiguredPairs pairs = new ConfiguredPairs(List.of(pair("a", "1", "2")));

        assertNull(pairs.remove("zzz"));
        assertEquals(List.of(pair("a", "1", "2")), pairs.remove("a").removed());
        assertEquals(List.of(), pairs.pairs());
    }

    @Test
    void reloadReportsOnlyWhatChanged() {
        ConfiguredPairs pairs = new ConfiguredPairs(List.of(pair("a", "1", "2"), pair("b", "3", "4")));
        MarketPair movedB = pair("b", "30", "40");

        PairsChanged change = pairs.replaceAll(List.of(pair("a", "1", "2"), movedB, pair("c", "5", "6")));

        assertEquals(List.of(movedB, pair("c", "5", "6")), change.added());
        assertEquals(List.of(pair("b", "3", "4")), change.removed());
        assertEquals(3, change.pairs().size());
    }

    @Test
    void pairJsonReadsBackToTheSamePair() {
        MarketPair original = pair("a", "1", "2");

        assertEquals(original, PairsFile.parsePair(PairJson.toMap(original), 0));
    }
}

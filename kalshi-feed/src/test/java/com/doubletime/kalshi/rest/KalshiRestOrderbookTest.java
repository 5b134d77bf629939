package com.doubletime.kalshi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.Levels;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class KalshiRestOrderbookTest {
    private static final Levels YES = new Levels(new long[] {150_000, 160_000}, new long[] {100_000_000, 42_500_000});
    private static final Levels NO = new Levels(new long[] {800_000}, new long[] {10_000_000});

    @Test
    void readsTheCurrentOrderbookFpShape() {
        KalshiRestOrderbook book = KalshiRestOrderbook.parse(
                "T",
                new JsonObject(
                        "{\"orderbook_fp\":{"
                                + "\"yes_dollars\":[[\"0.1500\",\"100.00\"],[\"0.1600\",\"42.50\"]],\"no_dollars\":[[\"0.8000\",\"10.00\"]]}}"));
        assertEquals(new KalshiRestOrderbook("T", YES, NO), book);
    }

    @Test
    void readsABareBodyWithEitherKeyNamesAndNumbersForDecimals() {
        assertEquals(
                new KalshiRestOrderbook("T", YES, NO),
                KalshiRestOrderbook.parse(
                        "T",
                        new JsonObject(
                                "{\"yes_dollars\":[[\"0.15\",\"100\"],[0.16,42.5]],\"no_dollars\":[[\"0.8000\",\"10.00\"]]}")));
        assertEquals(
                new KalshiRestOrderbook("T", YES, Levels.EMPTY),
                KalshiRestOrderbook.parse(
                        "T", new JsonObject("{\"yes\":[[\"0.1500\",\"100.00\"],[\"0.1600\",\"42.50\"]]}")));
    }

    @Test
    void refusesTheLegacyIntegerBookAndMalformedLevels() {
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiRestOrderbook.parse("T", new JsonObject("{\"orderbook\":{\"yes\":[[15,100]]}}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiRestOrderbook.parse(
                        "T", new JsonObject("{\"orderbook_fp\":{\"yes_dollars\":[[\"1.5000\",\"1.00\"]]}}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiRestOrderbook.parse(
                        "T", new JsonObject("{\"orderbook_fp\":{\"yes_dollars\":[[\"0.5\"]]}}")));
    }
}

package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The frames the Polymarket simulator builds equal the venue's published examples. */
class PolymarketFramesTest {

    @Test
    void summaryHashFollowsTheOfficialAlgorithm() {
        JsonObject official = Fixtures.object("polymarket/rest_book.json");
        assertEquals("0458ea5755c9f73d64a14636fa5c36ed460ec394", PolymarketFrames.summaryHash(official));
    }

    @Test
    void restSummaryListsBestPricesLastWithAReproducibleHash() {
        PolymarketBook book = book("0.08", "33343.4", "0.09", "163939.58", "0.99", "218442.27", "0.98", "13229.55");
        JsonObject summary = PolymarketFrames.summary("0xabc", "107", book, 1782753357257L);
        assertEquals(
                new JsonArray(
                        "[{\"price\":\"0.08\",\"size\":\"33343.4\"},{\"price\":\"0.09\",\"size\":\"163939.58\"}]"),
                summary.getJsonArray("bids"));
        assertEquals(
                new JsonArray(
                        "[{\"price\":\"0.99\",\"size\":\"218442.27\"},{\"price\":\"0.98\",\"size\":\"13229.55\"}]"),
                summary.getJsonArray("asks"));
        assertEquals(
                List.of(
                        "market",
                        "asset_id",
                        "timestamp",
                        "hash",
                        "bids",
                        "asks",
                        "min_order_size",
                        "tick_size",
                        "neg_risk",
                        "last_trade_price"),
                List.copyOf(summary.fieldNames()));
        assertEquals(PolymarketFrames.summaryHash(summary), summary.getString("hash"));
    }

    @Test
    void bookEventMatchesTheRealFormat() {
        JsonObject expected = new JsonArray(Fixtures.text("polymarket/book_array.json")).getJsonObject(0);
        PolymarketBook book = book("0.08", "33343.4", "0.09", "163939.58", "0.99", "218442.27", "0.98", "13229.55");
        JsonObject event = PolymarketFrames.book(
                expected.getString("market"),
                expected.getString("asset_id"),
                book,
                Long.parseLong(expected.getString("timestamp")));
        assertTrue(event.getString("hash").matches("[0-9a-f]{40}"));
        assertEquals(expected.put("hash", event.getString("hash")), event);
    }

    @Test
    void priceChangeMatchesTheRealFormat() {
        JsonObject expected = Fixtures.object("polymarket/price_change.json");
        JsonArray entries = expected.getJsonArray("price_changes");
        PolymarketPriceChange change = new PolymarketPriceChange(
                expected.getString("market"),
                List.of(
                        change(entries.getJsonObject(0), FixedPoint.parsePrice("0.5"), FixedPoint.ONE_DOLLAR),
                        change(entries.getJsonObject(1), 0, FixedPoint.parsePrice("0.5"))));
        Set<String> assets = Set.of(
                entries.getJsonObject(0).getString("asset_id"),
                entries.getJsonObject(1).getString("asset_id"));
        assertEquals(
                expected,
                PolymarketFrames.priceChange(change, assets, Long.parseLong(expected.getString("timestamp"))));
        assertNull(PolymarketFrames.priceChange(change, Set.of("someone-else"), 0));
    }

    private static PolymarketLevelChange change(JsonObject entry, long bestBid, long bestAsk) {
        return new PolymarketLevelChange(
                entry.getString("asset_id"),
                PolymarketSide.fromWire(entry.getString("side")),
                FixedPoint.parsePrice(entry.getString("price")),
                FixedPoint.parseSize(entry.getString("size")),
                entry.getString("hash"),
                bestBid,
                bestAsk);
    }

    /** Two bids then two asks, price/size pairs. */
    private static PolymarketBook book(String... levels) {
        PolymarketBook book = new PolymarketBook();
        for (int i = 0; i < levels.length; i += 2) {
            PolymarketSide side = i < 4 ? PolymarketSide.BUY : PolymarketSide.SELL;
            book.levels(side).set(FixedPoint.parsePrice(levels[i]), FixedPoint.parseSize(levels[i + 1]));
        }
        return book;
    }
}

package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class BookSummaryHashTest {
    /** polymarket.md §2.9, official vector from PYv2 tests/test_utilities.py. */
    static final String OFFICIAL =
            "{\"market\":\"0xaabbcc\",\"asset_id\":\"100\",\"timestamp\":\"123456789\",\"hash\":\"\","
                    + "\"bids\":[{\"price\":\"0.3\",\"size\":\"100\"},{\"price\":\"0.4\",\"size\":\"100\"}],"
                    + "\"asks\":[{\"price\":\"0.6\",\"size\":\"100\"},{\"price\":\"0.7\",\"size\":\"100\"}],"
                    + "\"min_order_size\":\"100\",\"tick_size\":\"0.01\",\"neg_risk\":false,\"last_trade_price\":\"0.5\"}";

    @Test
    void restBookHashMatchesTheOfficialVector() {
        assertEquals("0458ea5755c9f73d64a14636fa5c36ed460ec394", BookSummaryHash.of(new JsonObject(OFFICIAL)));
    }

    @Test
    void hashIgnoresTheKeyOrderOfTheResponseButNotItsNumberSpelling() {
        JsonObject reordered = new JsonObject(OFFICIAL.replace("\"market\":\"0xaabbcc\",", ""))
                .put("market", "0xaabbcc")
                .put("hash", "0458ea5755c9f73d64a14636fa5c36ed460ec394");
        assertTrue(BookSummaryHash.verifies(reordered));

        JsonObject respelled = new JsonObject(OFFICIAL.replace("\"0.3\"", "\"0.30\""))
                .put("hash", "0458ea5755c9f73d64a14636fa5c36ed460ec394");
        assertFalse(BookSummaryHash.verifies(respelled));
    }
}

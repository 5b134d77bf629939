package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The frames the Kalshi simulator builds equal the venue's published examples. */
class KalshiFramesTest {

    private static final String TICKER = "FED-23DEC-T3.00";
    private static final String MARKET_ID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";

    @Test
    void snapshotMatchesTheRealFormat() {
        KalshiBook book = new KalshiBook();
        set(book, KalshiSide.YES, "0.08", "300", "0.22", "333");
        set(book, KalshiSide.NO, "0.54", "20", "0.56", "146");
        assertEquals(
                Fixtures.object("kalshi/orderbook_snapshot.json"),
                KalshiFrames.snapshot(null, 2, 2, TICKER, MARKET_ID, book, false));
    }

    @Test
    void snapshotOmitsTheKeyOfAnEmptySide() {
        KalshiBook book = new KalshiBook();
        set(book, KalshiSide.YES, "0.01", "24.64", "0.02", "1200");
        assertEquals(
                Fixtures.object("kalshi/orderbook_snapshot_one_side.json"),
                KalshiFrames.snapshot(
                        null, 1, 17, "KXBTC15M-26SEP041215-15", "3c1d2e4f-0000-4000-8000-000000000001", book, false));
    }

    @Test
    void deltaMatchesTheRealFormatWithoutTheDeprecatedTs() {
        JsonObject expected = Fixtures.object("kalshi/orderbook_delta.json");
        expected.getJsonObject("msg").remove("ts");
        KalshiDelta delta =
                new KalshiDelta(TICKER, KalshiSide.YES, FixedPoint.parsePrice("0.96"), FixedPoint.parseSize("-54"));
        assertEquals(expected, KalshiFrames.delta(2, 3, MARKET_ID, delta, false, 1669149841000L));
    }

    @Test
    void useYesPriceReportsNoBidsAsYesAsksInAscendingOrder() {
        KalshiBook book = new KalshiBook();
        set(book, KalshiSide.NO, "0.54", "20", "0.56", "146");
        JsonObject msg =
                KalshiFrames.snapshot(null, 1, 1, TICKER, MARKET_ID, book, true).getJsonObject("msg");
        assertEquals(
                "[[\"0.4400\",\"146.00\"],[\"0.4600\",\"20.00\"]]",
                msg.getJsonArray("no_dollars_fp").encode());
        KalshiDelta delta = new KalshiDelta(TICKER, KalshiSide.NO, FixedPoint.parsePrice("0.56"), -5400);
        assertEquals(
                "0.4400",
                KalshiFrames.delta(1, 2, MARKET_ID, delta, true, 0)
                        .getJsonObject("msg")
                        .getString("price_dollars"));
    }

    @Test
    void restOrderbookMatchesTheRealFormatAndKeepsEmptySides() {
        KalshiBook book = new KalshiBook();
        set(book, KalshiSide.YES, "0.15", "100", "0.16", "42.5");
        set(book, KalshiSide.NO, "0.80", "10");
        assertEquals(Fixtures.object("kalshi/rest_orderbook.json"), KalshiFrames.restOrderbook(book, 0));
        assertEquals(
                new JsonObject("{\"orderbook_fp\":{\"yes_dollars\":[[\"0.1600\",\"42.50\"]],\"no_dollars\":[]}}"),
                KalshiFrames.restOrderbook(bookWithYesOnly(), 1));
    }

    @Test
    void acknowledgementsAndErrorsMatchTheRealFormat() {
        assertEquals(Fixtures.object("kalshi/subscribed.json"), KalshiFrames.subscribed(1, 1));
        assertEquals(Fixtures.object("kalshi/error.json"), KalshiFrames.error(123, KalshiWsError.UNKNOWN_SID));
    }

    private static KalshiBook bookWithYesOnly() {
        KalshiBook book = new KalshiBook();
        set(book, KalshiSide.YES, "0.15", "100", "0.16", "42.5");
        return book;
    }

    private static void set(KalshiBook book, KalshiSide side, String... priceSizePairs) {
        for (int i = 0; i < priceSizePairs.length; i += 2) {
            book.bids(side).set(FixedPoint.parsePrice(priceSizePairs[i]), FixedPoint.parseSize(priceSizePairs[i + 1]));
        }
    }
}

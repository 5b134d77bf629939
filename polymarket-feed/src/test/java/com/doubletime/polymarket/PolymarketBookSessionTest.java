package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolymarketBookSessionTest {
    private static final String BOOK_ASSET =
            "107505882767731489358349912513945399560393482969656700824895970500493757150417";
    private static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    private final OrderbookSet books = new OrderbookSet();
    private final PolymarketBookSession session = new PolymarketBookSession(books);

    static String fixture(String name) {
        try (InputStream in = PolymarketBookSessionTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long d(String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static String book(String asset, String bids, String asks) {
        return "{\"event_type\":\"book\",\"market\":\"0x1\",\"asset_id\":\"" + asset
                + "\",\"timestamp\":\"1\",\"hash\":\"h\"," + "\"bids\":" + bids + ",\"asks\":" + asks + "}";
    }

    private Orderbook book(String asset) {
        return books.find(Platform.POLYMARKET, asset);
    }

    @Test
    void initialDumpArrayBuildsBooksWithoutRelyingOnLevelOrder() {
        assertEquals(PolymarketBookSession.Outcome.APPLIED, session.onFrame(fixture("book_array.json"), 1));
        Orderbook book = book(BOOK_ASSET);
        assertTrue(book.isFresh());
        assertEquals(d("0.09"), book.bids().price(0)); // sent ascending, best last
        assertEquals(d("163939.58"), book.bids().size(0));
        assertEquals(d("0.98"), book.asks().price(0)); // sent descending, best last
        assertEquals(d("13229.55"), book.asks().size(0));
    }

    @Test
    void levelsInEitherOrderGiveTheSameBook() {
        session.onFrame(
                book(
                        "A",
                        "[{\"price\":\"0.48\",\"size\":\"1\"},{\"price\":\"0.47\",\"size\":\"2\"}]",
                        "[{\"price\":\"0.52\",\"size\":\"3\"},{\"price\":\"0.53\",\"size\":\"4\"}]"),
                1);
        assertEquals(d("0.48"), book("A").bids().price(0));
        assertEquals(d("0.52"), book("A").asks().price(0));
    }

    @Test
    void priceChangeSetsAbsoluteSizesForSeveralAssets() {
        session.onFrame(
                "[" + book(YES, "[]", "[]") + "," + book(NO, "[]", "[{\"price\":\"0.5\",\"size\":\"10\"}]") + "]", 1);
        session.onFrame(fixture("price_change.json"), 2);
        assertEquals(d("200"), book(YES).bids().sizeAt(d("0.5")));
        assertEquals(d("200"), book(NO).asks().sizeAt(d("0.5"))); // absolute, not 10 + 200
        session.onFrame(
                "{\"event_type\":\"price_change\",\"market\":\"0x\",\"price_changes\":[{\"asset_id\":\"" + NO
                        + "\",\"price\":\"0.5\",\"size\":\"0\",\"side\":\"SELL\"}],\"timestamp\":\"3\"}",
                3);
        assertTrue(book(NO).asks().isEmpty());
    }

    @Test
    void answersToPingAreNotMalformed() {
        assertEquals(PolymarketBookSession.Outcome.PONG, session.onFrame("PONG", 1));
        assertEquals(0, session.malformed());
    }

    @Test
    void tickSizeChangeUpdatesTheAssetsTick() {
        session.onFrame(fixture("tick_size_change.json"), 1);
        assertEquals(d("0.001"), session.tickSize(BOOK_ASSET));
    }

    @Test
    void informationalEventsChangeNoBook() {
        assertEquals(PolymarketBookSession.Outcome.IGNORED, session.onFrame(fixture("last_trade_price.json"), 1));
        assertEquals(PolymarketBookSession.Outcome.IGNORED, session.onFrame(fixture("best_bid_ask.json"), 2));
        assertNull(book(BOOK_ASSET));
    }

    @Test
    void aMalformedFrameIsSkippedWhole() {
        session.onFrame(book("A", "[]", "[{\"price\":\"0.6\",\"size\":\"5\"}]"), 1);
        String frame =
                "[{\"event_type\":\"price_change\",\"market\":\"0x\",\"price_changes\":[{\"asset_id\":\"A\",\"price\":\"0.6\","
                        + "\"size\":\"9\",\"side\":\"SELL\"}]},{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"A\","
                        + "\"price\":\"oops\",\"size\":\"1\",\"side\":\"SELL\"}]}]";
        assertEquals(PolymarketBookSession.Outcome.MALFORMED, session.onFrame(frame, 2));
        assertEquals(d("5"), book("A").asks().sizeAt(d("0.6")));
        for (String bad : new String[] {
            "",
            "PING?",
            "{",
            "[1]",
            "{\"event_type\":\"book\",\"asset_id\":\"A\"}",
            "{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"A\",\"price\":\"0.5\",\"size\":\"1\",\"side\":\"HOLD\"}]}",
            "{\"asset_id\":\"A\"}"
        }) {
            assertEquals(PolymarketBookSession.Outcome.MALFORMED, session.onFrame(bad, 3), bad);
        }
        assertEquals(8, session.malformed());
    }

    @Test
    void aChangeToABookNeverSeenWholeIsIgnored() {
        session.onFrame(fixture("price_change.json"), 1);
        assertNull(book(YES));
    }

    @Test
    void aDisconnectMakesBooksStaleUntilTheirNextBook() {
        session.onFrame(book("A", "[]", "[]"), 1);
        session.onDisconnected("test", 2);
        assertTrue(book("A").isStale());
        session.onFrame(book("A", "[{\"price\":\"0.1\",\"size\":\"1\"}]", "[]"), 3);
        assertTrue(book("A").isFresh());
        assertEquals(d("1"), book("A").ladder(Side.BID).size(0));
    }

    @Test
    void theFlatPriceChangeSchemaRetiredInSeptember2025IsMalformedUnderItsOwnReason() {
        session.onFrame(book("A", "[]", "[]"), 1);
        assertEquals(
                PolymarketBookSession.Outcome.MALFORMED,
                session.onFrame(
                        "{\"asset_id\":\"A\",\"changes\":[{\"price\":\"0.4\",\"side\":\"SELL\",\"size\":\"3300\"}],"
                                + "\"event_type\":\"price_change\",\"market\":\"0x\",\"timestamp\":\"1\",\"hash\":\"h\"}",
                        2));
        assertTrue(book("A").asks().isEmpty());
        assertEquals(Map.of("legacy_price_change", 1L), session.counters().malformedByReason());
    }

    @Test
    void anAskAtZeroOrOneIsMalformedNotAContractForNothing() {
        assertEquals(
                PolymarketBookSession.Outcome.MALFORMED,
                session.onFrame(book("A", "[]", "[{\"price\":\"0\",\"size\":\"100\"}]"), 1));
        assertNull(book("A"), "no free ask");
        session.onFrame(book("A", "[]", "[{\"price\":\"0.6\",\"size\":\"5\"}]"), 2);
        for (String price : new String[] {"1", "1.00", "0", "-0.1", "0.00001"}) {
            assertEquals(
                    PolymarketBookSession.Outcome.MALFORMED,
                    session.onFrame(
                            "{\"event_type\":\"price_change\",\"market\":\"0x\",\"price_changes\":[{\"asset_id\":\"A\","
                                    + "\"price\":\"" + price + "\",\"size\":\"9\",\"side\":\"SELL\"}]}",
                            3),
                    price);
        }
        assertEquals(
                Map.of("price_out_of_range", 5L, "price_off_tick", 1L),
                session.counters().malformedByReason());
        assertEquals(d("0.6"), book("A").asks().price(0));
    }

    @Test
    void aBookCrossedAtTheEndOfAFrameIsStaleUntilItsNextBook() {
        List<String> resyncs = new ArrayList<>();
        PolymarketBookSession live = new PolymarketBookSession(books, resyncs::add);
        live.onFrame(book("A", "[{\"price\":\"0.48\",\"size\":\"10\"}]", "[{\"price\":\"0.52\",\"size\":\"10\"}]"), 1);
        // within one frame the book may pass through a crossed state; only its end counts
        live.onFrame(
                "{\"event_type\":\"price_change\",\"market\":\"0x\",\"price_changes\":["
                        + "{\"asset_id\":\"A\",\"price\":\"0.53\",\"size\":\"5\",\"side\":\"BUY\"},"
                        + "{\"asset_id\":\"A\",\"price\":\"0.53\",\"size\":\"0\",\"side\":\"BUY\"}]}",
                2);
        assertTrue(book("A").isFresh());

        live.onFrame(
                "{\"event_type\":\"price_change\",\"market\":\"0x\",\"price_changes\":["
                        + "{\"asset_id\":\"A\",\"price\":\"0.52\",\"size\":\"5\",\"side\":\"BUY\"}]}",
                3);

        assertTrue(book("A").isStale(), "best bid 0.52 >= best ask 0.52");
        assertEquals(List.of("A"), resyncs);
        assertEquals(1, live.crossedBooks());
        live.onFrame(book("A", "[{\"price\":\"0.50\",\"size\":\"10\"}]", "[{\"price\":\"0.52\",\"size\":\"10\"}]"), 4);
        assertTrue(book("A").isFresh());
    }

    @Test
    void replayKeepsACrossedBookStaleWithNobodyToAsk() {
        session.onFrame(book("A", "[{\"price\":\"0.60\",\"size\":\"1\"}]", "[{\"price\":\"0.40\",\"size\":\"1\"}]"), 1);
        assertTrue(book("A").isStale(), "a crossed book as received is not a book to trade on");
    }
}

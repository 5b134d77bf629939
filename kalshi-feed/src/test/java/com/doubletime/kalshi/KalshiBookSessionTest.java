package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.feed.MalformedReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KalshiBookSessionTest {
    private final OrderbookSet books = new OrderbookSet();
    private final List<String> resyncs = new ArrayList<>();
    private final KalshiBookSession session =
            new KalshiBookSession(books, false, (sid, tickers) -> resyncs.add(sid + ":" + String.join(",", tickers)));

    private static long d(String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static String snapshot(String ticker, int sid, int seq, String yes, String no) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + ticker
                + "\",\"market_id\":\"m\"" + (yes == null ? "" : ",\"yes_dollars_fp\":" + yes)
                + (no == null ? "" : ",\"no_dollars_fp\":" + no) + "}}";
    }

    private static String delta(String ticker, int sid, int seq, String price, String delta, String side) {
        return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + ticker
                + "\",\"market_id\":\"m\",\"price_dollars\":\"" + price + "\",\"delta_fp\":\"" + delta
                + "\",\"side\":\"" + side
                + "\",\"ts_ms\":1}}";
    }

    private Orderbook book(String ticker) {
        return books.find(Platform.KALSHI, ticker);
    }

    @Test
    void holdsNoBidsAsYesAsksAtOneMinusPrice() {
        session.onFrame(KalshiFrameParserTest.fixture("orderbook_snapshot.json"), 1);
        Orderbook book = book("FED-23DEC-T3.00");
        assertTrue(book.isFresh());
        assertEquals(d("0.22"), book.bids().price(0));
        assertEquals(d("0.44"), book.asks().price(0)); // best NO bid 0.56
        assertEquals(d("146"), book.asks().size(0));
    }

    @Test
    void useYesPriceReadsNoLevelsAlreadyInYesTerms() {
        KalshiBookSession yesPriced = new KalshiBookSession(books, true, null);
        yesPriced.onFrame(snapshot("T", 1, 1, null, "[[\"0.4400\",\"146.00\"]]"), 1);
        assertEquals(d("0.44"), book("T").asks().price(0));
    }

    @Test
    void appliesSignedDeltasAndRemovesLevelsAtZero() {
        session.onFrame(snapshot("T", 1, 1, "[[\"0.9600\",\"54.00\"]]", null), 1);
        assertEquals(
                KalshiBookSession.Outcome.APPLIED, session.onFrame(delta("T", 1, 2, "0.9600", "-20.50", "yes"), 2));
        assertEquals(d("33.5"), book("T").bids().size(0));
        session.onFrame(delta("T", 1, 3, "0.9600", "-33.50", "yes"), 3);
        assertTrue(book("T").bids().isEmpty());
        session.onFrame(delta("T", 1, 4, "0.3000", "10", "no"), 4);
        assertEquals(d("0.70"), book("T").asks().price(0));
    }

    @Test
    void dropsDuplicates() {
        session.onFrame(snapshot("T", 1, 1, "[[\"0.50\",\"10\"]]", null), 1);
        String frame = delta("T", 1, 2, "0.50", "5", "yes");
        session.onFrame(frame, 2);
        assertEquals(KalshiBookSession.Outcome.DUPLICATE, session.onFrame(frame, 3));
        assertEquals(d("15"), book("T").bids().size(0));
        assertEquals(1, session.duplicates());
    }

    @Test
    void aGapMakesEveryBookOfTheSubscriptionStaleUntilItsNextSnapshot() {
        session.onFrame(snapshot("A", 1, 1, "[[\"0.50\",\"10\"]]", null), 1);
        session.onFrame(snapshot("B", 1, 2, "[[\"0.50\",\"10\"]]", null), 2);
        session.onFrame(snapshot("C", 2, 1, "[[\"0.50\",\"10\"]]", null), 3);
        assertEquals(KalshiBookSession.Outcome.GAP, session.onFrame(delta("A", 1, 4, "0.50", "1", "yes"), 4));
        assertTrue(book("A").isStale());
        assertTrue(book("B").isStale());
        assertTrue(book("C").isFresh());
        assertEquals(List.of("1:A,B"), resyncs);
        assertEquals(1, session.gaps());
        session.onFrame(snapshot("A", 1, 5, "[[\"0.40\",\"1\"]]", null), 5);
        assertTrue(book("A").isFresh());
        assertTrue(book("B").isStale());
        assertEquals(Set.of("A", "B"), session.tickersOf(1));
    }

    @Test
    void repliesOnASubscriptionShareItsSequence() {
        session.onFrame(snapshot("A", 1, 1, "[[\"0.50\",\"10\"]]", null), 1);
        session.onFrame("{\"id\":5,\"sid\":1,\"seq\":2,\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"A\"]}}", 2);
        assertEquals(KalshiBookSession.Outcome.APPLIED, session.onFrame(delta("A", 1, 3, "0.50", "1", "yes"), 3));
        assertEquals(0, session.gaps());
    }

    @Test
    void aDisconnectMakesEveryBookStaleAndForgetsTheSids() {
        session.onFrame(snapshot("A", 1, 7, "[[\"0.50\",\"10\"]]", null), 1);
        session.onDisconnected("test", 2);
        assertTrue(book("A").isStale());
        session.onConnected(3);
        // a new connection starts its sids afresh: seq 1 after seq 7 is not a duplicate
        assertEquals(
                KalshiBookSession.Outcome.APPLIED,
                session.onFrame(snapshot("A", 1, 1, "[[\"0.50\",\"10\"]]", null), 4));
        assertTrue(book("A").isFresh());
    }

    @Test
    void malformedFramesAreCountedAndChangeNothing() {
        session.onFrame(snapshot("A", 1, 1, "[[\"0.50\",\"10\"]]", null), 1);
        assertEquals(KalshiBookSession.Outcome.MALFORMED, session.onFrame("{\"type\":\"orderbook_delta\",", 2));
        assertEquals(1, session.malformed());
        assertEquals(KalshiBookSession.Outcome.APPLIED, session.onFrame(delta("A", 1, 2, "0.50", "1", "yes"), 3));
        assertFalse(book("A").isStale());
    }

    @Test
    void terminalChannelErrorsMakeTheSubscriptionStale() {
        session.onFrame(snapshot("A", 3, 1, "[[\"0.50\",\"10\"]]", null), 1);
        session.onFrame(
                "{\"id\":0,\"sid\":3,\"type\":\"error\",\"msg\":{\"code\":25,\"msg\":\"Subscription buffer overflow\"}}",
                2);
        assertTrue(book("A").isStale());
    }

    @Test
    void aYesBidAtOneDollarIsMalformedNotANoAskAtZero() {
        assertEquals(
                KalshiBookSession.Outcome.MALFORMED,
                session.onFrame(snapshot("T", 1, 1, "[[\"1.0000\",\"50.00\"]]", null), 1));
        assertNull(book("T"), "no book, so no NO ask at 0.0000");
        assertEquals(1, session.counters().malformed(MalformedReason.PRICE_OUT_OF_RANGE));
        assertTrue(
                session.lastError().startsWith("price_out_of_range: yes_dollars_fp price 1.00"), session.lastError());
    }

    @Test
    void levelsAtZeroOrOffEveryTickAreMalformedAndCountedByReason() {
        session.onFrame(snapshot("T", 1, 1, "[[\"0.5000\",\"10.00\"]]", null), 1);
        assertEquals(KalshiBookSession.Outcome.MALFORMED, session.onFrame(delta("T", 1, 2, "0.0000", "5", "no"), 2));
        assertEquals(KalshiBookSession.Outcome.MALFORMED, session.onFrame(delta("T", 1, 2, "1.0000", "5", "yes"), 3));
        assertEquals(KalshiBookSession.Outcome.MALFORMED, session.onFrame(delta("T", 1, 2, "0.44005", "5", "no"), 4));
        assertEquals(
                KalshiBookSession.Outcome.MALFORMED,
                session.onFrame(snapshot("U", 1, 2, null, "[[\"0.5000\",\"-1.00\"]]"), 5));

        assertEquals(
                Map.of("price_out_of_range", 2L, "price_off_tick", 1L, "negative_size", 1L),
                session.counters().malformedByReason());
        assertTrue(book("T").asks().isEmpty(), "nothing applied");
        assertEquals(KalshiBookSession.Outcome.APPLIED, session.onFrame(delta("T", 1, 2, "0.0001", "5", "no"), 6));
        assertEquals(d("0.9999"), book("T").asks().price(0));
    }

    @Test
    void aDeltaThatDrivesALevelNegativeMarksTheBookStaleAndAsksForItsSnapshot() {
        session.onFrame(snapshot("A", 1, 1, "[[\"0.0800\",\"300.00\"]]", null), 1);
        session.onFrame(snapshot("B", 1, 2, "[[\"0.5000\",\"10.00\"]]", null), 2);

        assertEquals(
                KalshiBookSession.Outcome.DIVERGED, session.onFrame(delta("A", 1, 3, "0.0800", "-354.00", "yes"), 3));

        assertTrue(book("A").isStale());
        assertEquals(d("300"), book("A").bids().size(0), "the impossible delta is not passed on");
        assertTrue(book("B").isFresh(), "the subscription's other books are fine");
        assertEquals(List.of("1:A"), resyncs);
        assertEquals(1, session.diverged());
        assertTrue(session.lastError().contains("would leave -54.00"), session.lastError());

        // later deltas of the stale book ask for nothing more; its snapshot makes it fresh again
        session.onFrame(delta("A", 1, 4, "0.0700", "-1.00", "yes"), 4);
        assertEquals(List.of("1:A"), resyncs);
        session.onFrame(snapshot("A", 1, 5, "[[\"0.0800\",\"246.00\"]]", null), 5);
        assertTrue(book("A").isFresh());
    }

    @Test
    void aNegativeDeltaOnALevelThatIsNotThereIsDivergenceToo() {
        session.onFrame(snapshot("A", 1, 1, null, "[[\"0.5600\",\"146.00\"]]"), 1);
        assertEquals(KalshiBookSession.Outcome.DIVERGED, session.onFrame(delta("A", 1, 2, "0.5500", "-1.00", "no"), 2));
        assertTrue(book("A").isStale());
    }
}

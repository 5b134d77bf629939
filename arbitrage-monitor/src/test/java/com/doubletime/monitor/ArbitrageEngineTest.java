package com.doubletime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArbitrageEngineTest {
    private static final MarketPair PAIR = new MarketPair(
            "p", "", "KX", 0, "0xc", "Y", "N", 0, 10_000, 0, false, Polarity.SAME, 0, MarketPair.UNLIMITED);

    private final List<OpportunityEvent> events = new ArrayList<>();
    private final ArbitrageEngine engine = new ArbitrageEngine(List.of(PAIR), events::add);

    private static LevelBuffer levels(String... priceSize) {
        LevelBuffer buffer = new LevelBuffer();
        for (int i = 0; i < priceSize.length; i += 2) {
            buffer.add(FixedPoint.parse(priceSize[i]), FixedPoint.parse(priceSize[i + 1]));
        }
        return buffer;
    }

    private void snapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long at) {
        engine.onSnapshot(platform, instrument, bids, asks, at);
        engine.onFrameEnd(platform, at);
    }

    private void openWindow() {
        snapshot(Platform.KALSHI, "KX", levels("0.30", "10"), levels("0.45", "10"), 1);
        snapshot(Platform.POLYMARKET, "Y", levels(), levels("0.70", "10"), 2);
        snapshot(Platform.POLYMARKET, "N", levels(), levels("0.50", "10"), 3);
    }

    @Test
    void evaluatesOnlyOnceEveryBookIsFreshAndEmitsTheOpportunity() {
        openWindow();
        assertEquals(1, events.size());
        ArbitrageOpportunityFound found = assertInstanceOf(ArbitrageOpportunityFound.class, events.get(0));
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:1", found.id());
        assertEquals(3, found.detectedAtNanos());
        assertEquals(10, found.opportunity().quantity());
    }

    @Test
    void identicalEvaluationsEmitNothingAndAChangeEmitsAnUpdate() {
        openWindow();
        engine.onLevelSet(Platform.POLYMARKET, "Y", Side.ASK, FixedPoint.parse("0.71"), FixedPoint.ONE, 4);
        engine.onFrameEnd(Platform.POLYMARKET, 4);
        assertEquals(1, events.size());
        engine.onLevelSet(Platform.POLYMARKET, "N", Side.ASK, FixedPoint.parse("0.50"), FixedPoint.parse("4"), 5);
        engine.onFrameEnd(Platform.POLYMARKET, 5);
        assertEquals(2, events.size());
        assertEquals(
                4, ((ArbitrageOpportunityFound) events.get(1)).opportunity().quantity());
    }

    @Test
    void aStaleBookClosesTheOpportunityWithItsLifetime() {
        openWindow();
        engine.onStale(Platform.KALSHI, "KX", "gap", 10);
        engine.onFrameEnd(Platform.KALSHI, 10);
        ArbitrageOpportunityClosed closed = assertInstanceOf(ArbitrageOpportunityClosed.class, events.get(1));
        assertEquals(7, closed.lifetimeNanos());
    }

    @Test
    void aVenueDisconnectClosesEveryOpportunityOnIt() {
        openWindow();
        engine.onVenueDisconnected(Platform.POLYMARKET, "drop", 20);
        engine.onFrameEnd(Platform.POLYMARKET, 20);
        assertInstanceOf(ArbitrageOpportunityClosed.class, events.get(1));
        assertTrue(engine.book(Platform.POLYMARKET, "Y").isStale());
    }

    @Test
    void dumpsBooksInVenueTerms() {
        openWindow();
        String dump = engine.dumpBooksJson();
        assertTrue(
                dump.contains(
                        "\"KX\":{\"yes\":[[\"0.3000\",\"10.00\"]],\"no\":[[\"0.5500\",\"10.00\"]],\"stale\":false}"),
                dump);
        assertTrue(dump.contains("\"N\":{\"bids\":[],\"asks\":[[\"0.50\",\"10\"]],\"stale\":false}"), dump);
    }

    @Test
    void removingAPairClosesItsOpenOpportunityAndStopsEvaluatingIt() {
        openWindow();

        assertTrue(engine.removePair("p", 10));
        engine.onLevelSet(Platform.POLYMARKET, "N", Side.ASK, FixedPoint.parse("0.40"), FixedPoint.ONE, 11);
        engine.onFrameEnd(Platform.POLYMARKET, 11);

        assertEquals(2, events.size());
        ArbitrageOpportunityClosed closed = assertInstanceOf(ArbitrageOpportunityClosed.class, events.get(1));
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:1", closed.id());
        assertEquals(7, closed.lifetimeNanos());
        assertEquals(List.of(), engine.pairs());
        assertEquals(false, engine.isSubscribed(Platform.KALSHI, "KX"));
    }

    @Test
    void aRemovedPairCanBeAddedAgainAndFindsItsWindowOnTheBooksItKept() {
        openWindow();
        engine.removePair("p", 10);

        engine.addPair(PAIR);
        engine.onLevelSet(Platform.POLYMARKET, "N", Side.ASK, FixedPoint.parse("0.49"), FixedPoint.ONE, 12);
        engine.onFrameEnd(Platform.POLYMARKET, 12);

        ArbitrageOpportunityFound again =
                assertInstanceOf(ArbitrageOpportunityFound.class, events.get(events.size() - 1));
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:2", again.id());
    }

    @Test
    void removingAnUnknownPairReportsFalse() {
        assertEquals(false, engine.removePair("nope", 1));
    }
}

package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.monitor.ArbitrageEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session feeding the monitor's engine, wired as the replay tool wires them. */
class PolymarketReplayPathTest {
    private static final MarketPair PAIR = new MarketPair(
            "p", "", "KX", 70_000, "0xc", "Y", "N", 0, 10_000, 0, false, Polarity.SAME, 0, MarketPair.UNLIMITED);

    private final List<OpportunityEvent> found = new ArrayList<>();
    private final ArbitrageEngine engine = new ArbitrageEngine(List.of(PAIR), found::add);
    private final PolymarketBookSession session = new PolymarketBookSession(engine);

    private void kalshiBook() {
        LevelBuffer yes = new LevelBuffer();
        yes.add(FixedPoint.parse("0.40"), FixedPoint.parse("100"));
        LevelBuffer yesAsks = new LevelBuffer();
        yesAsks.add(FixedPoint.parse("0.55"), FixedPoint.parse("100"));
        engine.onSnapshot(Platform.KALSHI, "KX", yes, yesAsks, 1);
        engine.onFrameEnd(Platform.KALSHI, 1);
    }

    private static String book(String asset, String asks) {
        return "{\"event_type\":\"book\",\"market\":\"0xc\",\"asset_id\":\"" + asset
                + "\",\"timestamp\":\"1\",\"hash\":\"h\",\"bids\":[],\"asks\":" + asks + "}";
    }

    @Test
    void anAskAtZeroOpensNoOpportunity() {
        kalshiBook();
        session.onFrame(book("Y", "[{\"price\":\"0.70\",\"size\":\"100\"}]"), 2);
        // before: a limit of 0.0000 at cost 0 against the Kalshi YES ask
        session.onFrame(book("N", "[{\"price\":\"0\",\"size\":\"100\"}]"), 3);

        assertEquals(List.of(), found);
        assertEquals(1, session.malformed());
    }

    @Test
    void aCrossedBookOpensNoOpportunity() {
        kalshiBook();
        session.onFrame(book("Y", "[{\"price\":\"0.70\",\"size\":\"100\"}]"), 2);
        session.onFrame(
                "{\"event_type\":\"book\",\"market\":\"0xc\",\"asset_id\":\"N\",\"timestamp\":\"1\",\"hash\":\"h\","
                        + "\"bids\":[{\"price\":\"0.45\",\"size\":\"100\"}],\"asks\":[{\"price\":\"0.40\",\"size\":\"100\"}]}",
                3);

        assertEquals(List.of(), found);
        assertEquals(1, session.crossedBooks());
    }
}

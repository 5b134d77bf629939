package com.doubletime.kalshi;

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
class KalshiReplayPathTest {
    private static final MarketPair PAIR = new MarketPair(
            "p", "", "KX", 70_000, "0xc", "Y", "N", 0, 10_000, 0, false, Polarity.SAME, 0, MarketPair.UNLIMITED);

    @Test
    void aYesBidAtOneDollarOpensNoOpportunity() {
        List<OpportunityEvent> found = new ArrayList<>();
        ArbitrageEngine engine = new ArbitrageEngine(List.of(PAIR), found::add);
        KalshiBookSession session = new KalshiBookSession(engine, false, null);
        LevelBuffer none = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        asks.add(FixedPoint.parse("0.45"), FixedPoint.parse("100"));
        engine.onSnapshot(Platform.POLYMARKET, "Y", none, asks, 1);
        engine.onSnapshot(Platform.POLYMARKET, "N", none, asks, 1);
        engine.onFrameEnd(Platform.POLYMARKET, 1);

        // before: read as a NO ask at 0.0000, a $0.54 edge per contract on the Polymarket YES at 0.45
        session.onFrame(
                "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"KX\","
                        + "\"market_id\":\"m\",\"yes_dollars_fp\":[[\"1.0000\",\"100.00\"]],"
                        + "\"no_dollars_fp\":[[\"0.4000\",\"100.00\"]]}}",
                2);

        assertEquals(List.of(), found);
        assertEquals(1, session.malformed());
    }
}

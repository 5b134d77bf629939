package com.doubletime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnOnCapitalEngineTest {
    private static final MarketPair PAIR = new MarketPair(
            "p", "", "KX", 0, "0xABC", "Y", "N", 0, 10_000, 0, false, Polarity.SAME, 0, MarketPair.UNLIMITED);
    private static final long T0 = Instant.parse("2026-12-04T16:00:00Z").toEpochMilli() * 1_000_000L;

    private final List<OpportunityEvent> events = new ArrayList<>();
    private final ArbitrageEngine engine = new ArbitrageEngine(List.of(PAIR), events::add);

    @Test
    void opportunitiesCarryTheReturnOnceBothResolutionTimesAreKnown() {
        engine.resolutionCalendar().update(status(Platform.KALSHI, "KX", "2026-12-14T16:00:00Z"));
        openWindow(T0);
        assertNull(found(0).returnOnCapital(), "the Polymarket time is not known yet");

        // condition ids are matched whatever their case
        engine.resolutionCalendar().update(status(Platform.POLYMARKET, "0xabc", "2026-12-24T16:00:00Z"));
        moveWindow(T0 + 1);
        ArbitrageOpportunityFound found = found(1);
        assertEquals("2026-12-24T16:00:00Z", found.returnOnCapital().resolvesAtIso());
        assertEquals("19.9999", found.returnOnCapital().daysToResolution().toPlainString());
        // 10 pairs at 0.45 + 0.49: edge 0.60 on 9.40 → 0.60 × 365 / (9.40 × 19.9999)
        assertEquals("1.164899", found.returnOnCapital().annualizedReturn().toPlainString());
    }

    @Test
    void anUnknownTimeRemovesTheFieldsAgain() {
        engine.resolutionCalendar().update(status(Platform.KALSHI, "KX", "2026-12-14T16:00:00Z"));
        engine.resolutionCalendar().update(status(Platform.POLYMARKET, "0xABC", "2026-12-14T16:00:00Z"));
        engine.resolutionCalendar().set(Platform.POLYMARKET, "0xABC", MarketView.UNKNOWN);
        openWindow(T0);
        assertNull(found(0).returnOnCapital());
    }

    private ArbitrageOpportunityFound found(int index) {
        return assertInstanceOf(ArbitrageOpportunityFound.class, events.get(index));
    }

    private static MarketStatusChanged status(Platform platform, String market, String resolves) {
        long at = Instant.parse(resolves).toEpochMilli();
        return new MarketStatusChanged(
                new MarketView(platform, market, MarketStatus.OPEN, at, at, platform == Platform.KALSHI ? 0 : -1, null),
                "rest",
                0);
    }

    private void openWindow(long at) {
        engine.onSnapshot(Platform.KALSHI, "KX", levels("0.30", "10"), levels("0.45", "10"), at);
        engine.onSnapshot(Platform.POLYMARKET, "Y", levels(), levels("0.70", "10"), at);
        engine.onSnapshot(Platform.POLYMARKET, "N", levels(), levels("0.50", "10"), at);
        engine.onFrameEnd(Platform.POLYMARKET, at);
    }

    private void moveWindow(long at) {
        engine.onSnapshot(Platform.POLYMARKET, "N", levels(), levels("0.49", "10"), at);
        engine.onFrameEnd(Platform.POLYMARKET, at);
    }

    private static LevelBuffer levels(String... priceSize) {
        LevelBuffer buffer = new LevelBuffer();
        for (int i = 0; i < priceSize.length; i += 2) {
            buffer.add(FixedPoint.parse(priceSize[i]), FixedPoint.parse(priceSize[i + 1]));
        }
        return buffer;
    }
}

package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OpportunityTrackerTest {
    private final OpportunityTracker tracker = new OpportunityTracker();

    private static Opportunity opportunity(long quantity, String edge) {
        Leg kalshi = new Leg(Platform.KALSHI, Outcome.YES, "KX", 420_000, BigDecimal.ONE, BigDecimal.ZERO);
        Leg poly = new Leg(Platform.POLYMARKET, Outcome.NO, "T", 530_000, BigDecimal.ONE, BigDecimal.ZERO);
        return new Opportunity(
                "p",
                Direction.KALSHI_YES_POLYMARKET_NO,
                quantity,
                kalshi,
                poly,
                BigDecimal.ONE,
                new BigDecimal(edge),
                BigDecimal.ZERO,
                0,
                0);
    }

    @Test
    void opensUpdatesOnlyOnChangedTermsAndClosesWithLifetime() {
        Direction d = Direction.KALSHI_YES_POLYMARKET_NO;
        ArbitrageOpportunityFound opened =
                assertInstanceOf(ArbitrageOpportunityFound.class, tracker.update("p", d, opportunity(10, "0.50"), 100));
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:1", opened.id());
        assertNull(tracker.update("p", d, opportunity(10, "0.5000"), 150));
        ArbitrageOpportunityFound changed =
                assertInstanceOf(ArbitrageOpportunityFound.class, tracker.update("p", d, opportunity(12, "0.60"), 200));
        assertEquals(opened.id(), changed.id());
        ArbitrageOpportunityClosed closed =
                assertInstanceOf(ArbitrageOpportunityClosed.class, tracker.update("p", d, null, 400));
        assertEquals(opened.id(), closed.id());
        assertEquals(300, closed.lifetimeNanos());
        assertNull(tracker.update("p", d, null, 500));
        assertEquals(
                "p:KALSHI_YES_POLYMARKET_NO:2",
                tracker.update("p", d, opportunity(1, "0.1"), 600).id());
    }

    @Test
    void aRunMarksEveryIdSoARestartNeverReusesOne() {
        Direction d = Direction.KALSHI_YES_POLYMARKET_NO;
        String first = new OpportunityTracker("1764054000123")
                .update("p", d, opportunity(10, "0.50"), 100)
                .id();
        String afterRestart = new OpportunityTracker("1764054999999")
                .update("p", d, opportunity(10, "0.50"), 100)
                .id();

        // before: both runs said p:KALSHI_YES_POLYMARKET_NO:1
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:1764054000123-1", first);
        assertEquals("p:KALSHI_YES_POLYMARKET_NO:1764054999999-1", afterRestart);
    }
}

package com.doubletime.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import org.junit.jupiter.api.Test;

class ResolutionTest {
    @Test
    void eachOutcomePaysItsShare() {
        Resolution scalar = new Resolution(FixedPoint.parse("0.35"), "scalar");
        assertEquals(FixedPoint.parse("0.35"), scalar.payout(Outcome.YES));
        assertEquals(FixedPoint.parse("0.65"), scalar.payout(Outcome.NO));
        assertNull(scalar.winner());
        assertEquals(Outcome.YES, Resolution.YES.winner());
        assertEquals(Outcome.NO, Resolution.NO.winner());
    }

    @Test
    void aPayoutOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Resolution(FixedPoint.ONE + 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Resolution(-1, "x"));
    }

    @Test
    void statusesHaveTheirApiNamesAndOnlyOpenTrades() {
        assertEquals("determined", MarketStatus.DETERMINED.wireName());
        assertEquals(MarketStatus.PAUSED, MarketStatus.fromWire("paused"));
        for (MarketStatus status : MarketStatus.values()) {
            assertEquals(status == MarketStatus.OPEN, status.isTradable());
        }
    }

    @Test
    void aResolutionNeedsAResolvedStatus() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MarketView(Platform.KALSHI, "T", MarketStatus.CLOSED, 0, 0, 0, Resolution.YES));
    }
}

package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReturnOnCapitalTest {
    private static final long DETECTED_NANOS =
            Instant.parse("2026-12-04T16:00:00Z").toEpochMilli() * 1_000_000L + 123_456_789L;
    private static final long KALSHI = Instant.parse("2026-12-16T18:55:00Z").toEpochMilli();
    private static final long POLYMARKET = Instant.parse("2026-12-16T00:00:00Z").toEpochMilli();
    private static final BigDecimal EDGE = new BigDecimal("2.754320");
    private static final BigDecimal COST = new BigDecimal("117.245680");

    @Test
    void resolvesAtIsTheLaterOfTheTwoMarkets() {
        ReturnOnCapital roc = ReturnOnCapital.of(EDGE, COST, KALSHI, POLYMARKET, DETECTED_NANOS);
        assertEquals("2026-12-16T18:55:00Z", roc.resolvesAtIso());
        assertEquals(roc, ReturnOnCapital.of(EDGE, COST, POLYMARKET, KALSHI, DETECTED_NANOS));
    }

    @Test
    void daysAreRoundedDownToATenThousandthAndTheReturnToAMillionth() {
        // 12 d 2 h 55 min less 0.123456789 s = 12.121527776... days; 2.75432 × 365 / (117.24568 × 12.1215)
        ReturnOnCapital roc = ReturnOnCapital.of(EDGE, COST, KALSHI, POLYMARKET, DETECTED_NANOS);
        assertEquals("12.1215", roc.daysToResolution().toPlainString());
        assertEquals("0.707382", roc.annualizedReturn().toPlainString());
    }

    @Test
    void lessThanADayCountsAsOneDay() {
        long sixHoursLater = Instant.parse("2026-12-04T22:00:00Z").toEpochMilli();
        ReturnOnCapital roc = ReturnOnCapital.of(EDGE, COST, sixHoursLater, sixHoursLater, DETECTED_NANOS + 0);
        // 6 h less 0.123456789 s is 0.24999857 days: rounded down
        assertEquals("0.2499", roc.daysToResolution().toPlainString());
        assertEquals("8.574531", roc.annualizedReturn().toPlainString());
    }

    @Test
    void aResolutionAlreadyPastGivesNegativeDaysAndTheOneDayReturn() {
        long yesterday = Instant.parse("2026-12-03T16:00:00Z").toEpochMilli();
        ReturnOnCapital roc = ReturnOnCapital.of(EDGE, COST, yesterday, yesterday, DETECTED_NANOS);
        assertEquals("-1.0001", roc.daysToResolution().toPlainString());
        assertEquals("8.574531", roc.annualizedReturn().toPlainString());
    }

    @Test
    void exactValuesKeepTheirTrailingZeros() {
        long tenDays = Instant.parse("2026-12-14T16:00:00Z").toEpochMilli();
        ReturnOnCapital roc = ReturnOnCapital.of(
                new BigDecimal("1.00"),
                new BigDecimal("36.50"),
                tenDays,
                tenDays,
                tenDays * 1_000_000L - 864_000_000_000_000L);
        assertEquals("10.0000", roc.daysToResolution().toPlainString());
        assertEquals("1.000000", roc.annualizedReturn().toPlainString());
    }

    @Test
    void meetsComparesWithTheMinimum() {
        ReturnOnCapital roc = ReturnOnCapital.of(EDGE, COST, KALSHI, POLYMARKET, DETECTED_NANOS);
        assertTrue(roc.meets(new BigDecimal("0.707382")));
        assertFalse(roc.meets(new BigDecimal("0.707383")));
    }

    @Test
    void refusesANonPositiveCost() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ReturnOnCapital.of(EDGE, BigDecimal.ZERO, KALSHI, POLYMARKET, DETECTED_NANOS));
    }
}

package com.doubletime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.simulator.SimulatorProbe.Venue;
import org.junit.jupiter.api.Test;

class WindowLatenciesTest {

    @Test
    void eachWindowTakesTheFirstEntryOrderPerVenueAfterItsOpeningStep() {
        WindowLatencies latencies = new WindowLatencies(3);
        latencies.orderReceived(Venue.KALSHI, "dt-x-k-E0", 5); // before any window: ignored
        latencies.stepSent(0, 1_000_000);
        latencies.orderReceived(Venue.KALSHI, "dt-a-k-E0", 3_000_000);
        latencies.orderReceived(Venue.POLYMARKET, "123", 4_000_000);
        latencies.orderReceived(Venue.POLYMARKET, "124", 9_000_000); // a second order of the window: ignored
        latencies.stepSent(1, 20_000_000); // the close
        latencies.orderReceived(Venue.KALSHI, "dt-a-k-U0", 21_000_000); // an unwind: not an entry
        latencies.stepSent(2, 30_000_000);
        latencies.orderReceived(Venue.POLYMARKET, "125", 31_000_000);
        latencies.orderReceived(Venue.KALSHI, "dt-b-k-E0", 35_000_000);
        latencies.stepSent(3, 40_000_000);
        latencies.stepSent(4, 50_000_000); // window 2 gets no order at all

        WindowLatencies.Summary all = latencies.summary(0);
        assertEquals(2, all.measured());
        assertEquals(1, all.missing());
        assertEquals(2_000_000, all.kalshi().getMinValue(), 1_000);
        assertEquals(5_000_000, all.kalshi().getMaxValue(), 5_000);
        assertEquals(1_000_000, all.polymarket().getMinValue(), 1_000);
        assertEquals(3_000_000, all.polymarket().getMaxValue(), 3_000);
        assertEquals(3_000_000, all.bothLegs().getMinValue(), 3_000); // window 0: max(2, 3) ms
        assertEquals(5_000_000, all.bothLegs().getMaxValue(), 5_000); // window 1: max(5, 1) ms
        assertEquals(1_000_000, all.skew().getMinValue(), 1_000);
        assertEquals(4_000_000, all.skew().getMaxValue(), 4_000);
        assertEquals(4, latencies.lastStep());

        WindowLatencies.Summary afterWarmup = latencies.summary(1);
        assertEquals(1, afterWarmup.measured());
        assertEquals(5_000_000, afterWarmup.kalshi().getMaxValue(), 5_000);
    }

    @Test
    void eventsFindTheirWindowByTimeWhateverOrderTheyAreReportedIn() {
        WindowLatencies latencies = new WindowLatencies(2);
        // the Polymarket simulator's pipe delivers its order before the Kalshi simulator's step
        latencies.orderReceived(Venue.POLYMARKET, "1", 4_000_000);
        latencies.mark(WindowLatencies.Mark.POLYMARKET_HEAD_IN, 3_900_000);
        latencies.stepSent(0, 1_000_000);
        latencies.orderReceived(Venue.KALSHI, "dt-a-k-E0", 3_000_000);
        latencies.orderReceived(Venue.KALSHI, "dt-b-k-E0", 32_000_000);
        latencies.stepSent(2, 30_000_000);
        latencies.orderReceived(Venue.POLYMARKET, "2", 31_000_000);

        WindowLatencies.Summary summary = latencies.summary(0);
        assertEquals(2, summary.measured());
        assertEquals(2_000_000, summary.kalshi().getMinValue(), 2_000);
        assertEquals(3_000_000, summary.polymarket().getMaxValue(), 3_000);
        assertEquals(
                2_900_000,
                summary.breakdown().get(WindowLatencies.Mark.POLYMARKET_HEAD_IN).getMaxValue(),
                3_000);
    }

    @Test
    void theBreakdownTakesEachMarksFirstOccurrencePerMeasuredWindow() {
        WindowLatencies latencies = new WindowLatencies(2);
        latencies.mark(WindowLatencies.Mark.OPPORTUNITY, 1); // before any window: ignored
        latencies.stepSent(0, 1_000_000);
        latencies.mark(WindowLatencies.Mark.OPPORTUNITY, 2_000_000);
        latencies.mark(WindowLatencies.Mark.OPPORTUNITY, 2_500_000); // an update of the same opportunity: ignored
        latencies.mark(WindowLatencies.Mark.KALSHI_WRITTEN, 4_000_000);
        latencies.connectionOpened(4_500_000);
        latencies.orderReceived(Venue.KALSHI, "dt-a-k-E0", 5_000_000);
        latencies.orderReceived(Venue.POLYMARKET, "1", 6_000_000);
        latencies.stepSent(1, 20_000_000);
        latencies.stepSent(2, 30_000_000); // window 1: no order, so its marks are not measured
        latencies.mark(WindowLatencies.Mark.OPPORTUNITY, 31_000_000);

        WindowLatencies.Summary summary = latencies.summary(0);
        assertEquals(1, summary.measured());
        assertEquals(1, summary.connectionsOpened());
        assertEquals(
                1, summary.breakdown().get(WindowLatencies.Mark.OPPORTUNITY).getTotalCount());
        assertEquals(
                1_000_000,
                summary.breakdown().get(WindowLatencies.Mark.OPPORTUNITY).getMaxValue(),
                1_000);
        assertEquals(
                3_000_000,
                summary.breakdown().get(WindowLatencies.Mark.KALSHI_WRITTEN).getMaxValue(),
                3_000);
        assertEquals(
                0,
                summary.breakdown().get(WindowLatencies.Mark.POLYMARKET_WRITTEN).getTotalCount());
    }
}

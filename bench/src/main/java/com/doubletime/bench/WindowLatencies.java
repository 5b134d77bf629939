package com.doubletime.bench;

import com.doubletime.simulator.SimulatorProbe;
import java.util.Arrays;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Collects the simulator's probe events of the wire-to-wire benchmark and turns them into per-window
 * latencies: for window {@code k} (opened by scenario step {@code 2k}), the first Kalshi entry order and the
 * first Polymarket order that arrive after the opening step and before the next window opens, each minus the
 * time the opening step's frames were written. Thread-safe (the probe calls come from the simulator's event
 * loop, the report from the main thread).
 */
final class WindowLatencies implements SimulatorProbe {
    private final long[] opened;
    private final long[] kalshi;
    private final long[] polymarket;
    /** Intermediate marks for the breakdown: the opportunity on the bus, the last entry REQUESTED journaled. */
    private final long[] opportunity;
    private final long[] journaled;
    private int current = -1;
    private int lastStep = -1;

    WindowLatencies(int windows) {
        opened = new long[windows];
        kalshi = new long[windows];
        polymarket = new long[windows];
        opportunity = new long[windows];
        journaled = new long[windows];
        Arrays.fill(opportunity, -1);
        Arrays.fill(journaled, -1);
        Arrays.fill(opened, -1);
        Arrays.fill(kalshi, -1);
        Arrays.fill(polymarket, -1);
    }

    @Override
    public synchronized void stepSent(int stepIndex, long nanoTime) {
        lastStep = Math.max(lastStep, stepIndex);
        int window = WireToWireScenario.windowOpenedBy(stepIndex);
        if (window >= 0 && window < opened.length) {
            opened[window] = nanoTime;
            current = window;
        }
    }

    @Override
    public synchronized void orderReceived(Venue venue, String clientOrderId, long nanoTime) {
        if (current < 0) {
            return;
        }
        if (venue == Venue.KALSHI) {
            // only the entry leg ("dt-<trade>-k-E0"); a hedge or unwind is not the window's first order
            if (clientOrderId != null && !clientOrderId.contains("-k-E")) {
                return;
            }
            if (kalshi[current] < 0) {
                kalshi[current] = nanoTime;
            }
        } else if (polymarket[current] < 0) {
            polymarket[current] = nanoTime;
        }
    }

    /** The first opportunity event of the current window reached a bus consumer. */
    synchronized void opportunitySeen(long nanoTime) {
        if (current >= 0 && opportunity[current] < 0) {
            opportunity[current] = nanoTime;
        }
    }

    /** An entry order's REQUESTED event was journaled; the later of the window's two counts. */
    synchronized void entryJournaled(long nanoTime) {
        if (current >= 0) {
            journaled[current] = Math.max(journaled[current], nanoTime);
        }
    }

    synchronized int lastStep() {
        return lastStep;
    }

    /** The four distributions, in nanoseconds, over windows {@code from} onwards that got both legs. */
    synchronized Summary summary(int from) {
        Histogram k = histogram();
        Histogram p = histogram();
        Histogram both = histogram();
        Histogram skew = histogram();
        Histogram toOpportunity = histogram();
        Histogram toJournaled = histogram();
        int missing = 0;
        int measured = 0;
        for (int w = Math.max(0, from); w < opened.length; w++) {
            if (opened[w] < 0 || kalshi[w] < 0 || polymarket[w] < 0) {
                missing++;
                continue;
            }
            long kl = kalshi[w] - opened[w];
            long pl = polymarket[w] - opened[w];
            k.recordValue(kl);
            p.recordValue(pl);
            both.recordValue(Math.max(kl, pl));
            skew.recordValue(Math.abs(kl - pl));
            if (opportunity[w] >= opened[w]) {
                toOpportunity.recordValue(opportunity[w] - opened[w]);
            }
            if (journaled[w] >= opened[w]) {
                toJournaled.recordValue(journaled[w] - opened[w]);
            }
            measured++;
        }
        return new Summary(measured, missing, k, p, both, skew, toOpportunity, toJournaled);
    }

    private static Histogram histogram() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    /** The distributions of the measured windows; {@code missing} windows lacked a leg (no trade, or a rejection). */
    record Summary(int measured, int missing, Histogram kalshi, Histogram polymarket, Histogram bothLegs, Histogram skew,
                   Histogram toOpportunity, Histogram toJournaled) {
        String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "wire-to-wire: %d windows measured, %d without both legs%n", measured, missing));
            line(out, "kalshi order", kalshi);
            line(out, "polymarket order", polymarket);
            line(out, "both legs (max)", bothLegs);
            line(out, "|skew| between legs", skew);
            if (toOpportunity.getTotalCount() > 0) {
                out.append("  breakdown, from the opening frames:\n");
                line(out, "opportunity on the bus", toOpportunity);
            }
            if (toJournaled.getTotalCount() > 0) {
                line(out, "both REQUESTED on disk", toJournaled);
            }
            return out.toString();
        }

        private static void line(StringBuilder out, String name, Histogram h) {
            out.append(String.format(Locale.ROOT, "  %-22s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", name,
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6));
        }
    }
}

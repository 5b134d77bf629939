package com.doubletime.bench;

import com.doubletime.simulator.SimulatorProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Collects the simulator's probe events of the wire-to-wire benchmark and turns them into per-window
 * latencies: for window {@code k} (opened by scenario step {@code 2k}), the first Kalshi entry order and the
 * first Polymarket order that arrive after the opening step and before the next window opens, each minus the
 * time the opening step's frames were written. Intermediate marks ({@link Mark}: the opportunity on the bus,
 * the journal, the hand-over to each gateway, the request written, its head at the simulator) are kept the
 * same way, first occurrence per window, for the breakdown. Thread-safe (the probe calls come from the
 * simulator's event loop, marks from several threads, the report from the main thread).
 */
final class WindowLatencies implements SimulatorProbe {
    /** The breakdown's marks, in the order of the path. */
    enum Mark {
        OPPORTUNITY("opportunity on the bus"),
        DECISION_JOURNALED("decision journaled"),
        REQUESTS_JOURNALED("both entry REQUESTED journaled"),
        KALSHI_TO_GATEWAY("kalshi order to gateway"),
        POLYMARKET_TO_GATEWAY("polymarket order to gateway"),
        KALSHI_WRITTEN("kalshi request written"),
        POLYMARKET_WRITTEN("polymarket request written"),
        KALSHI_HEAD_IN("kalshi head at simulator"),
        POLYMARKET_HEAD_IN("polymarket head at simulator");

        final String label;

        Mark(String label) {
            this.label = label;
        }
    }

    private final long[] opened;
    private final long[] kalshi;
    private final long[] polymarket;
    private final Map<Mark, long[]> marks = new LinkedHashMap<>();
    /** HTTP client connections opened, per window (keep-alive check: should be 0 once warm). */
    private final int[] connectionsOpened;

    private int current = -1;
    private int lastStep = -1;

    WindowLatencies(int windows) {
        opened = new long[windows];
        kalshi = new long[windows];
        polymarket = new long[windows];
        connectionsOpened = new int[windows];
        Arrays.fill(opened, -1);
        Arrays.fill(kalshi, -1);
        Arrays.fill(polymarket, -1);
        for (Mark mark : Mark.values()) {
            long[] times = new long[windows];
            Arrays.fill(times, -1);
            marks.put(mark, times);
        }
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

    /** The first occurrence of {@code mark} in the current window. */
    synchronized void mark(Mark mark, long nanoTime) {
        if (current >= 0) {
            long[] times = marks.get(mark);
            if (times[current] < 0) {
                times[current] = nanoTime;
            }
        }
    }

    synchronized void connectionOpened() {
        if (current >= 0) {
            connectionsOpened[current]++;
        }
    }

    synchronized int lastStep() {
        return lastStep;
    }

    /** The distributions, in nanoseconds, over windows {@code from} onwards that got both legs. */
    synchronized Summary summary(int from) {
        Histogram k = histogram();
        Histogram p = histogram();
        Histogram both = histogram();
        Histogram skew = histogram();
        Map<Mark, Histogram> breakdown = new LinkedHashMap<>();
        marks.keySet().forEach(mark -> breakdown.put(mark, histogram()));
        int missing = 0;
        int measured = 0;
        int connections = 0;
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
            for (Map.Entry<Mark, long[]> mark : marks.entrySet()) {
                long at = mark.getValue()[w];
                if (at >= opened[w]) {
                    breakdown.get(mark.getKey()).recordValue(at - opened[w]);
                }
            }
            connections += connectionsOpened[w];
            measured++;
        }
        return new Summary(measured, missing, connections, k, p, both, skew, breakdown);
    }

    private static Histogram histogram() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    /** The distributions of the measured windows; {@code missing} windows lacked a leg (no trade, or a rejection). */
    record Summary(
            int measured,
            int missing,
            int connectionsOpened,
            Histogram kalshi,
            Histogram polymarket,
            Histogram bothLegs,
            Histogram skew,
            Map<Mark, Histogram> breakdown) {
        String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "wire-to-wire: %d windows measured, %d without both legs, "
                            + "%d HTTP client connections opened during them%n",
                    measured,
                    missing,
                    connectionsOpened));
            line(out, "kalshi order", kalshi);
            line(out, "polymarket order", polymarket);
            line(out, "both legs (max)", bothLegs);
            line(out, "|skew| between legs", skew);
            List<Map.Entry<Mark, Histogram>> present = new ArrayList<>();
            breakdown.entrySet().stream()
                    .filter(e -> e.getValue().getTotalCount() > 0)
                    .forEach(present::add);
            if (!present.isEmpty()) {
                out.append("  breakdown, each from the opening frames (then the order body at the venue, above):\n");
                present.forEach(e -> line(out, e.getKey().label, e.getValue()));
            }
            return out.toString();
        }

        private static void line(StringBuilder out, String name, Histogram h) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-30s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n",
                    name,
                    h.getValueAtPercentile(50) / 1e6,
                    h.getValueAtPercentile(99) / 1e6,
                    h.getMaxValue() / 1e6));
        }
    }
}

package com.doubletime.bench;

import com.doubletime.simulator.SimulatorProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Collects the simulators' probe events of the wire-to-wire benchmark and turns them into per-window latencies:
 * for window {@code k} (opened by scenario step {@code 2k}), the first Kalshi entry order and the first Polymarket
 * order that arrive after the opening step and before the next window opens, each minus the time the opening step's
 * frames were written. Intermediate marks ({@link Mark}: the opportunity on the bus, the journal, the hand-over to
 * each gateway, the request written, its head at the simulator) are kept the same way, first occurrence per window,
 * for the breakdown.
 *
 * <p>Every event is assigned to its window by its {@link System#nanoTime()} stamp, not by when it is reported: the
 * simulators run in their own processes (one per venue) and report through pipes that may deliver one venue's order
 * before the other's step. {@code System.nanoTime()} reads the same monotonic clock in every JVM of the machine
 * (Linux: {@code CLOCK_MONOTONIC}). Thread-safe.
 */
final class WindowLatencies implements SimulatorProbe {
    /** The breakdown's marks, in the order of the path. */
    enum Mark {
        OPPORTUNITY("opportunity on the bus"),
        DECISION_JOURNALED("decision journaled (written)"),
        REQUESTS_JOURNALED("both REQUESTED journaled (written)"),
        KALSHI_TO_GATEWAY("kalshi order to gateway"),
        KALSHI_PLACE_RETURNED("kalshi place() returned"),
        POLYMARKET_TO_GATEWAY("polymarket order to gateway"),
        POLYMARKET_PLACE_RETURNED("polymarket place() returned"),
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
    private final List<long[]> kalshiOrders = new ArrayList<>();
    private final List<long[]> polymarketOrders = new ArrayList<>();
    private final List<long[]> kalshiPlaceCpu = new ArrayList<>();
    private final List<long[]> polymarketPlaceCpu = new ArrayList<>();
    private final Map<Mark, List<Long>> marks = new EnumMap<>(Mark.class);
    /** When HTTP client connections were opened (keep-alive check: none should open in a measured window). */
    private final List<Long> connectionsOpenedAt = new ArrayList<>();

    private int lastStep = -1;
    /** The threads the entry orders were handed to their gateways on (the executor's, or not). */
    private final Set<String> placingThreads = new TreeSet<>();

    WindowLatencies(int windows) {
        opened = new long[windows];
        Arrays.fill(opened, -1);
        for (Mark mark : Mark.values()) {
            marks.put(mark, new ArrayList<>());
        }
    }

    @Override
    public synchronized void stepSent(int stepIndex, long nanoTime) {
        lastStep = Math.max(lastStep, stepIndex);
        int window = WireToWireScenario.windowOpenedBy(stepIndex);
        if (window >= 0 && window < opened.length) {
            opened[window] = nanoTime;
        }
    }

    @Override
    public synchronized void orderReceived(Venue venue, String clientOrderId, long nanoTime) {
        if (venue == Venue.KALSHI) {
            // only the entry leg ("dt-<trade>-k-E0"); a hedge or unwind is not the window's first order
            if (clientOrderId == null || clientOrderId.contains("-k-E")) {
                kalshiOrders.add(new long[] {nanoTime});
            }
        } else {
            polymarketOrders.add(new long[] {nanoTime});
        }
    }

    /** {@code mark} happened at {@code nanoTime}; the first occurrence in each window counts. */
    synchronized void mark(Mark mark, long nanoTime) {
        marks.get(mark).add(nanoTime);
    }

    synchronized void placedOn(String thread) {
        placingThreads.add(thread);
    }

    /** CPU time the placing thread spent inside an entry order's {@code place()} that started at {@code nanoTime}. */
    synchronized void placeCpu(boolean kalshi, long nanoTime, long cpuNanos) {
        (kalshi ? kalshiPlaceCpu : polymarketPlaceCpu).add(new long[] {nanoTime, cpuNanos});
    }

    synchronized void connectionOpened(long nanoTime) {
        connectionsOpenedAt.add(nanoTime);
    }

    synchronized int lastStep() {
        return lastStep;
    }

    /** The window open at {@code nanoTime}: the last one opened at or before it, or -1. */
    private int windowAt(long nanoTime) {
        int window = -1;
        for (int w = 0; w < opened.length; w++) {
            if (opened[w] >= 0 && opened[w] <= nanoTime) {
                window = w;
            } else if (opened[w] > nanoTime) {
                break;
            }
        }
        return window;
    }

    /** The first of {@code times} in each window, -1 where there is none. */
    private long[] firstPerWindow(List<Long> times) {
        long[] first = new long[opened.length];
        Arrays.fill(first, -1);
        for (long at : times) {
            int window = windowAt(at);
            if (window >= 0 && (first[window] < 0 || at < first[window])) {
                first[window] = at;
            }
        }
        return first;
    }

    private static List<Long> times(List<long[]> events) {
        List<Long> times = new ArrayList<>(events.size());
        events.forEach(event -> times.add(event[0]));
        return times;
    }

    /** The distributions, in nanoseconds, over windows {@code from} onwards that got both legs. */
    synchronized Summary summary(int from) {
        long[] kalshi = firstPerWindow(times(kalshiOrders));
        long[] polymarket = firstPerWindow(times(polymarketOrders));
        Map<Mark, long[]> firstMarks = new EnumMap<>(Mark.class);
        marks.forEach((mark, times) -> firstMarks.put(mark, firstPerWindow(times)));
        int[] connectionsOpened = new int[opened.length];
        for (long at : connectionsOpenedAt) {
            int window = windowAt(at);
            if (window >= 0) {
                connectionsOpened[window]++;
            }
        }
        Histogram k = histogram();
        Histogram p = histogram();
        Histogram both = histogram();
        Histogram skew = histogram();
        Map<Mark, Histogram> breakdown = new LinkedHashMap<>();
        marks.keySet().forEach(mark -> breakdown.put(mark, histogram()));
        int missing = 0;
        int measured = 0;
        int connections = 0;
        long firstBothLegs = -1;
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
            if (firstBothLegs < 0) {
                firstBothLegs = Math.max(kl, pl);
            }
            skew.recordValue(Math.abs(kl - pl));
            for (Map.Entry<Mark, long[]> mark : firstMarks.entrySet()) {
                long at = mark.getValue()[w];
                if (at >= opened[w]) {
                    breakdown.get(mark.getKey()).recordValue(at - opened[w]);
                }
            }
            connections += connectionsOpened[w];
            measured++;
        }
        Histogram kalshiCpu = histogram();
        Histogram polymarketCpu = histogram();
        cpuOfMeasured(kalshiPlaceCpu, kalshi, polymarket, from, kalshiCpu);
        cpuOfMeasured(polymarketPlaceCpu, kalshi, polymarket, from, polymarketCpu);
        return new Summary(
                measured,
                missing,
                connections,
                firstBothLegs,
                k,
                p,
                both,
                skew,
                breakdown,
                List.copyOf(placingThreads),
                kalshiCpu,
                polymarketCpu);
    }

    /** The CPU times of the entry orders placed in the measured windows (those that got both legs). */
    private void cpuOfMeasured(List<long[]> samples, long[] kalshi, long[] polymarket, int from, Histogram into) {
        for (long[] sample : samples) {
            int window = windowAt(sample[0]);
            if (window >= Math.max(0, from) && kalshi[window] >= 0 && polymarket[window] >= 0) {
                into.recordValue(Math.max(1, sample[1]));
            }
        }
    }

    private static Histogram histogram() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    /** The distributions of the measured windows; {@code missing} windows lacked a leg (no trade, or a rejection). */
    record Summary(
            int measured,
            int missing,
            int connectionsOpened,
            long firstBothLegs,
            Histogram kalshi,
            Histogram polymarket,
            Histogram bothLegs,
            Histogram skew,
            Map<Mark, Histogram> breakdown,
            List<String> placingThreads,
            Histogram kalshiPlaceCpu,
            Histogram polymarketPlaceCpu) {
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
            out.append(String.format(
                    Locale.ROOT, "  %-30s %8.3f ms%n", "both legs, first measured window", firstBothLegs / 1e6));
            line(out, "|skew| between legs", skew);
            List<Map.Entry<Mark, Histogram>> present = new ArrayList<>();
            breakdown.entrySet().stream()
                    .filter(e -> e.getValue().getTotalCount() > 0)
                    .forEach(present::add);
            if (!present.isEmpty()) {
                out.append("  breakdown, each from the opening frames (then the order body at the venue, above):\n");
                present.forEach(e -> line(out, e.getKey().label, e.getValue()));
            }
            if (kalshiPlaceCpu.getTotalCount() > 0) {
                line(out, "kalshi place() CPU time", kalshiPlaceCpu);
                line(out, "polymarket place() CPU time", polymarketPlaceCpu);
            }
            if (!placingThreads.isEmpty()) {
                out.append("  entry orders handed to their gateways on: ")
                        .append(String.join(", ", placingThreads))
                        .append('\n');
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

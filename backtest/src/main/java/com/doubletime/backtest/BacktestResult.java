package com.doubletime.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A backtest's outcome: what the plain replay saw (frames, windows and their census) and one ledger per latency, in
 * the order asked.
 *
 * @param startNanos the first frame's {@code recv_ns}
 * @param endNanos the last frame's {@code recv_ns}
 * @param warnings what would make the replay differ from the recorded run (docs/capture.md)
 * @param timing how long each pass took on this machine (not part of the summary: it differs run to run)
 */
public record BacktestResult(
        BacktestSettings settings,
        List<Path> files,
        long frames,
        long malformed,
        long startNanos,
        long endNanos,
        WindowCensus census,
        List<RunLedger> runs,
        List<String> warnings,
        Timing timing) {

    /** Per pass, the plain replay first then one per latency: wall time and the replaying thread's CPU time. */
    public record Timing(long[] wallNanos, long[] cpuNanos) {
        /** Frames a second of the pass's CPU time. */
        public double framesPerCpuSecond(int pass, long frames) {
            return cpuNanos[pass] <= 0 ? 0 : frames * NANOS_PER_SECOND / cpuNanos[pass];
        }
    }

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Contracts §8's summary, one JSON object (no trailing newline). */
    public String summaryJson() {
        return SummaryJson.write(this);
    }

    /** The self-contained HTML report. */
    public String reportHtml() {
        return ReportHtml.write(this);
    }

    /** Frames read without being malformed: none means the capture was not one. */
    public long readFrames() {
        return frames - malformed;
    }

    /** One line per latency for a terminal: trades by outcome, P&amp;L and capital in dollars and cents. */
    public List<String> runLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunLedger run = runs.get(i);
            lines.add(String.format(
                    Locale.ROOT,
                    "latency %d ms: %d trades (%d filled, %d partial, %d rejected, %d unfilled, %d unhedged), P&L %s"
                            + " on %s of capital, fees %s (%.1f s, %,.0f frames/s)",
                    run.latencyMillis(),
                    run.trades(),
                    run.filled(),
                    run.partial(),
                    run.rejected(),
                    run.unfilled(),
                    run.unhedged(),
                    ReportHtml.money(run.pnl()),
                    ReportHtml.money(run.capitalUsed()),
                    ReportHtml.money(run.fees()),
                    timing.wallNanos()[i + 1] / NANOS_PER_SECOND,
                    timing.wallNanos()[i + 1] <= 0 ? 0.0 : frames * NANOS_PER_SECOND / timing.wallNanos()[i + 1]));
        }
        return lines;
    }
}

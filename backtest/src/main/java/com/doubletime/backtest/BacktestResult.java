package com.doubletime.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A backtest's outcome: what the plain replay saw (frames, windows and their census) and one ledger per latency, in
 * the order asked.
 *
 * @param startNanos the first frame's {@code recv_ns}
 * @param endNanos the last frame's {@code recv_ns}
 * @param warnings what would make the replay differ from the recorded run (docs/capture.md)
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
        List<String> warnings) {

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
        for (RunLedger run : runs) {
            lines.add(String.format(
                    Locale.ROOT,
                    "latency %d ms: %d trades (%d filled, %d partial, %d rejected, %d unfilled, %d unhedged), P&L %s"
                            + " on %s of capital, fees %s",
                    run.latencyMillis(),
                    run.trades(),
                    run.filled(),
                    run.partial(),
                    run.rejected(),
                    run.unfilled(),
                    run.unhedged(),
                    ReportHtml.money(run.pnl()),
                    ReportHtml.money(run.capitalUsed()),
                    ReportHtml.money(run.fees())));
        }
        return lines;
    }
}

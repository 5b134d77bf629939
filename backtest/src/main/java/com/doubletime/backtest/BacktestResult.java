package com.doubletime.backtest;

import java.nio.file.Path;
import java.util.List;

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
        List<String> warnings) {}

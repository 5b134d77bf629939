package com.doubletime.backtest;

import com.doubletime.domain.trade.TradeReport;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.feed.capture.MergedCapture;
import com.doubletime.monitor.ArbitrageEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest ({@code docs/backtest.md}): first the plain replay of the capture (the windows it opened, as replay
 * sees them), then one run per latency through the live parsers, books, detector and executor decision, each order
 * reaching its venue that many milliseconds of capture time later ({@link BacktestRun}). Every pass reads the capture
 * again, so a run's memory does not grow with the capture.
 */
public final class Backtest {
    /** How often (in lines) the progress line is offered an update: its clock is read no more often than this. */
    private static final int PROGRESS_EVERY_LINES = 4096;

    /** Where every trade of every run goes as it is reported (the command's {@code --trades FILE}). */
    @FunctionalInterface
    public interface TradeSink {
        void trade(long latencyMillis, TradeReport report);

        TradeSink NONE = (latency, report) -> {};
    }

    private Backtest() {}

    public static BacktestResult run(BacktestSettings settings, MergedCapture capture, ProgressLine progress)
            throws IOException {
        return run(settings, capture, progress, TradeSink.NONE);
    }

    public static BacktestResult run(
            BacktestSettings settings, MergedCapture capture, ProgressLine progress, TradeSink trades)
            throws IOException {
        int passes = 1 + settings.latenciesMillis().size();
        long bytesPerPass = capture.totalBytes();
        progress.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wallNanos = new long[passes];
        long[] cpuNanos = new long[passes];
        long wallStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();

        WindowCensus census = new WindowCensus();
        CapturePlayback plain =
                new CapturePlayback(new ArbitrageEngine(settings.pairs(), census), settings.kalshiUseYesPrice(), null);
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        long[] lines = {0};
        progress.passStarted();
        capture.read((line, captureLine) -> {
            if (captureLine && line.hasFrame()) {
                span[0] = Math.min(span[0], line.recvNanos());
                span[1] = Math.max(span[1], line.recvNanos());
            }
            plain.onLine(line, captureLine);
            if (++lines[0] % PROGRESS_EVERY_LINES == 0) {
                progress.update(1, passes, -1, plain.frames(), capture.bytesRead(), bytesPerPass);
            }
        });
        wallNanos[0] = System.nanoTime() - wallStart;
        cpuNanos[0] = threads.getCurrentThreadCpuTime() - cpuStart;
        List<String> warnings = new ArrayList<>(capture.warnings());
        boolean anyFrame = span[0] != Long.MAX_VALUE;
        census.finish(anyFrame ? span[1] : 0);

        List<RunLedger> runs = new ArrayList<>();
        int pass = 1;
        for (long latency : settings.latenciesMillis()) {
            int thisPass = ++pass;
            wallStart = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
            BacktestRun run = new BacktestRun(settings, latency, report -> trades.trade(latency, report));
            long[] runLines = {0};
            progress.passStarted();
            capture.read((CaptureLineReader line, boolean captureLine) -> {
                run.onLine(line, captureLine);
                if (++runLines[0] % PROGRESS_EVERY_LINES == 0) {
                    progress.update(
                            thisPass, passes, latency, run.playback().frames(), capture.bytesRead(), bytesPerPass);
                }
            });
            runs.add(run.finish());
            if (runs.size() == 1 && run.markets().unreadable() > 0) {
                // the same frames in every run: said once
                warnings.add(run.markets().unreadable() + " market lifecycle frame(s) could not be read and were"
                        + " skipped (the last: " + run.markets().lastError() + ")");
            }
            wallNanos[thisPass - 1] = System.nanoTime() - wallStart;
            cpuNanos[thisPass - 1] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        progress.done();
        return new BacktestResult(
                settings,
                capture.files(),
                plain.frames(),
                plain.malformed(),
                anyFrame ? span[0] : 0,
                anyFrame ? span[1] : 0,
                census,
                runs,
                warnings,
                new BacktestResult.Timing(wallNanos, cpuNanos));
    }
}

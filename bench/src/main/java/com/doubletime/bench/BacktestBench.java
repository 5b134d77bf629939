package com.doubletime.bench;

import com.doubletime.backtest.Backtest;
import com.doubletime.backtest.BacktestResult;
import com.doubletime.backtest.BacktestSettings;
import com.doubletime.backtest.ProgressLine;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.feed.capture.MergedCapture;
import com.doubletime.launcher.ReplayTool;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./double-time bench --backtest}: the backtest's throughput per latency run against the plain replay's, on the
 * seeded capture, in CPU time of the replaying thread (wall time on a shared machine also counts waiting for a core).
 * Each measured round replays the capture with the replay tool, then backtests it at 0, 25, 100 and 250 ms: every
 * latency is one more pass over the capture with the executor in the loop. The target: each latency run within 2× of
 * the replay (docs/performance.md). A benchmark, not a test: it prints, it asserts nothing.
 */
final class BacktestBench {
    private static final List<Long> LATENCIES = List.of(0L, 25L, 100L, 250L);
    private static final int CHUNK_BYTES = 1 << 17;
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private BacktestBench() {}

    static void run(Path dir, int rounds) throws Exception {
        Path pairsFile = dir.resolve("pairs.json");
        Path capture = dir.resolve("capture.jsonl");
        Vertx vertx = Vertx.vertx();
        List<MarketPair> pairs;
        try {
            pairs = PairsLoader.load(vertx, pairsFile).await();
        } finally {
            vertx.close().await();
        }
        BacktestSettings settings = new BacktestSettings(
                pairs,
                ExecutorConfig.DEFAULT,
                LATENCIES,
                false,
                BacktestSettings.DEFAULT_CASH,
                BacktestSettings.DEFAULT_CASH);
        System.out.println("backtest of " + capture + ": one warm-up round, then " + rounds + " measured rounds of the"
                + " replay tool and a backtest at " + LATENCIES + " ms (CPU seconds of the replaying thread)");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        String[] replayArgs = {"--pairs", pairsFile.toString(), "--capture", capture.toString()};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            ReplayTool.run(replayArgs, discard, discard);
            double replaySeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / NANOS_PER_SECOND;
            BacktestResult result = Backtest.run(settings, MergedCapture.of(capture, CHUNK_BYTES), ProgressLine.off());
            if (round == 0) {
                continue; // warm-up
            }
            long frames = result.frames();
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "round %d: replay tool %.3f s (%,.0f frames/s); backtest plain pass %.3f s",
                    round,
                    replaySeconds,
                    frames / replaySeconds,
                    result.timing().cpuNanos()[0] / NANOS_PER_SECOND));
            for (int i = 0; i < LATENCIES.size(); i++) {
                double seconds = result.timing().cpuNanos()[i + 1] / NANOS_PER_SECOND;
                line.append(String.format(
                        Locale.ROOT,
                        "; %d ms %.3f s (%,.0f frames/s, %.2f× the replay)",
                        LATENCIES.get(i),
                        seconds,
                        frames / seconds,
                        seconds / replaySeconds));
            }
            System.out.println(line);
        }
    }
}

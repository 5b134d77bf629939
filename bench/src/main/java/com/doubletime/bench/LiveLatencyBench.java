package com.doubletime.bench;

import com.doubletime.launcher.EmbeddedStack;
import com.doubletime.launcher.StackConfig;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code ./double-time bench --live}: frame-to-decision latency of the embedded stack (both feeds, the monitor, the
 * paper executor and the gateway in this JVM, Vert.x metrics on as in {@code run}) against the simulators' random
 * walk in a process of their own, for a generated pairs file of N pairs or any pairs file. What is measured is
 * exactly the monitor's {@code dt.monitor.frame.to.decision} timer (Prometheus
 * {@code dt_monitor_frame_to_decision_seconds}): each value it records also goes into an HdrHistogram (3 significant
 * digits), which is printed instead of the timer's coarse buckets. The first seconds are discarded (warm-up).
 */
final class LiveLatencyBench {
    static final String FRAME_TO_DECISION = "dt.monitor.frame.to.decision";
    private static final String TOKEN = "live-latency-bench-token-0123456789";
    private static final long HISTOGRAM_MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int HISTOGRAM_DIGITS = 3;
    private static final long SEED = 7;
    private static final long MILLI = 1_000_000;
    private static final long TEN_MICROS = 10_000;

    private static final double PERCENT = 100;

    private LiveLatencyBench() {}

    /** CPU time of this process (the stack; the simulators run in their own), all threads. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** What a live run measured, in nanoseconds. */
    record Result(String label, Histogram frameToDecision, double seconds, double cpuSeconds) {
        String format() {
            Histogram h = frameToDecision;
            return String.format(
                    Locale.ROOT,
                    "  %-34s %,9d frames (%,.0f/s)  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  stack CPU %.1f%% of a"
                            + " core%n",
                    label,
                    h.getTotalCount(),
                    h.getTotalCount() / seconds,
                    micros(h.getValueAtPercentile(50)),
                    micros(h.getValueAtPercentile(90)),
                    micros(h.getValueAtPercentile(99)),
                    micros(h.getValueAtPercentile(99.9)),
                    micros(h.getMaxValue()),
                    PERCENT * cpuSeconds / seconds);
        }
    }

    static String micros(long nanos) {
        if (nanos >= MILLI) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return nanos >= TEN_MICROS
                ? String.format(Locale.ROOT, "%.0f µs", nanos / 1e3)
                : String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    /**
     * @param pairs the generated pairs file's size, or 0 to use {@code pairsFile}
     * @param pairsFile used when {@code pairs} is 0 (the default pairs file: the second row)
     */
    static Result run(
            int pairs,
            Path pairsFile,
            long stepMillis,
            int windowEvery,
            int warmupSeconds,
            int seconds,
            EmbeddedStack.HandOff handOff)
            throws Exception {
        Path dir = Files.createTempDirectory("live-latency");
        Path file = pairs > 0
                ? Files.writeString(dir.resolve("pairs.json"), new CaptureGenerator(pairs, SEED).pairsJson())
                : pairsFile;
        String label = pairs > 0 ? pairs + " pairs" : file.getFileName() + " (" + countPairs(file) + " pairs)";
        System.out.printf(
                Locale.ROOT,
                "live frame-to-decision: %s, simulators in their own process (random walk, a step every %d ms,"
                        + " a window every %d steps), %d s warm-up, %d s measured, %s hand-off%n",
                label,
                stepMillis,
                windowEvery,
                warmupSeconds,
                seconds,
                handOff.name().toLowerCase(Locale.ROOT));
        RecordingRegistry registry = new RecordingRegistry(FRAME_TO_DECISION);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(
                                new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        EmbeddedStack stack = null;
        try (SimulatorChild simulator = SimulatorChild.start(
                "both",
                List.of(
                        "--serve",
                        "both",
                        "--pairs",
                        file.toString(),
                        "--step-millis",
                        Long.toString(stepMillis),
                        "--window-every",
                        Integer.toString(windowEvery)),
                null,
                false)) {
            StackConfig config = new StackConfig(
                    file, "127.0.0.1", 0, null, SEED, stepMillis, windowEvery, dir.resolve("trades.jsonl"), null);
            stack = EmbeddedStack.startAgainst(vertx, config, TOKEN, simulator.endpoints(), null, handOff)
                    .await(120, TimeUnit.SECONDS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            registry.recorder.reset();
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            Histogram measured = registry.recorder.getIntervalHistogram();
            Result result = new Result(
                    label, measured, (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpuStarted) / 1e9);
            System.out.print(result.format());
            return result;
        } finally {
            if (stack != null) {
                stack.stop().await(30, TimeUnit.SECONDS);
            }
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static int countPairs(Path pairsFile) throws Exception {
        return SimulatorProcess.markets(pairsFile).size();
    }

    /**
     * A registry that also records one timer's values into an HdrHistogram {@link Recorder} (lock-free for the
     * recording thread), so the benchmark reads the very values the monitor records.
     */
    static final class RecordingRegistry extends SimpleMeterRegistry {
        final Recorder recorder = new Recorder(HISTOGRAM_MAX_NANOS, HISTOGRAM_DIGITS);
        private final String timerName;

        RecordingRegistry(String timerName) {
            super(SimpleConfig.DEFAULT, Clock.SYSTEM);
            this.timerName = timerName;
        }

        @Override
        protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distribution, PauseDetector pauseDetector) {
            if (!id.getName().equals(timerName)) {
                return super.newTimer(id, distribution, pauseDetector);
            }
            return new CumulativeTimer(id, clock, distribution, pauseDetector, getBaseTimeUnit(), false) {
                @Override
                protected void recordNonNegative(long amount, TimeUnit unit) {
                    super.recordNonNegative(amount, unit);
                    recorder.recordValue(Math.min(HISTOGRAM_MAX_NANOS, unit.toNanos(amount)));
                }
            };
        }
    }
}

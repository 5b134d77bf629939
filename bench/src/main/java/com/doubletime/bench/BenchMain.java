package com.doubletime.bench;

import com.doubletime.executor.journal.JournalSync;
import com.doubletime.launcher.ReplayTool;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ./double-time bench}: generates the seeded capture (100 pairs, 1M frames unless told otherwise),
 * replays it through the replay tool and prints its summaries, runs the JMH hot-path benchmarks with the GC
 * profiler and prints time and allocation per operation, the signing benchmarks included, then the
 * live-against-simulators latency run ({@link WireToWireBench}). {@code --replay-only}, {@code --jmh-only},
 * {@code --signing} and {@code --wire-to-wire} run one part alone.
 */
public final class BenchMain {
    private static final int MEASURED_REPLAYS = 3;
    private static final int WARM_UP_REPLAYS = 2;
    private static final int DEFAULT_PAIRS = 100;
    private static final long DEFAULT_FRAMES = 1_000_000;
    private static final int DEFAULT_WINDOWS = 150;
    private static final int DEFAULT_WARMUP_WINDOWS = 30;
    /** Wire-to-wire: how long each window stays open, and the quiet time between windows. */
    private static final long WINDOW_OPEN_MILLIS = 300;

    private static final long WINDOW_GAP_MILLIS = 200;
    private static final long CAPTURE_SEED = 7;
    private static final int WINDOW_EVERY_FRAMES = 2_000;
    private static final int USAGE_WIDTH = 110;
    private static final int USAGE_ERROR = 2;
    private static final long MIB = 1 << 20;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int JMH_ITERATIONS_WARMUP = 3;
    private static final int JMH_ITERATIONS_MEASURED = 5;

    private BenchMain() {}

    /** The command line of {@code ./double-time bench}. */
    @Command(
            name = "./double-time bench",
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "Benchmarks: the seeded capture's replay (throughput, latency, CPU time), the JMH hot-path and signing"
                        + " suites, then wire-to-wire latency live against the simulators. With no option, all of"
                        + " them. Method and figures: docs/performance.md.",
                ""
            })
    static final class BenchOptions {
        @Option(names = "--replay-only", description = "only the replay of the seeded capture")
        boolean replayOnly;

        @Option(names = "--jmh-only", description = "only the JMH suites (hot path and signing)")
        boolean jmhOnly;

        @Option(names = "--signing", description = "only the JMH signing benchmarks")
        boolean signingOnly;

        @Option(names = "--wire-to-wire", description = "only the live-against-the-simulators latency run")
        boolean wireToWire;

        @Option(
                names = "--backtest",
                description = "only the backtest's throughput per latency run against the replay's, same capture")
        boolean backtest;

        @Option(names = "--pairs", paramLabel = "N", description = "pairs in the generated capture")
        int pairs = DEFAULT_PAIRS;

        @Option(names = "--frames", paramLabel = "N", description = "frames in the generated capture")
        long frames = DEFAULT_FRAMES;

        @Option(names = "--windows", paramLabel = "N", description = "wire-to-wire: measured windows")
        int windows = DEFAULT_WINDOWS;

        @Option(names = "--warmup-windows", paramLabel = "N", description = "wire-to-wire: windows discarded first")
        int warmup = DEFAULT_WARMUP_WINDOWS;

        @Option(
                names = "--journal-sync",
                paramLabel = "MODE",
                description = "wire-to-wire: fdatasync or write-only (the opt-in journal mode)")
        String journalSync = "fdatasync";

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help and exit")
        boolean help;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions();
        CommandLine line = new CommandLine(options).setUsageHelpWidth(USAGE_WIDTH);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            System.err.println("bench: " + e.getMessage().replace("Unknown option: ", "unknown option "));
            System.err.println("(./double-time bench --help lists every option)");
            System.exit(USAGE_ERROR);
            return;
        }
        if (line.isUsageHelpRequested()) {
            line.usage(System.out);
            return;
        }
        JournalSync journalSync;
        try {
            journalSync = JournalSync.fromWireName(options.journalSync);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: --journal-sync " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / MIB + " MiB");
        if (options.wireToWire) {
            WireToWireBench.run(options.windows, options.warmup, WINDOW_OPEN_MILLIS, WINDOW_GAP_MILLIS, journalSync);
            return;
        }
        if (options.backtest) {
            BacktestBench.run(captureDir(options.pairs, options.frames), MEASURED_REPLAYS);
            return;
        }
        if (options.signingOnly) {
            jmh(SigningBenchmarks.class.getName());
            return;
        }
        if (!options.jmhOnly) {
            replay(options.pairs, options.frames);
        }
        if (!options.replayOnly) {
            jmh(HotPathBenchmarks.class.getName(), SigningBenchmarks.class.getName());
        }
        if (!options.replayOnly && !options.jmhOnly) {
            System.out.println();
            System.out.println("wire-to-wire, live against the simulators (" + options.windows + " windows after "
                    + options.warmup + " warm-up)");
            WireToWireBench.run(options.windows, options.warmup, WINDOW_OPEN_MILLIS, WINDOW_GAP_MILLIS, journalSync);
        }
    }

    /** The seeded capture of {@code pairs} × {@code frames}, generated once into bench/target. */
    static Path captureDir(int pairs, long frames) throws Exception {
        Path dir = Path.of("bench", "target", "capture-" + pairs + "x" + frames);
        if (!Files.exists(dir.resolve("capture.jsonl"))) {
            System.out.println("generating " + dir + " (seed 7) ...");
            new CaptureGenerator(pairs, CAPTURE_SEED).write(dir, frames, WINDOW_EVERY_FRAMES);
        }
        return dir;
    }

    private static void replay(int pairs, long frames) throws Exception {
        Path dir = captureDir(pairs, frames);
        System.out.println("replay of " + dir.resolve("capture.jsonl") + " ("
                + Files.size(dir.resolve("capture.jsonl")) / MIB
                + " MiB): two warm-up runs, then " + MEASURED_REPLAYS
                + " measured runs (the replay's summary line each, then"
                + " the replaying thread's CPU time: on a shared machine, wall time also counts waiting for a core)");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        String[] replayArgs = {
            "--pairs",
            dir.resolve("pairs.json").toString(),
            "--capture",
            dir.resolve("capture.jsonl").toString()
        };
        for (int warmUp = 0; warmUp < WARM_UP_REPLAYS; warmUp++) {
            ReplayTool.run(replayArgs, discard, discard);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= MEASURED_REPLAYS; run++) {
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            long cpuStart = threads.getCurrentThreadCpuTime();
            ReplayTool.run(replayArgs, discard, new PrintStream(summary, true, StandardCharsets.UTF_8));
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / NANOS_PER_SECOND;
            String line = summary.toString(StandardCharsets.UTF_8).strip();
            long replayed = Long.parseLong(line.replaceAll("^\\{\"frames\":(\\d+),.*$", "$1"));
            System.out.println(line);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %.3f CPU seconds, %,.0f frames per CPU second%n",
                    run,
                    cpuSeconds,
                    replayed / cpuSeconds);
        }
    }

    private static void jmh(String... benchmarkClasses) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        for (String benchmarks : benchmarkClasses) {
            builder.include(benchmarks);
        }
        Options options = builder.forks(1)
                .warmupIterations(JMH_ITERATIONS_WARMUP)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(JMH_ITERATIONS_MEASURED)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx2g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %14s %14s%n", "benchmark", "ns/op", "bytes/op");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            var alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %8.1f ± %-5.1f %12.1f%n",
                    name,
                    score,
                    error,
                    alloc == null ? Double.NaN : alloc.getScore());
        }
    }
}

package com.doubletime.bench;

import com.doubletime.executor.journal.JournalSync;
import com.doubletime.launcher.EmbeddedStack;
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
import java.util.List;
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
 * {@code ./double-time bench}: the four measurements of issue 17 and what they are held against — live
 * frame-to-decision latency of the embedded stack (N pairs, and the default pairs file) with the simulators in their
 * own process ({@link LiveLatencyBench}), wire-to-wire latency with one simulator process per venue
 * ({@link WireToWireBench}), a cold {@code ./double-time replay} of the seeded capture with sparse and dense windows
 * ({@link ColdReplayBench}) and its latency on the frames that open or change a window — then a table of the targets.
 * {@code --all} adds the in-JVM warm replay and the JMH suites; each part also runs alone. Method and figures:
 * docs/performance.md.
 */
public final class BenchMain {
    private static final int MEASURED_REPLAYS = 3;
    private static final int WARM_UP_REPLAYS = 2;
    private static final int DEFAULT_PAIRS = 100;
    private static final long DEFAULT_FRAMES = 600_000;
    private static final int DEFAULT_WINDOWS = 150;
    private static final int DEFAULT_WARMUP_WINDOWS = 30;
    private static final int DEFAULT_LIVE_PAIRS = 1_000;
    private static final int DEFAULT_LIVE_SECONDS = 60;
    private static final int DEFAULT_LIVE_WARMUP_SECONDS = 20;
    private static final long DEFAULT_STEP_MILLIS = 500;
    private static final int DEFAULT_WINDOW_EVERY = 20;
    private static final int DEFAULT_COLD_RUNS = 3;
    /** Wire-to-wire: how long each window stays open, and the quiet time between windows. */
    private static final long WINDOW_OPEN_MILLIS = 300;

    private static final long WINDOW_GAP_MILLIS = 200;
    private static final int USAGE_WIDTH = 110;
    private static final int USAGE_ERROR = 2;
    private static final long MIB = 1 << 20;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int JMH_ITERATIONS_WARMUP = 3;
    private static final int JMH_ITERATIONS_MEASURED = 5;
    private static final Path DEFAULT_PAIRS_FILE = Path.of("config", "pairs.example.json");

    /** Issue 17's targets. */
    private static final long LIVE_P99_TARGET_NANOS = 100_000;

    private static final long LIVE_DEFAULT_PAIRS_P99_TARGET_NANOS = 50_000;
    private static final long WIRE_P50_TARGET_NANOS = 1_000_000;
    private static final long WIRE_P99_TARGET_NANOS = 5_000_000;
    private static final double COLD_REPLAY_TARGET_FRAMES_PER_SECOND = 200_000;
    private static final long WINDOW_FRAME_P99_TARGET_NANOS = 10_000;

    private BenchMain() {}

    /** The command line of {@code ./double-time bench}. */
    @Command(
            name = "./double-time bench",
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "Benchmarks. With no part named: live frame-to-decision (N pairs, then the default pairs file),"
                        + " wire-to-wire, cold replays (sparse and dense windows), then the targets met or not."
                        + " The simulators always run in processes of their own. Method and figures:"
                        + " docs/performance.md.",
                ""
            })
    static final class BenchOptions {
        @Option(names = "--live", description = "only live frame-to-decision latency (N pairs, then the default file)")
        boolean live;

        @Option(names = "--wire-to-wire", description = "only wire-to-wire latency against the simulators")
        boolean wireToWire;

        @Option(names = "--cold-replay", description = "only cold replays (fresh ./double-time replay processes)")
        boolean coldReplay;

        @Option(
                names = {"--warm-replay", "--replay-only"},
                description = "only the in-JVM replay: two warm-up runs, three measured (CPU time included)")
        boolean warmReplay;

        @Option(names = "--jmh-only", description = "only the JMH suites (hot path and signing)")
        boolean jmhOnly;

        @Option(names = "--signing", description = "only the JMH signing benchmarks")
        boolean signingOnly;

        @Option(names = "--all", description = "everything: the four measurements, the warm replay and the JMH suites")
        boolean all;

        @Option(
                names = "--backtest",
                description = "only the backtest's throughput per latency run against the replay's, same capture")
        boolean backtest;

        @Option(names = "--live-pairs", paramLabel = "N", description = "live: pairs in the generated pairs file")
        int livePairs = DEFAULT_LIVE_PAIRS;

        @Option(names = "--live-seconds", paramLabel = "N", description = "live: seconds measured per pairs file")
        int liveSeconds = DEFAULT_LIVE_SECONDS;

        @Option(names = "--live-warmup-seconds", paramLabel = "N", description = "live: seconds discarded first")
        int liveWarmupSeconds = DEFAULT_LIVE_WARMUP_SECONDS;

        @Option(
                names = "--step-millis",
                paramLabel = "N",
                description = "live: the simulators' random walk steps every N ms (every market requoted)")
        long stepMillis = DEFAULT_STEP_MILLIS;

        @Option(names = "--window-every", paramLabel = "N", description = "live: a buy-both window every N steps")
        int windowEvery = DEFAULT_WINDOW_EVERY;

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
                names = "--simulators",
                paramLabel = "WHERE",
                description = "wire-to-wire: per-venue (a process each), one-process, or in-process (the stack's JVM)")
        String simulators = "per-venue";

        @Option(
                names = "--warm-up-orders",
                paramLabel = "N",
                description = "wire-to-wire: throwaway orders per venue through each gateway against a loopback sink"
                        + " before the executor starts")
        int warmUpOrders = EmbeddedStack.Live.DEFAULT_WARM_UP_ORDERS;

        @Option(
                names = "--hand-off",
                paramLabel = "HOW",
                description =
                        "live and wire-to-wire: local (feeds, monitor and executor on one event loop, plain calls;"
                                + " what run does) or bus (each on its own loop, over the event bus, as separate processes)")
        String handOff = "local";

        @Option(names = "--pairs", paramLabel = "N", description = "replays: pairs in the generated capture")
        int pairs = DEFAULT_PAIRS;

        @Option(names = "--frames", paramLabel = "N", description = "replays: frames in the generated capture")
        long frames = DEFAULT_FRAMES;

        @Option(
                names = "--capture-windows",
                paramLabel = "KIND",
                description = "replays: sparse (a window every 2,000 frames), dense (about 1 frame in 45 opens or"
                        + " changes one), or both")
        String captureWindows = "both";

        @Option(names = "--cold-runs", paramLabel = "N", description = "cold replay: fresh processes per capture")
        int coldRuns = DEFAULT_COLD_RUNS;

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
            check(options);
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
        JournalSync journalSync = JournalSync.fromWireName(options.journalSync);
        EmbeddedStack.HandOff handOff = EmbeddedStack.HandOff.valueOf(options.handOff.toUpperCase(Locale.ROOT));
        WireToWireBench.Placement placement = WireToWireBench.Placement.valueOf(
                options.simulators.toUpperCase(Locale.ROOT).replace('-', '_'));
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s, max heap %d MiB, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / MIB,
                loadAverage());
        if (options.backtest) {
            BacktestBench.run(
                    ColdReplayBench.capture(options.pairs, options.frames, "sparse", CaptureGenerator.Windows.SPARSE),
                    MEASURED_REPLAYS);
            return;
        }
        if (options.signingOnly) {
            jmh(SigningBenchmarks.class.getName());
            return;
        }
        if (options.jmhOnly) {
            jmh(HotPathBenchmarks.class.getName(), SigningBenchmarks.class.getName());
            return;
        }
        if (options.warmReplay) {
            warmReplays(options);
            return;
        }
        boolean four = !options.live && !options.wireToWire && !options.coldReplay;
        Targets targets = new Targets();
        if (four || options.live) {
            targets.live = LiveLatencyBench.run(
                    options.livePairs,
                    null,
                    options.stepMillis,
                    options.windowEvery,
                    options.liveWarmupSeconds,
                    options.liveSeconds,
                    handOff);
            targets.liveDefault = LiveLatencyBench.run(
                    0,
                    DEFAULT_PAIRS_FILE,
                    options.stepMillis,
                    options.windowEvery,
                    options.liveWarmupSeconds,
                    options.liveSeconds,
                    handOff);
            System.out.println();
        }
        if (four || options.wireToWire) {
            targets.wireToWire = WireToWireBench.run(
                    options.windows,
                    options.warmup,
                    WINDOW_OPEN_MILLIS,
                    WINDOW_GAP_MILLIS,
                    journalSync,
                    placement,
                    options.warmUpOrders,
                    handOff);
            System.out.println();
        }
        if (four || options.coldReplay) {
            if (!options.captureWindows.equals("dense")) {
                targets.coldSparse = ColdReplayBench.run(
                        ColdReplayBench.capture(
                                options.pairs, options.frames, "sparse", CaptureGenerator.Windows.SPARSE),
                        "sparse",
                        options.coldRuns);
            }
            if (!options.captureWindows.equals("sparse")) {
                targets.coldDense = ColdReplayBench.run(
                        ColdReplayBench.capture(options.pairs, options.frames, "dense", CaptureGenerator.Windows.DENSE),
                        "dense",
                        options.coldRuns);
            }
            System.out.println();
        }
        if (options.all) {
            warmReplays(options);
            jmh(HotPathBenchmarks.class.getName(), SigningBenchmarks.class.getName());
        }
        System.out.print(targets.table(options.livePairs));
    }

    private static void check(BenchOptions options) {
        CommandLine spec = new CommandLine(options);
        if (!List.of("per-venue", "one-process", "in-process").contains(options.simulators)) {
            throw new ParameterException(
                    spec, "--simulators per-venue, one-process or in-process, got " + options.simulators);
        }
        if (!List.of("local", "bus").contains(options.handOff)) {
            throw new ParameterException(spec, "--hand-off local or bus, got " + options.handOff);
        }
        if (!List.of("sparse", "dense", "both").contains(options.captureWindows)) {
            throw new ParameterException(
                    spec, "--capture-windows sparse, dense or both, got " + options.captureWindows);
        }
        try {
            JournalSync.fromWireName(options.journalSync);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec, "--journal-sync " + e.getMessage());
        }
        if (options.livePairs < 1 || options.liveSeconds < 1 || options.liveWarmupSeconds < 0) {
            throw new ParameterException(spec, "--live-pairs and --live-seconds must be 1 or more");
        }
        if (options.stepMillis < 1 || options.windowEvery < 1 || options.coldRuns < 1) {
            throw new ParameterException(spec, "--step-millis, --window-every and --cold-runs must be 1 or more");
        }
        if (options.warmUpOrders < 0) {
            throw new ParameterException(spec, "--warm-up-orders must be 0 or more");
        }
        if (options.windows < 1 || options.warmup < 0 || options.pairs < 1 || options.frames < 1) {
            throw new ParameterException(spec, "--windows, --pairs and --frames must be 1 or more");
        }
    }

    /** The one-minute load average (other work on the machine), or -1 where the system does not say. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** What was measured, held against issue 17's targets. */
    private static final class Targets {
        LiveLatencyBench.Result live;
        LiveLatencyBench.Result liveDefault;
        WindowLatencies.Summary wireToWire;
        List<ColdReplayBench.Run> coldSparse;
        List<ColdReplayBench.Run> coldDense;

        String table(int livePairs) {
            StringBuilder out = new StringBuilder("issue 17's targets (ranges over the runs above):\n");
            if (live != null) {
                long p99 = live.frameToDecision().getValueAtPercentile(99);
                row(
                        out,
                        "live frame-to-decision, " + livePairs + " pairs, p99",
                        LiveLatencyBench.micros(p99),
                        "<= 100 µs",
                        p99 <= LIVE_P99_TARGET_NANOS);
            }
            if (liveDefault != null) {
                long p99 = liveDefault.frameToDecision().getValueAtPercentile(99);
                row(
                        out,
                        "live frame-to-decision, default pairs, p99",
                        LiveLatencyBench.micros(p99),
                        "<= 50 µs",
                        p99 <= LIVE_DEFAULT_PAIRS_P99_TARGET_NANOS);
            }
            if (wireToWire != null && wireToWire.measured() > 0) {
                long p50 = wireToWire.bothLegs().getValueAtPercentile(50);
                long p99 = wireToWire.bothLegs().getValueAtPercentile(99);
                row(
                        out,
                        "wire-to-wire, both legs",
                        "p50 " + millis(p50) + ", p99 " + millis(p99),
                        "p50 <= 1 ms, p99 <= 5 ms",
                        p50 <= WIRE_P50_TARGET_NANOS && p99 <= WIRE_P99_TARGET_NANOS);
            }
            coldRows(out, "sparse", coldSparse);
            coldRows(out, "dense", coldDense);
            return out.toString();
        }

        private static void coldRows(StringBuilder out, String name, List<ColdReplayBench.Run> runs) {
            if (runs == null || runs.isEmpty()) {
                return;
            }
            double low = runs.stream()
                    .mapToDouble(ColdReplayBench.Run::framesPerSecond)
                    .min()
                    .orElse(0);
            double high = runs.stream()
                    .mapToDouble(ColdReplayBench.Run::framesPerSecond)
                    .max()
                    .orElse(0);
            row(
                    out,
                    "cold replay, " + name + " windows",
                    String.format(Locale.ROOT, "%,.0f-%,.0f frames/s", low, high),
                    ">= 200,000 frames/s",
                    low >= COLD_REPLAY_TARGET_FRAMES_PER_SECOND);
            long best = runs.stream()
                    .mapToLong(ColdReplayBench.Run::windowP99)
                    .min()
                    .orElse(0);
            long worst = runs.stream()
                    .mapToLong(ColdReplayBench.Run::windowP99)
                    .max()
                    .orElse(0);
            row(
                    out,
                    "replay p99, frames opening/changing a window (" + name + ", cold)",
                    LiveLatencyBench.micros(best) + "-" + LiveLatencyBench.micros(worst),
                    "<= 10 µs",
                    worst <= WINDOW_FRAME_P99_TARGET_NANOS);
        }

        private static void row(StringBuilder out, String what, String measured, String target, boolean met) {
            out.append(String.format(
                    Locale.ROOT, "  %-58s %-30s target %-26s %s%n", what, measured, target, met ? "met" : "NOT met"));
        }

        private static String millis(long nanos) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
    }

    private static void warmReplays(BenchOptions options) throws Exception {
        if (!options.captureWindows.equals("dense")) {
            replay(ColdReplayBench.capture(options.pairs, options.frames, "sparse", CaptureGenerator.Windows.SPARSE));
        }
        if (!options.captureWindows.equals("sparse")) {
            replay(ColdReplayBench.capture(options.pairs, options.frames, "dense", CaptureGenerator.Windows.DENSE));
        }
    }

    private static void replay(Path dir) throws Exception {
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

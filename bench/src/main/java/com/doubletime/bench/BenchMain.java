package com.doubletime.bench;

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

/**
 * {@code ./double-time bench}: generates the seeded capture (100 pairs, 1M frames unless told otherwise),
 * replays it through the replay tool and prints its summaries, runs the JMH hot-path benchmarks with the GC
 * profiler and prints time and allocation per operation, the signing benchmarks included, then the
 * live-against-simulators latency run ({@link WireToWireBench}). {@code --replay-only}, {@code --jmh-only},
 * {@code --signing} and {@code --wire-to-wire} run one part alone.
 */
public final class BenchMain {
    private static final int MEASURED_REPLAYS = 3;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        int pairs = 100;
        long frames = 1_000_000;
        boolean replayOnly = false;
        boolean jmhOnly = false;
        boolean wireToWire = false;
        boolean signingOnly = false;
        int windows = 150;
        int warmup = 30;
        String journalSync = "fdatasync";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--frames" -> frames = Long.parseLong(args[++i]);
                case "--replay-only" -> replayOnly = true;
                case "--jmh-only" -> jmhOnly = true;
                case "--wire-to-wire" -> wireToWire = true;
                case "--signing" -> signingOnly = true;
                case "--windows" -> windows = Integer.parseInt(args[++i]);
                case "--warmup-windows" -> warmup = Integer.parseInt(args[++i]);
                case "--journal-sync" -> journalSync = args[++i];
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i]
                                    + " (use --pairs N --frames N --replay-only --jmh-only --signing, or --wire-to-wire [--windows N --warmup-windows N --journal-sync fdatasync|write-only])");
            }
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        if (wireToWire) {
            WireToWireBench.run(
                    windows, warmup, 300, 200, com.doubletime.executor.journal.JournalSync.fromWireName(journalSync));
            return;
        }
        if (signingOnly) {
            jmh(SigningBenchmarks.class.getName());
            return;
        }
        if (!jmhOnly) {
            replay(pairs, frames);
        }
        if (!replayOnly) {
            jmh(HotPathBenchmarks.class.getName(), SigningBenchmarks.class.getName());
        }
        if (!replayOnly && !jmhOnly) {
            System.out.println();
            System.out.println(
                    "wire-to-wire, live against the simulators (" + windows + " windows after " + warmup + " warm-up)");
            WireToWireBench.run(
                    windows, warmup, 300, 200, com.doubletime.executor.journal.JournalSync.fromWireName(journalSync));
        }
    }

    private static void replay(int pairs, long frames) throws Exception {
        Path dir = Path.of("bench", "target", "capture-" + pairs + "x" + frames);
        if (!Files.exists(dir.resolve("capture.jsonl"))) {
            System.out.println("generating " + dir + " (seed 7) ...");
            new CaptureGenerator(pairs, 7).write(dir, frames, 2_000);
        }
        System.out.println("replay of " + dir.resolve("capture.jsonl") + " ("
                + Files.size(dir.resolve("capture.jsonl")) / (1 << 20)
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
        ReplayTool.run(replayArgs, discard, discard);
        ReplayTool.run(replayArgs, discard, discard);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= MEASURED_REPLAYS; run++) {
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            long cpuStart = threads.getCurrentThreadCpuTime();
            ReplayTool.run(replayArgs, discard, new PrintStream(summary, true, StandardCharsets.UTF_8));
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
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
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
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

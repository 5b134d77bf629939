package com.doubletime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./double-time bench --cold-replay}: what a trader gets from replaying a capture once. Each run is a fresh
 * {@code ./double-time replay} process (the launcher script, its JVM options included) on the seeded capture,
 * sparse and dense windows ({@link CaptureGenerator.Windows}); the replay's own summary gives frames per second
 * (reading the capture included, JVM start excluded), the per-frame latency and the latency of the frames that
 * opened or changed a window; the process's wall time and CPU time (every thread: the JIT compilers work for a cold
 * run too) are measured around it.
 */
final class ColdReplayBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CAPTURE_SEED = 7;
    private static final long RUN_TIMEOUT_MINUTES = 10;
    /** Bash's {@code times}: the shell's user and system time, then its children's. */
    private static final Pattern TIMES =
            Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double SECONDS_PER_MINUTE = 60;
    /** Where ./double-time keeps the replay's class data sharing archive. */
    private static final Path CLASS_ARCHIVES = Path.of("launcher", "target", "cds");

    private ColdReplayBench() {}

    /** One cold replay. */
    record Run(
            long frames,
            double framesPerSecond,
            long p50,
            long p99,
            long windowFrames,
            long windowP50,
            long windowP99,
            long windowP999,
            double wallSeconds,
            double cpuSeconds,
            double load,
            boolean wroteClassArchive) {
        String format() {
            return String.format(
                    Locale.ROOT,
                    "    %,9.0f frames/s  frame p50 %s p99 %s | %,d window frames (1 in %.0f) p50 %s p99 %s p99.9 %s"
                            + " | process %.2f s wall, %.2f s CPU | load %.2f%s%n",
                    framesPerSecond,
                    LiveLatencyBench.micros(p50),
                    LiveLatencyBench.micros(p99),
                    windowFrames,
                    windowFrames == 0 ? 0.0 : (double) frames / windowFrames,
                    LiveLatencyBench.micros(windowP50),
                    LiveLatencyBench.micros(windowP99),
                    LiveLatencyBench.micros(windowP999),
                    wallSeconds,
                    cpuSeconds,
                    load,
                    wroteClassArchive ? " | first since the build: wrote the class archive" : "");
        }
    }

    /** The seeded capture for {@code windows}, written once into bench/target. */
    static Path capture(int pairs, long frames, String name, CaptureGenerator.Windows windows) throws IOException {
        Path dir = Path.of("bench", "target", "capture-" + pairs + "x" + frames + "-" + name);
        if (!Files.exists(dir.resolve("capture.jsonl"))) {
            System.out.println("generating " + dir + " (seed " + CAPTURE_SEED + ", windows " + windows + ") ...");
            new CaptureGenerator(pairs, CAPTURE_SEED).write(dir, frames, windows);
        }
        return dir;
    }

    static List<Run> run(Path captureDir, String name, int runs) throws IOException, InterruptedException {
        Path script = Path.of("double-time");
        if (!Files.isExecutable(script)) {
            throw new IOException("--cold-replay runs ./double-time replay: start the bench from the project's root");
        }
        System.out.printf(
                Locale.ROOT,
                "cold replay, %s windows: %d fresh ./double-time replay processes on %s (%d MiB)%n",
                name,
                runs,
                captureDir.resolve("capture.jsonl"),
                Files.size(captureDir.resolve("capture.jsonl")) >> 20);
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run run = once(script, captureDir);
            System.out.print(run.format());
            results.add(run);
        }
        return results;
    }

    private static Run once(Path script, Path captureDir) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("cold-replay-", ".err");
        double load = BenchMain.loadAverage();
        FileTime before = FileTime.from(Instant.now().minusSeconds(1));
        String command = "./" + script + " replay --pairs " + quote(captureDir.resolve("pairs.json")) + " --capture "
                + quote(captureDir.resolve("capture.jsonl")) + " --out /dev/null; status=$?; times >&2; exit $status";
        long started = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(
                    "a cold replay took over " + RUN_TIMEOUT_MINUTES + " minutes (its stderr: " + stderr + ")");
        }
        double wall = (System.nanoTime() - started) / NANOS_PER_SECOND;
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("./double-time replay exited " + process.exitValue() + ": " + err.strip());
        }
        JsonNode summary = null;
        for (String line : err.split("\n")) {
            if (line.startsWith("{\"frames\"")) {
                summary = JSON.readTree(line);
            }
        }
        Matcher times = TIMES.matcher(err);
        if (summary == null || !times.find()) {
            throw new IOException("no replay summary or CPU times in: " + err.strip());
        }
        Files.delete(stderr);
        double cpu =
                minutesAndSeconds(times.group(5), times.group(6)) + minutesAndSeconds(times.group(7), times.group(8));
        return new Run(
                summary.get("frames").asLong(),
                summary.get("framesPerSecond").asDouble(),
                summary.at("/latencyNanos/p50").asLong(),
                summary.at("/latencyNanos/p99").asLong(),
                summary.get("windowFrames").asLong(),
                summary.at("/windowLatencyNanos/p50").asLong(),
                summary.at("/windowLatencyNanos/p99").asLong(),
                summary.at("/windowLatencyNanos/p999").asLong(),
                wall,
                cpu,
                load,
                wroteClassArchiveSince(before));
    }

    /** Whether ./double-time replay wrote its class data sharing archive (the first replay of a build does). */
    private static boolean wroteClassArchiveSince(FileTime before) throws IOException {
        if (!Files.isDirectory(CLASS_ARCHIVES)) {
            return false;
        }
        try (Stream<Path> archives = Files.list(CLASS_ARCHIVES)) {
            return archives.anyMatch(path -> path.getFileName().toString().matches("replay-.*\\.jsa")
                    && modified(path).compareTo(before) > 0);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // removed meanwhile
        }
    }

    private static double minutesAndSeconds(String minutes, String seconds) {
        return Long.parseLong(minutes) * SECONDS_PER_MINUTE + Double.parseDouble(seconds);
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}

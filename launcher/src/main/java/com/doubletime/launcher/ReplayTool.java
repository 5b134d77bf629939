package com.doubletime.launcher;

import com.doubletime.backtest.CapturePlayback;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.feed.capture.MergedCapture;
import com.doubletime.monitor.ArbitrageEngine;
import io.vertx.core.Vertx;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The replay tool ({@code docs/replay.md}): feeds a capture ({@code docs/capture.md}) — one file, or the directory
 * {@code run --record} wrote, its venue files merged by {@code recv_ns} — through the live system's parsers,
 * sessions, books and detector in one thread, as fast as it can, writing opportunity events as JSON lines,
 * optionally the final books, and a JSON summary line on stderr. Exits 1 when no frame could be read.
 *
 * <pre>
 * ./double-time replay --pairs PAIRS --capture FILE|DIR [--out FILE] [--dump-books FILE] [--kalshi-use-yes-price]
 * </pre>
 */
public final class ReplayTool {
    static final String COMMAND = "replay";
    /**
     * Large enough that a read call costs nothing per line, small enough that the chunk the kernel just
     * copied is still in the core's L2 cache when its lines are decoded (1 MiB measured slower); a longer
     * line grows the buffer.
     */
    static final int CHUNK_BYTES = 1 << 17;

    private final ArbitrageEngine engine;
    private final CapturePlayback playback;
    private final Histogram latency = new Histogram(HISTOGRAM_MAX_NANOS, HISTOGRAM_DIGITS);
    private final Writer out;
    private long opportunities;
    private final CaptureLineReader reader = new CaptureLineReader();
    private static final int OUTPUT_BUFFER_BYTES = 1 << 16;
    private static final long HISTOGRAM_MAX_NANOS = 3_600_000_000_000L;
    private static final int HISTOGRAM_DIGITS = 3;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MEDIAN = 50;
    private static final double P99 = 99;
    private static final double P999 = 99.9;

    /**
     * @param kalshiUseYesPrice how the capture's Kalshi subscription was made: captures carry no subscribe
     *                          command, so this says whether NO levels are in YES-price terms (the venue's
     *                          default today is false)
     */
    public ReplayTool(List<MarketPair> pairs, Writer out, boolean kalshiUseYesPrice) {
        this.out = out;
        this.engine = new ArbitrageEngine(pairs, event -> {
            opportunities++;
            try {
                out.write(OpportunityJson.write(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.playback = new CapturePlayback(engine, kalshiUseYesPrice, null);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the replay as {@code ./double-time replay} does: 0 when frames were read, 1 when none could be (the
     * summary and a line saying so are still printed), 2 for a bad command line or pairs file.
     */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) throws Exception {
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, stdout, stderr);
        if (!parsed.run()) {
            return parsed.exitCode();
        }
        Options arguments = parsed.options();
        List<MarketPair> pairs;
        Vertx vertx = Vertx.vertx();
        try {
            pairs = PairsLoader.load(vertx, arguments.input.pairs).await();
        } catch (PairsFileException e) {
            return Cli.usageError(COMMAND, e.getMessage(), stderr);
        } finally {
            vertx.close().await();
        }
        MergedCapture capture;
        try {
            capture = MergedCapture.of(arguments.input.capture, CHUNK_BYTES);
        } catch (IllegalArgumentException e) {
            return Cli.usageError(COMMAND, e.getMessage(), stderr);
        }
        Writer out = arguments.out == null
                ? new OutputStreamWriter(stdout, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(arguments.out, StandardCharsets.UTF_8);
        ReplayTool replay =
                new ReplayTool(pairs, new BufferedWriter(out, OUTPUT_BUFFER_BYTES), arguments.input.kalshiUseYesPrice);
        long started = System.nanoTime();
        capture.read(replay::onRead);
        double seconds = (System.nanoTime() - started) / NANOS_PER_SECOND;
        replay.out.flush();
        if (arguments.out != null) {
            replay.out.close();
        }
        if (arguments.dumpBooks != null) {
            Files.writeString(arguments.dumpBooks, replay.engine.dumpBooksJson() + "\n", StandardCharsets.UTF_8);
        }
        for (String warning : capture.warnings()) {
            stderr.println(COMMAND + ": warning: " + warning);
        }
        if (replay.readFrames() == 0) {
            stderr.println(COMMAND + ": no frame could be read from " + arguments.input.capture + " ("
                    + replay.playback.frames() + " lines, " + replay.playback.malformed()
                    + " malformed): is it a capture (docs/capture.md)?");
            stderr.println(replay.summaryJson(seconds));
            return Cli.FAILED;
        }
        stderr.println(replay.summaryJson(seconds));
        return Cli.OK;
    }

    /** One capture line: a frame to parse and evaluate, or a connection event. */
    public void onLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        onLine(bytes, 0, bytes.length);
    }

    /**
     * One capture line as UTF-8 bytes {@code line[start, end)}, without its terminator: a frame to parse
     * and evaluate, or a connection event. Invalid UTF-8 is a malformed line, like any other bad input.
     */
    public void onLine(byte[] line, int start, int end) {
        boolean captureLine = reader.read(line, start, end);
        if (!reader.blank()) {
            onRead(reader, captureLine);
        }
    }

    /**
     * The line {@code reader} has just read, which was not blank: blank lines were never frames. Latency is timed per
     * frame handed to a session, from the start of parsing to the end of evaluating the pairs it touched.
     */
    private void onRead(CaptureLineReader reader, boolean captureLine) {
        long parseStart = System.nanoTime();
        if (playback.onLine(reader, captureLine)) {
            latency.recordValue(Math.max(0, System.nanoTime() - parseStart));
        }
    }

    /** Why frames were skipped, both venues' reasons summed; a line that is no capture line is {@code capture_line}. */
    private String malformedByReason() {
        StringBuilder out = new StringBuilder("{");
        playback.malformedByReason()
                .forEach((reason, count) -> out.append(out.length() > 1 ? "," : "")
                        .append('"')
                        .append(reason)
                        .append("\":")
                        .append(count));
        return out.append('}').toString();
    }

    /** Frames read and handed to a session without being found malformed. */
    long readFrames() {
        return playback.readFrames();
    }

    public String summaryJson(double seconds) {
        long frames = playback.frames();
        long malformed = playback.malformed();
        double perSecond = seconds > 0 ? frames / seconds : 0;
        return "{\"frames\":" + frames
                + ",\"opportunities\":" + opportunities
                + ",\"malformed\":" + malformed
                + ",\"malformedByReason\":" + malformedByReason()
                + ",\"divergedBooks\":" + playback.divergedBooks()
                + ",\"gaps\":" + playback.gaps()
                + ",\"duplicates\":" + playback.duplicates()
                + ",\"seconds\":" + String.format(Locale.ROOT, "%.6f", seconds)
                + ",\"framesPerSecond\":" + Math.round(perSecond)
                + ",\"latencyNanos\":{\"p50\":" + latency.getValueAtPercentile(MEDIAN)
                + ",\"p99\":" + latency.getValueAtPercentile(P99)
                + ",\"p999\":" + latency.getValueAtPercentile(P999)
                + ",\"max\":" + latency.getMaxValue() + "}}";
    }

    public ArbitrageEngine engine() {
        return engine;
    }

    /** The command line of {@code ./double-time replay}. */
    @Command(
            name = COMMAND,
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "Feeds a capture through the live system's parsers, books and detector, as fast as it can: opportunity"
                        + " events to stdout (or --out), one JSON line each; a JSON summary line to stderr. Exits 1"
                        + " when no frame could be read.",
                ""
            })
    static final class Options {
        @Mixin
        CaptureInput input = new CaptureInput();

        @Option(names = "--out", paramLabel = "FILE", description = "opportunity events here instead of stdout")
        Path out;

        @Option(names = "--dump-books", paramLabel = "FILE", description = "the final books (docs/book-dump.md)")
        Path dumpBooks;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help and exit")
        boolean help;
    }
}

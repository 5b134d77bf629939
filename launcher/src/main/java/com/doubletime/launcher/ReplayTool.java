package com.doubletime.launcher;

import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.kalshi.KalshiBookSession;
import com.doubletime.monitor.ArbitrageEngine;
import com.doubletime.polymarket.PolymarketBookSession;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The replay tool (contracts §3): feeds a capture (§2) through the live system's parsers, sessions,
 * books and detector in one thread, as fast as it can, writing opportunity events (§4) as JSON lines,
 * optionally the final books (§5), and a JSON summary line on stderr.
 *
 * <pre>
 * ./double-time replay --pairs PAIRS --capture FILE [--out FILE] [--dump-books FILE] [--kalshi-use-yes-price]
 * </pre>
 */
public final class ReplayTool {
    /**
     * Large enough that a read call costs nothing per line, small enough that the chunk the kernel just
     * copied is still in the core's L2 cache when its lines are decoded (1 MiB measured slower); a longer
     * line grows the buffer.
     */
    static final int CHUNK_BYTES = 1 << 17;

    private final ArbitrageEngine engine;
    private final KalshiBookSession kalshi;
    private final PolymarketBookSession polymarket;
    private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
    private final Writer out;
    private long frames;
    private long malformedLines;
    private long opportunities;
    private final CaptureLineReader reader = new CaptureLineReader();

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
                throw new java.io.UncheckedIOException(e);
            }
        });
        this.kalshi = new KalshiBookSession(engine, kalshiUseYesPrice, null);
        this.polymarket = new PolymarketBookSession(engine);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println("replay: " + e.getMessage());
            stderr.println(
                    "usage: double-time replay --pairs PAIRS --capture FILE [--out FILE] [--dump-books FILE] [--kalshi-use-yes-price]");
            return 2;
        }
        List<MarketPair> pairs;
        Vertx vertx = Vertx.vertx();
        try {
            pairs = PairsLoader.load(vertx, arguments.pairs).await();
        } catch (PairsFileException e) {
            stderr.println("replay: " + e.getMessage());
            return 2;
        } finally {
            vertx.close().await();
        }
        if (!Files.isRegularFile(arguments.capture)) {
            stderr.println("replay: no capture file at " + arguments.capture);
            return 2;
        }
        Writer out = arguments.out == null
                ? new OutputStreamWriter(stdout, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(arguments.out, StandardCharsets.UTF_8);
        ReplayTool replay =
                new ReplayTool(pairs, new java.io.BufferedWriter(out, 1 << 16), arguments.kalshiUseYesPrice);
        long started = System.nanoTime();
        try (InputStream capture = Files.newInputStream(arguments.capture)) {
            replay.reader.readLines(capture, CHUNK_BYTES, replay::onRead);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        replay.out.flush();
        if (arguments.out != null) {
            replay.out.close();
        }
        if (arguments.dumpBooks != null) {
            Files.writeString(arguments.dumpBooks, replay.engine.dumpBooksJson() + "\n", StandardCharsets.UTF_8);
        }
        stderr.println(replay.summaryJson(seconds));
        return 0;
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
            onRead(captureLine);
        }
    }

    /** The line the reader has just read, which was not blank: blank lines were never frames. */
    private void onRead(boolean captureLine) {
        String venue = captureLine ? reader.venue() : null;
        boolean kalshiVenue = CaptureLineReader.KALSHI.equals(venue);
        if ((!kalshiVenue && !CaptureLineReader.POLYMARKET.equals(venue))
                || (!reader.hasFrame() && reader.event() == null)) {
            frames++;
            malformedLines++;
            return;
        }
        if (!reader.hasFrame()) {
            onConnectionEvent(kalshiVenue, reader.event(), reader.recvNanos());
            return;
        }
        frames++;
        long parseStart = System.nanoTime();
        if (kalshiVenue) {
            kalshi.onFrame(reader.frame(), 0, reader.frameLength(), reader.recvNanos());
        } else {
            polymarket.onFrame(reader.frame(), 0, reader.frameLength(), reader.recvNanos());
        }
        latency.recordValue(Math.max(0, System.nanoTime() - parseStart));
    }

    private void onConnectionEvent(boolean kalshiVenue, String event, long recvNanos) {
        boolean connected = event.equals("connected");
        if (!connected && !event.equals("disconnected")) {
            return; // other connection events carry nothing for the books
        }
        if (kalshiVenue) {
            if (connected) {
                kalshi.onConnected(recvNanos);
            } else {
                kalshi.onDisconnected("capture: disconnected", recvNanos);
            }
        } else if (!connected) {
            polymarket.onDisconnected("capture: disconnected", recvNanos);
        }
    }

    public String summaryJson(double seconds) {
        long malformed = malformedLines + kalshi.malformed() + polymarket.malformed();
        double perSecond = seconds > 0 ? frames / seconds : 0;
        return "{\"frames\":" + frames
                + ",\"opportunities\":" + opportunities
                + ",\"malformed\":" + malformed
                + ",\"gaps\":" + kalshi.gaps()
                + ",\"duplicates\":" + kalshi.duplicates()
                + ",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.6f", seconds)
                + ",\"framesPerSecond\":" + Math.round(perSecond)
                + ",\"latencyNanos\":{\"p50\":" + latency.getValueAtPercentile(50)
                + ",\"p99\":" + latency.getValueAtPercentile(99)
                + ",\"p999\":" + latency.getValueAtPercentile(99.9)
                + ",\"max\":" + latency.getMaxValue() + "}}";
    }

    public ArbitrageEngine engine() {
        return engine;
    }

    private record Arguments(Path pairs, Path capture, Path out, Path dumpBooks, boolean kalshiUseYesPrice) {
        static Arguments parse(String[] args) {
            Path pairs = null;
            Path capture = null;
            Path out = null;
            Path dump = null;
            boolean useYesPrice = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--kalshi-use-yes-price")) {
                    useYesPrice = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                Path value = Path.of(args[++i]);
                switch (name) {
                    case "--pairs" -> pairs = value;
                    case "--capture" -> capture = value;
                    case "--out" -> out = value;
                    case "--dump-books" -> dump = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (pairs == null || capture == null) {
                throw new IllegalArgumentException("--pairs and --capture are required");
            }
            return new Arguments(pairs, capture, out, dump, useYesPrice);
        }
    }
}

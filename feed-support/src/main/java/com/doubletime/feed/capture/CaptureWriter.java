package com.doubletime.feed.capture;

import com.doubletime.domain.Platform;
import com.doubletime.domain.format.JsonText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends received frames and connection events to a capture file (contracts §2, JSON Lines):
 * <pre>
 * {"venue":"kalshi","recv_ns":1764054000123456789,"frame":"{\"type\":\"orderbook_delta\",...}"}
 * {"venue":"kalshi","recv_ns":1764054000124000001,"event":"disconnected"}
 * </pre>
 * The feed's event loop only enqueues; one writer thread formats, writes and flushes whenever it has caught
 * up, so a slow disk never stalls market data. {@link #close} (from a feed's {@code stop}, off the event
 * loop) returns only after every enqueued line is written and flushed.
 */
public final class CaptureWriter implements AutoCloseable {
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";

    private static final System.Logger LOG = System.getLogger(CaptureWriter.class.getName());
    private static final Line CLOSE = new Line(null, 0, null, null);

    private final Path file;
    private final Writer out;
    private final BlockingQueue<Line> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;
    private volatile IOException failure;

    private CaptureWriter(Path file, Writer out) {
        this.file = file;
        this.out = out;
        this.thread = new Thread(this::run, "capture-writer-" + file.getFileName());
        // stop() closes it; a forgotten writer must not keep the JVM alive
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code file} for appending (creating it and its directory), so a restart extends a capture. */
    public static CaptureWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Writer out = new BufferedWriter(
                new OutputStreamWriter(
                        Files.newOutputStream(
                                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                        StandardCharsets.UTF_8),
                1 << 16);
        return new CaptureWriter(file, out);
    }

    /** Records one received text frame exactly as received. */
    public void frame(Platform venue, long recvNanos, String frame) {
        enqueue(new Line(venue, recvNanos, frame, null));
    }

    /** Records a connection boundary, {@link #CONNECTED} or {@link #DISCONNECTED}. */
    public void event(Platform venue, long recvNanos, String event) {
        enqueue(new Line(venue, recvNanos, null, event));
    }

    private void enqueue(Line line) {
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        queue.add(line);
    }

    /** The §2 line of a frame, without the line break. */
    public static String frameLine(Platform venue, long recvNanos, String frame) {
        return format(new StringBuilder(frame.length() + 64), new Line(venue, recvNanos, frame, null))
                .toString();
    }

    /** The §2 line of a connection event, without the line break. */
    public static String eventLine(Platform venue, long recvNanos, String event) {
        return format(new StringBuilder(80), new Line(venue, recvNanos, null, event))
                .toString();
    }

    private static StringBuilder format(StringBuilder out, Line line) {
        out.append('{');
        JsonText.field(out, "venue", line.venue.wireName());
        out.append(",\"recv_ns\":").append(line.recvNanos).append(',');
        if (line.frame != null) {
            JsonText.field(out, "frame", line.frame);
        } else {
            JsonText.field(out, "event", line.event);
        }
        return out.append('}');
    }

    private void run() {
        List<Line> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder(1024);
        boolean closing = false;
        while (!closing || !queue.isEmpty()) {
            try {
                if (!closing) {
                    batch.add(queue.take());
                }
                queue.drainTo(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
                queue.drainTo(batch);
            }
            for (Line line : batch) {
                if (line == CLOSE) {
                    closing = true;
                } else {
                    write(text, line);
                }
            }
            batch.clear();
            // caught up (or closing): hand the lines to the OS now rather than when the buffer fills
            flush();
        }
        try {
            out.close();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void write(StringBuilder text, Line line) {
        if (failure != null) {
            dropped.incrementAndGet();
            return;
        }
        text.setLength(0);
        format(text, line).append('\n');
        try {
            out.append(text);
            written.incrementAndGet();
        } catch (IOException e) {
            dropped.incrementAndGet();
            fail(e);
        }
    }

    private void flush() {
        if (failure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            LOG.log(System.Logger.Level.ERROR, "capture " + file + " failed; further lines are dropped", e);
            failure = e;
        }
    }

    /**
     * Writes and flushes everything enqueued so far, then closes the file. Blocks: call it off the event
     * loop. Idempotent.
     *
     * @throws IOException the first write failure, if any (lines after it were dropped)
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            queue.add(CLOSE);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing capture " + file, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    public Path file() {
        return file;
    }

    /** Lines written to the file so far. */
    public long written() {
        return written.get();
    }

    /** Lines lost: enqueued after close or after a write failure. */
    public long dropped() {
        return dropped.get();
    }

    private record Line(Platform venue, long recvNanos, String frame, String event) {}
}

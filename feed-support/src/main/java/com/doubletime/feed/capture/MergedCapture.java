package com.doubletime.feed.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A capture as replay and backtest read it: one file, or the directory {@code run --record} writes (one file per
 * venue, {@code kalshi.jsonl} and {@code polymarket.jsonl}), whose files are merged into one sequence by
 * {@code recv_ns} — each file is in arrival order already, so a k-way merge restores the order the frames arrived
 * in across venues. Lines that are not capture lines carry no time and are handed on as soon as they are read.
 *
 * <p>While reading it notes what would make the replay differ from the recorded run: a file whose
 * {@code recv_ns} goes back (two files concatenated, or edited by hand), and a capture holding one venue only (no
 * buy-both opportunity can be found without both books). {@link #warnings} says what to do about each.
 */
public final class MergedCapture {
    /** What a directory's capture files are called: the recorder writes {@code <venue>.jsonl}. */
    public static final String CAPTURE_SUFFIX = ".jsonl";

    private final List<Path> files;
    private final int chunkBytes;
    private final long[] outOfOrder;
    private final long[] firstOutOfOrderLine;
    private long kalshiFrames;
    private long polymarketFrames;
    /** The streams of the read under way, for {@link #bytesRead}; null between reads. */
    private CaptureStream[] reading;

    /** Receives each non-blank line, in merged order, from the reader that read it. */
    @FunctionalInterface
    public interface LineSink {
        /** @param captureLine whether the line is a capture line (its fields may still be missing: check them) */
        void onLine(CaptureLineReader line, boolean captureLine);
    }

    private MergedCapture(List<Path> files, int chunkBytes) {
        this.files = List.copyOf(files);
        this.chunkBytes = chunkBytes;
        this.outOfOrder = new long[files.size()];
        this.firstOutOfOrderLine = new long[files.size()];
    }

    /**
     * The capture at {@code path}: that file, or every {@code *.jsonl} file of that directory (by name).
     *
     * @throws IllegalArgumentException naming the path when it is neither, or a directory without captures
     */
    public static MergedCapture of(Path path, int chunkBytes) throws IOException {
        if (Files.isRegularFile(path)) {
            return new MergedCapture(List.of(path), chunkBytes);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no capture file or directory at " + path.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(path)) {
            files = listed.filter(
                            file -> file.getFileName().toString().endsWith(CAPTURE_SUFFIX) && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the capture directory " + path.toAbsolutePath() + " holds no *"
                    + CAPTURE_SUFFIX + " file (run --record DIR writes kalshi.jsonl and polymarket.jsonl there)");
        }
        return new MergedCapture(files, chunkBytes);
    }

    public List<Path> files() {
        return files;
    }

    /** Reads every line of every file, in merged {@code recv_ns} order, into {@code sink}. */
    public void read(LineSink sink) throws IOException {
        List<InputStream> opened = new ArrayList<>();
        try {
            CaptureStream[] streams = new CaptureStream[files.size()];
            for (int i = 0; i < streams.length; i++) {
                InputStream in = Files.newInputStream(files.get(i));
                opened.add(in);
                streams[i] = new CaptureStream(in, chunkBytes, new CaptureLineReader());
            }
            reading = streams;
            if (streams.length == 1) {
                readOne(streams[0], sink);
            } else {
                merge(streams, sink);
            }
        } finally {
            reading = null;
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    /** Bytes of the capture's files together, as they are now (a progress report's whole). */
    public long totalBytes() throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    /** Bytes read so far by the read under way (a chunk ahead of the line handed on); 0 between reads. */
    public long bytesRead() {
        CaptureStream[] streams = reading;
        long read = 0;
        if (streams != null) {
            for (CaptureStream stream : streams) {
                if (stream != null) {
                    read += stream.bytesRead();
                }
            }
        }
        return read;
    }

    private void readOne(CaptureStream stream, LineSink sink) throws IOException {
        CaptureLineReader line = stream.reader();
        long last = Long.MIN_VALUE;
        while (stream.next()) {
            boolean captureLine = stream.captureLine();
            if (captureLine) {
                last = note(0, stream, last);
            }
            sink.onLine(line, captureLine);
        }
    }

    private void merge(CaptureStream[] streams, LineSink sink) throws IOException {
        int open = streams.length;
        boolean[] done = new boolean[streams.length];
        long[] last = new long[streams.length];
        for (int i = 0; i < streams.length; i++) {
            last[i] = Long.MIN_VALUE;
            if (!advance(streams, i, last)) {
                done[i] = true;
                open--;
            }
        }
        while (open > 0) {
            int earliest = -1;
            long earliestNanos = Long.MAX_VALUE;
            for (int i = 0; i < streams.length; i++) {
                if (!done[i]) {
                    // a line that is not a capture line has no time of its own: it goes out first
                    long nanos = streams[i].captureLine() ? streams[i].reader().recvNanos() : Long.MIN_VALUE;
                    if (earliest < 0 || nanos < earliestNanos) {
                        earliest = i;
                        earliestNanos = nanos;
                    }
                }
            }
            sink.onLine(streams[earliest].reader(), streams[earliest].captureLine());
            if (!advance(streams, earliest, last)) {
                done[earliest] = true;
                open--;
            }
        }
    }

    private boolean advance(CaptureStream[] streams, int file, long[] last) throws IOException {
        if (!streams[file].next()) {
            return false;
        }
        if (streams[file].captureLine()) {
            last[file] = note(file, streams[file], last[file]);
        }
        return true;
    }

    /** Counts the line's venue and notes when its time goes back; the file's latest time. */
    private long note(int file, CaptureStream stream, long last) {
        CaptureLineReader line = stream.reader();
        if (line.hasFrame()) {
            String venue = line.venue();
            if (CaptureLineReader.KALSHI.equals(venue)) {
                kalshiFrames++;
            } else if (CaptureLineReader.POLYMARKET.equals(venue)) {
                polymarketFrames++;
            }
        }
        long nanos = line.recvNanos();
        if (nanos < last) {
            if (outOfOrder[file]++ == 0) {
                firstOutOfOrderLine[file] = stream.lineNumber();
            }
            return last;
        }
        return nanos;
    }

    /** Lines whose {@code recv_ns} is earlier than a line before them in the same file. */
    public long outOfOrderLines() {
        long total = 0;
        for (long count : outOfOrder) {
            total += count;
        }
        return total;
    }

    public long kalshiFrames() {
        return kalshiFrames;
    }

    public long polymarketFrames() {
        return polymarketFrames;
    }

    /** After {@link #read}: what would make a replay of this capture differ from the run that recorded it. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (outOfOrder[i] > 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "%s is out of order: recv_ns goes back on %d line(s), first at line %d. Lines are replayed "
                                + "in file order, so books and opportunities may differ from the recorded run. Replay "
                                + "the directory run --record wrote (--capture DIR merges its venue files by "
                                + "recv_ns) instead of files joined together, or sort the file by recv_ns.",
                        files.get(i),
                        outOfOrder[i],
                        firstOutOfOrderLine[i]));
            }
        }
        if ((kalshiFrames == 0) != (polymarketFrames == 0)) {
            String present = kalshiFrames > 0 ? "Kalshi" : "Polymarket";
            String missing = kalshiFrames > 0 ? "Polymarket" : "Kalshi";
            warnings.add("the capture holds " + present + " frames only (no " + missing + " frame in " + files
                    + "): a buy-both opportunity needs both venues' books, so none can be found. Pass the directory "
                    + "run --record wrote (--capture DIR), which holds kalshi.jsonl and polymarket.jsonl.");
        }
        return warnings;
    }
}

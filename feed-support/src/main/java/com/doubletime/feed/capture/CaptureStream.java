package com.doubletime.feed.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a capture (contracts §2, {@code docs/capture.md}) line by line, {@code chunkBytes} at a time into one
 * reused buffer; each {@link #next} leaves the next non-blank line in its {@link CaptureLineReader}. Each line is
 * read where it lies in the buffer, its end found by reading it: only a line that is not a flat capture line is
 * searched for its {@code \n}. A {@code \r} before the {@code \n} is whitespace, a last line needs no terminator,
 * a line longer than the buffer grows it, and blank lines are skipped. Bytes stay bytes until a line is read, so
 * that invalid UTF-8 spoils one line rather than the replay.
 */
public final class CaptureStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final CaptureLineReader reader;
    private byte[] buffer;
    private int start;
    private int limit;
    /**
     * Once a line has run past the data, [start, unsplit) holds no '\n': a line longer than a read is not read
     * again after each read, only once its end (or the end of data) is in the buffer. -1 when not known.
     */
    private int unsplit = -1;

    private boolean endOfData;
    private boolean captureLine;
    private long lineNumber;
    private long bytesRead;

    public CaptureStream(InputStream in, int chunkBytes, CaptureLineReader reader) {
        this.in = in;
        this.reader = reader;
        this.buffer = new byte[chunkBytes];
    }

    /**
     * Reads the next non-blank line into {@link #reader()}; false at the end of the data.
     *
     * @throws IOException from the input stream only: a malformed line is a line like any other
     */
    public boolean next() throws IOException {
        while (true) {
            if (start < limit && (unsplit < 0 || endOfData || indexOfNewline(buffer, unsplit, limit) >= 0)) {
                int next = reader.readLine(buffer, start, limit, endOfData);
                if (next >= 0) {
                    start = next;
                    unsplit = -1;
                    lineNumber++;
                    if (!reader.blank()) {
                        captureLine = reader.isCaptureLine();
                        return true;
                    }
                    continue;
                }
            } else if (start >= limit && endOfData) {
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        unsplit = limit;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            limit -= start;
            unsplit -= start;
            start = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfData = true;
        } else {
            limit += read;
            bytesRead += read;
        }
    }

    /** Whether the line {@link #next} read is a capture line (its fields may still be missing: check them). */
    public boolean captureLine() {
        return captureLine;
    }

    /** The reader holding the line {@link #next} read. */
    public CaptureLineReader reader() {
        return reader;
    }

    /** Bytes read from the input so far (a progress report's measure: lines are read a chunk ahead). */
    public long bytesRead() {
        return bytesRead;
    }

    /** The 1-based number of the line {@link #next} read, blank lines counted, as an editor numbers them. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The first {@code \n} in {@code bytes[from, to)}, or -1; eight bytes per step, as lines are long. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // a byte of x is zero where the input has '\n'; a borrow can only mark bytes after a true zero
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

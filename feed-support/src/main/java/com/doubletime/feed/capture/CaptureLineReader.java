package com.doubletime.feed.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads capture lines (contracts §2, {@code docs/capture.md}): {@code venue}, {@code recv_ns}, and {@code frame}
 * or {@code event}.
 *
 * <p>A frame is a JSON text escaped inside a JSON string; decoding it one escape at a time through a general
 * parser, or decoding the whole line to a String first, was the replay's largest cost. So a flat line is scanned
 * straight from the file's UTF-8 bytes ({@link FlatLineScanner}), the frame decoded and unescaped in one pass into
 * a reused buffer ({@link JsonStringDecoder}) that the sessions parse in place — no String and no allocation per
 * frame; {@link CaptureStream} reads the file in chunks and hands each line over where it lies. Any key order,
 * whitespace and JSON escape is accepted; invalid UTF-8, a bad escape or a raw control character makes the line
 * malformed (not the replay); a line with nested values goes to Jackson. Reused line after line: read the fields
 * before the next line.
 */
public final class CaptureLineReader {
    public static final String KALSHI = FlatLineScanner.KALSHI;
    public static final String POLYMARKET = FlatLineScanner.POLYMARKET;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final FlatLineScanner line = new FlatLineScanner();
    private boolean captureLine;
    private boolean blank;

    /** Receives each non-blank line of a capture once the reader has read it: its fields are the line's. */
    @FunctionalInterface
    public interface LineSink {
        /** @param captureLine whether the line is a capture line (its fields may still be missing: check them) */
        void onLine(boolean captureLine);
    }

    /** Reads every line of {@code in} ({@link CaptureStream}), handing each non-blank one to {@code sink}. */
    public void readLines(InputStream in, int chunkBytes, LineSink sink) throws IOException {
        CaptureStream lines = new CaptureStream(in, chunkBytes, this);
        while (lines.next()) {
            sink.onLine(lines.captureLine());
        }
    }

    /** True when the line is a capture line (its fields may still be missing: check them). */
    public boolean read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return read(bytes, 0, bytes.length);
    }

    /**
     * Reads the UTF-8 line {@code bytes[start, end)}, without its terminator (a trailing {@code \r} is
     * whitespace). True when it is a capture line (its fields may still be missing: check them).
     */
    public boolean read(byte[] bytes, int start, int end) {
        return readLine(bytes, start, end, true) == end && captureLine;
    }

    /** Whether the last line read holds nothing but whitespace. */
    public boolean blank() {
        return blank;
    }

    boolean isCaptureLine() {
        return captureLine;
    }

    /**
     * Reads the line that starts at {@code bytes[start]} and ends at the first {@code \n} before
     * {@code limit}, or at {@code limit} when that is the end of data; where the next line starts, or -1
     * when the line may go on past {@code limit}. Then {@link #blank} and the fields tell what it was.
     */
    int readLine(byte[] bytes, int start, int limit, boolean endOfData) {
        blank = false;
        Boolean flat = line.scan(bytes, start, limit);
        int at = line.position();
        if (flat == Boolean.TRUE && (at < limit || endOfData)) {
            // the scan stopped at the line's '\n', as nothing it passes over may be one
            captureLine = true;
            return at < limit ? at + 1 : limit;
        }
        int newline = CaptureStream.indexOfNewline(bytes, start, limit);
        if (newline < 0 && !endOfData) {
            return -1;
        }
        int next = newline < 0 ? limit : newline + 1;
        int stop = withoutCarriageReturn(bytes, start, newline < 0 ? limit : newline);
        if (flat == null) {
            line.clear();
            captureLine = readWithJackson(bytes, start, stop);
        } else {
            captureLine = false;
            blank = isBlank(bytes, start, stop);
        }
        return next;
    }

    private static int withoutCarriageReturn(byte[] buffer, int start, int end) {
        return end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    }

    /** Whitespace only, as {@link String#isBlank} sees ASCII: such lines were never frames. */
    private static boolean isBlank(byte[] line, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b != ' ' && (b < 0x09 || b > 0x0D) && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    public String venue() {
        return line.venue;
    }

    public String event() {
        return line.event;
    }

    public long recvNanos() {
        return line.recvNanos;
    }

    public boolean hasFrame() {
        return line.hasFrame;
    }

    public char[] frame() {
        return line.frame;
    }

    public int frameLength() {
        return line.frameLength;
    }

    /** The general parser, for lines with nested values or literals: rare, so allocation does not matter. */
    private boolean readWithJackson(byte[] bytes, int start, int stop) {
        try (JsonParser parser = JSON.createParser(bytes, start, stop - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "venue" ->
                        line.venue = token == JsonToken.VALUE_STRING
                                ? parser.getText().intern()
                                : null;
                    case "event" -> line.event = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "frame" -> {
                        if (token == JsonToken.VALUE_STRING) {
                            String decoded = parser.getText();
                            if (decoded.length() > line.frame.length) {
                                line.frame = new char[decoded.length()];
                            }
                            decoded.getChars(0, decoded.length(), line.frame, 0);
                            line.frameLength = decoded.length();
                            line.hasFrame = true;
                        }
                    }
                    case "recv_ns" -> {
                        if (token == JsonToken.VALUE_NUMBER_INT) {
                            line.recvNanos = parser.getLongValue();
                        } else if (token == JsonToken.VALUE_STRING) {
                            line.recvNanos = Long.parseLong(parser.getText());
                        } else {
                            return false;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return parser.nextToken() == null;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}

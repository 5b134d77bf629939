package com.doubletime.feed.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Scans a flat capture line (an object of string and number values) where it lies in the read buffer and keeps
 * its fields. A line laid out exactly as {@link CaptureWriter} writes it is matched a word at a time; any other
 * flat layout (key order, whitespace, escapes) goes through the general scan; a nested value or a literal is left
 * to the general parser ({@link #scan} answers null). Reused line after line.
 */
final class FlatLineScanner {
    static final String KALSHI = "kalshi";
    static final String POLYMARKET = "polymarket";
    private static final String CONNECTED = "connected";
    private static final String DISCONNECTED = "disconnected";
    private static final int INITIAL_FRAME_CHARS = 4096;
    private static final int INITIAL_VALUE_CHARS = 64;
    private static final long MAX_BEFORE_DIGIT = (Long.MAX_VALUE - 9) / 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    // the writer's layout, word by word: {"venue":"kalshi","recv_ns":<digits>,"frame":"...
    private static final long VENUE_KEY = word("{\"venue\"");
    private static final long KALSHI_VALUE = word(":\"kalshi");
    private static final long KALSHI_RECV_NS = word("\",\"recv_");
    private static final int KALSHI_RECV_NS_END = (int) word("ns\":\0\0\0\0");
    private static final int KALSHI_DIGITS_AT = 28;
    private static final long POLYMARKET_VALUE = word(":\"polyma");
    private static final long POLYMARKET_RECV_NS = word("rket\",\"r");
    private static final long POLYMARKET_RECV_NS_END = word("ecv_ns\":");
    private static final int POLYMARKET_DIGITS_AT = 32;
    private static final int SHORTEST_WRITTEN_LINE = Long.BYTES * 5;
    private static final long FRAME_KEY = word("\"frame\":");
    private static final long EVENT_KEY = word("\"event\":");
    /** After the digits: the comma, a word-long key with its quotes and colon, and the value's opening quote. */
    private static final int VALUE_AFTER_DIGITS = 1 + Long.BYTES + 1;

    private static final byte[] VENUE = ascii("venue");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] FRAME = ascii("frame");
    private static final byte[] RECV_NS = ascii("recv_ns");

    private final JsonStringDecoder decoder = new JsonStringDecoder();
    private byte[] line;
    private int end;
    private int at;

    char[] frame = new char[INITIAL_FRAME_CHARS];
    int frameLength;
    boolean hasFrame;
    /** Holds the other string values: they may come after the frame, so they cannot share its buffer. */
    private char[] value = new char[INITIAL_VALUE_CHARS];

    String venue;
    String event;
    long recvNanos;

    /** Forgets the last line's fields. */
    void clear() {
        venue = null;
        event = null;
        hasFrame = false;
        frameLength = 0;
        recvNanos = 0;
    }

    /**
     * Scans the line from {@code bytes[start]}, looking no further than {@code limit}: true for a flat capture
     * line (the scan then stopped at the line's {@code \n}, or at {@code limit}: see {@link #position}), false
     * when it is not a capture line, null when it needs the general parser.
     */
    Boolean scan(byte[] bytes, int start, int limit) {
        clear();
        line = bytes;
        end = limit;
        at = start;
        try {
            if (scanAsWritten()) {
                return true;
            }
            at = start;
            clear();
            return scanAnyFlat();
        } finally {
            line = null; // the caller's buffer is refilled after this call
        }
    }

    /** Where the last scan stopped. */
    int position() {
        return at;
    }

    /**
     * True when the line is a capture line laid out exactly as the capture writer writes it; false sends
     * it to the general scan. Matching the fixed keys a word at a time saves scanning them byte by byte.
     */
    private boolean scanAsWritten() {
        byte[] in = line;
        int i = at;
        if (i + SHORTEST_WRITTEN_LINE > end || (long) LONGS.get(in, i) != VENUE_KEY) {
            return false;
        }
        long venueWord = (long) LONGS.get(in, i + Long.BYTES);
        if (venueWord == KALSHI_VALUE
                && (long) LONGS.get(in, i + 2 * Long.BYTES) == KALSHI_RECV_NS
                && (int) INTS.get(in, i + 3 * Long.BYTES) == KALSHI_RECV_NS_END) {
            venue = KALSHI;
            i += KALSHI_DIGITS_AT;
        } else if (venueWord == POLYMARKET_VALUE
                && (long) LONGS.get(in, i + 2 * Long.BYTES) == POLYMARKET_RECV_NS
                && (long) LONGS.get(in, i + 3 * Long.BYTES) == POLYMARKET_RECV_NS_END) {
            venue = POLYMARKET;
            i += POLYMARKET_DIGITS_AT;
        } else {
            return false;
        }
        int digits = i;
        long nanos = 0;
        int digit;
        while (i < end && (digit = in[i] - '0') >= 0 && digit <= 9) {
            if (nanos > MAX_BEFORE_DIGIT) {
                return false;
            }
            nanos = nanos * 10 + digit;
            i++;
        }
        if (i == digits || i + VALUE_AFTER_DIGITS > end || in[i] != ',' || in[i + VALUE_AFTER_DIGITS - 1] != '"') {
            return false;
        }
        recvNanos = nanos;
        long key = (long) LONGS.get(in, i + 1);
        if (key != FRAME_KEY && key != EVENT_KEY) {
            return false;
        }
        at = i + VALUE_AFTER_DIGITS;
        // the key without its quotes: "frame" or "event"
        if (!readValue(i + 2, i + 2 + FRAME.length) || at >= end || in[at] != '}') {
            return false;
        }
        at++;
        return atEnd();
    }

    private Boolean scanAnyFlat() {
        skipSpace();
        if (next() != '{') {
            return false;
        }
        skipSpace();
        if (peek() == '}') {
            at++;
            return atEnd();
        }
        byte[] in = line;
        while (true) {
            skipSpace();
            if (next() != '"') {
                return false;
            }
            int keyStart = at;
            byte b = 0;
            // keys we know are ASCII; escaped or non-ASCII keys are rare enough for the general parser
            while (at < end && (b = in[at]) >= 0x20 && b != '"' && b != '\\') {
                at++;
            }
            if (at >= end || (b >= 0 && b < 0x20)) {
                return false;
            }
            if (b != '"') {
                return null;
            }
            int keyEnd = at++;
            skipSpace();
            if (next() != ':') {
                return false;
            }
            skipSpace();
            int c = peek();
            if (c == '"') {
                at++;
                if (!readValue(keyStart, keyEnd)) {
                    return false;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = at;
                while (at < end && isNumberByte(in[at])) {
                    at++;
                }
                if (is(keyStart, keyEnd, RECV_NS) && !parseNanos(start, at)) {
                    return false;
                }
            } else {
                return null; // nested values and literals: the general parser
            }
            skipSpace();
            int separator = next();
            if (separator == '}') {
                return atEnd();
            }
            if (separator != ',') {
                return false;
            }
        }
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** Reads a string value after its opening quote into the field its key names. */
    private boolean readValue(int keyStart, int keyEnd) {
        if (is(keyStart, keyEnd, FRAME)) {
            if (frame.length < end - at) {
                frame = new char[Math.max(end - at, frame.length * 2)];
            }
            frameLength = decoder.decode(line, at, end, frame);
            hasFrame = frameLength >= 0;
            if (hasFrame) {
                at = decoder.after();
            }
            return hasFrame;
        }
        if (value.length < end - at) {
            value = new char[Math.max(end - at, value.length * 2)];
        }
        int length = decoder.decode(line, at, end, value);
        if (length < 0) {
            return false;
        }
        at = decoder.after();
        if (is(keyStart, keyEnd, VENUE)) {
            venue = is(value, length, KALSHI)
                    ? KALSHI
                    : is(value, length, POLYMARKET) ? POLYMARKET : new String(value, 0, length);
        } else if (is(keyStart, keyEnd, EVENT)) {
            event = is(value, length, CONNECTED)
                    ? CONNECTED
                    : is(value, length, DISCONNECTED) ? DISCONNECTED : new String(value, 0, length);
        } else if (is(keyStart, keyEnd, RECV_NS)) {
            return parseNanos(value, length);
        }
        return true;
    }

    private boolean parseNanos(int start, int stop) {
        if (start >= stop) {
            return false;
        }
        long nanos = 0;
        for (int i = start; i < stop; i++) {
            byte c = line[i];
            if (c < '0' || c > '9' || nanos > MAX_BEFORE_DIGIT) {
                return false;
            }
            nanos = nanos * 10 + (c - '0');
        }
        recvNanos = nanos;
        return true;
    }

    private boolean parseNanos(char[] text, int length) {
        if (length == 0) {
            return false;
        }
        long nanos = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < '0' || c > '9' || nanos > MAX_BEFORE_DIGIT) {
                return false;
            }
            nanos = nanos * 10 + (c - '0');
        }
        recvNanos = nanos;
        return true;
    }

    private boolean is(int start, int stop, byte[] expected) {
        if (stop - start != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (line[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean is(char[] text, int length, String expected) {
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True at the line's {@code \n} or the end of the data, with only whitespace before it. */
    private boolean atEnd() {
        skipSpace();
        return at >= end || line[at] == '\n';
    }

    /** Skips JSON whitespace but a {@code \n}, which ends the line. */
    private void skipSpace() {
        byte[] in = line;
        while (at < end) {
            byte b = in[at];
            if (b != ' ' && b != '\t' && b != '\r') {
                return;
            }
            at++;
        }
    }

    private int peek() {
        return at < end ? line[at] : -1;
    }

    private int next() {
        return at < end ? line[at++] : -1;
    }

    /** The eight ASCII characters as {@link #LONGS} reads them. */
    private static long word(String eight) {
        long word = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            word = word << Byte.SIZE | eight.charAt(i);
        }
        return word;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

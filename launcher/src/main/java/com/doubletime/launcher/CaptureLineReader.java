package com.doubletime.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads capture lines (contracts §2): {@code venue}, {@code recv_ns}, and {@code frame} or {@code event}.
 *
 * <p>A frame is a JSON text escaped inside a JSON string; decoding it one escape at a time through a
 * general parser, or decoding the whole line to a String first, was the replay's largest cost. This
 * reader scans flat lines itself straight from the file's UTF-8 bytes, decoding and unescaping the frame
 * in one pass into a reused buffer that the sessions parse in place — no String and no allocation per
 * frame. Any key order, whitespace and JSON escape is accepted; invalid UTF-8, a bad escape or a raw
 * control character makes the line malformed (not the replay); a line with nested values goes to
 * Jackson. Reused line after line: read the fields before the next {@link #read}.
 */
final class CaptureLineReader {
    static final String KALSHI = "kalshi";
    static final String POLYMARKET = "polymarket";
    private static final String CONNECTED = "connected";
    private static final String DISCONNECTED = "disconnected";
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] VENUE = ascii("venue");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] FRAME = ascii("frame");
    private static final byte[] RECV_NS = ascii("recv_ns");

    private byte[] line;
    private int end;
    private int at;
    private char[] frame = new char[4096];
    private int frameLength;
    private boolean hasFrame;
    /** Holds the other string values: they may come after the frame, so they cannot share its buffer. */
    private char[] value = new char[64];
    private String venue;
    private String event;
    private long recvNanos;
    private int rareIn;
    private int rareOut;

    /** Receives one line of a capture, without its terminator, in a buffer reused after the call. */
    @FunctionalInterface
    interface LineSink {
        void onLine(byte[] bytes, int start, int end);
    }

    /**
     * Splits a capture into lines on {@code \n}, reading {@code chunkBytes} at a time into one reused
     * buffer; a {@code \r} before the {@code \n} is dropped, a last line needs no terminator, and a line
     * longer than the buffer grows it. Bytes stay bytes: decoding is the reader's job, so that invalid
     * UTF-8 spoils one line rather than the replay.
     */
    static void readLines(InputStream in, int chunkBytes, LineSink sink) throws IOException {
        byte[] buffer = new byte[chunkBytes];
        int start = 0;
        int scanned = 0; // [start, scanned) holds no '\n': a long line is not searched again after a read
        int limit = 0;
        while (true) {
            int newline = indexOfNewline(buffer, scanned, limit);
            if (newline >= 0) {
                sink.onLine(buffer, start, withoutCarriageReturn(buffer, start, newline));
                start = newline + 1;
                scanned = start;
                continue;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, limit - start);
                limit -= start;
                start = 0;
            } else if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            scanned = limit;
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                if (limit > start) {
                    sink.onLine(buffer, start, withoutCarriageReturn(buffer, start, limit));
                }
                return;
            }
            limit += read;
        }
    }

    private static int withoutCarriageReturn(byte[] buffer, int start, int end) {
        return end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    }

    /** The first {@code \n} in {@code bytes[from, to)}, or -1; eight bytes per step, as lines are long. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // a byte of x is zero where the input has '\n'; a borrow can only mark bytes after a true zero
            long zeros = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
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

    /** True when the line is a capture line (its fields may still be missing: check them). */
    boolean read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return read(bytes, 0, bytes.length);
    }

    /**
     * Reads the UTF-8 line {@code bytes[start, end)} (no line terminator needed; a trailing {@code \r} is
     * whitespace). True when it is a capture line (its fields may still be missing: check them).
     */
    boolean read(byte[] bytes, int start, int end) {
        venue = null;
        event = null;
        hasFrame = false;
        frameLength = 0;
        recvNanos = 0;
        line = bytes;
        this.end = end;
        at = start;
        Boolean flat = scanFlat();
        if (flat == null) {
            venue = null;
            event = null;
            hasFrame = false;
            recvNanos = 0;
            flat = readWithJackson(bytes, start, end);
        }
        line = null; // the caller's buffer is refilled after this call
        return flat;
    }

    String venue() {
        return venue;
    }

    String event() {
        return event;
    }

    long recvNanos() {
        return recvNanos;
    }

    boolean hasFrame() {
        return hasFrame;
    }

    char[] frame() {
        return frame;
    }

    int frameLength() {
        return frameLength;
    }

    /** True or false for a flat line; null when the line needs the general parser. */
    private Boolean scanFlat() {
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
                // UTF-8 never takes fewer bytes than UTF-16 chars, and escapes only shrink
                frame = new char[Math.max(end - at, frame.length * 2)];
            }
            frameLength = decodeString(frame);
            hasFrame = frameLength >= 0;
            return hasFrame;
        }
        if (value.length < end - at) {
            value = new char[Math.max(end - at, value.length * 2)];
        }
        int length = decodeString(value);
        if (length < 0) {
            return false;
        }
        if (is(keyStart, keyEnd, VENUE)) {
            venue = is(value, length, KALSHI) ? KALSHI : is(value, length, POLYMARKET) ? POLYMARKET : new String(value, 0, length);
        } else if (is(keyStart, keyEnd, EVENT)) {
            event = is(value, length, CONNECTED) ? CONNECTED : is(value, length, DISCONNECTED) ? DISCONNECTED : new String(value, 0, length);
        } else if (is(keyStart, keyEnd, RECV_NS)) {
            return parseNanos(value, length);
        }
        return true;
    }

    /**
     * Decodes the UTF-8 JSON string at {@link #at}, up to its closing quote, into {@code out} (which holds
     * {@code end - at} chars); its length, or -1 if it is not a valid string.
     */
    private int decodeString(char[] out) {
        byte[] in = line;
        int limit = end;
        int i = at;
        int written = 0;
        while (true) {
            if (i + Long.BYTES <= limit) {
                // escapes come every few bytes in a frame, so rather than a branch per byte: widen eight
                // bytes blindly (out has room: it holds end - at chars and decoding never lengthens), then
                // keep only those before the first byte that needs a look
                long word = (long) LONGS.get(in, i);
                out[written] = (char) (word & 0x7F);
                out[written + 1] = (char) (word >>> 8 & 0x7F);
                out[written + 2] = (char) (word >>> 16 & 0x7F);
                out[written + 3] = (char) (word >>> 24 & 0x7F);
                out[written + 4] = (char) (word >>> 32 & 0x7F);
                out[written + 5] = (char) (word >>> 40 & 0x7F);
                out[written + 6] = (char) (word >>> 48 & 0x7F);
                out[written + 7] = (char) (word >>> 56 & 0x7F);
                long special = specialBytes(word);
                if (special == 0) {
                    i += Long.BYTES;
                    written += Long.BYTES;
                    continue;
                }
                int plain = Long.numberOfTrailingZeros(special) >>> 3;
                i += plain;
                written += plain;
            } else if (i >= limit) {
                return -1;
            }
            byte b = in[i];
            if (b == '\\' && i + 1 < limit) {
                byte escaped = in[i + 1];
                if (escaped == '"' || escaped == '\\' || escaped == '/') {
                    out[written++] = (char) escaped;
                    i += 2;
                    continue;
                }
            } else if (b == '"') {
                at = i + 1;
                return written;
            } else if (b >= 0x20) { // bytes >= 0x80 are negative: this is plain ASCII, near the end
                out[written++] = (char) b;
                i++;
                continue;
            }
            // kept out of the loop above so that it stays small enough to compile tightly
            if (!decodeRare(in, i, limit, out, written)) {
                return -1;
            }
            i = rareIn;
            written = rareOut;
        }
    }

    /**
     * Decodes the escape, UTF-8 sequence or control character at {@code in[i]} into {@code out} from
     * {@code written}, leaving the next positions in {@link #rareIn} and {@link #rareOut}; false if it is
     * not valid in a JSON string.
     */
    private boolean decodeRare(byte[] in, int i, int limit, char[] out, int written) {
        byte b = in[i++];
        if (b == '\\') {
            if (i >= limit) {
                return false;
            }
            byte escaped = in[i++];
            char c;
            switch (escaped) {
                case '"', '\\', '/' -> c = (char) escaped;
                case 'n' -> c = '\n';
                case 't' -> c = '\t';
                case 'r' -> c = '\r';
                case 'b' -> c = '\b';
                case 'f' -> c = '\f';
                case 'u' -> {
                    if (i + 4 > limit) {
                        return false;
                    }
                    int code = (hex(in[i]) << 12) | (hex(in[i + 1]) << 8) | (hex(in[i + 2]) << 4) | hex(in[i + 3]);
                    if (code < 0) {
                        return false;
                    }
                    i += 4;
                    // surrogates pass as they are, a pair as two escapes, like any JSON parser
                    c = (char) code;
                }
                default -> {
                    return false;
                }
            }
            out[written++] = c;
        } else if (b >= 0) {
            return false; // a raw control character (quotes and plain ASCII never come here)
        } else {
            int lead = b & 0xFF;
            if (lead < 0xC2) {
                return false; // a continuation byte, or an overlong 2-byte lead
            }
            if (lead < 0xE0) {
                if (i >= limit || !isContinuation(in[i])) {
                    return false;
                }
                out[written++] = (char) (((lead & 0x1F) << 6) | (in[i++] & 0x3F));
            } else if (lead < 0xF0) {
                if (i + 2 > limit) {
                    return false;
                }
                int second = in[i] & 0xFF;
                // E0 needs A0.. (not overlong); ED stops at 9F (no UTF-16 surrogates in UTF-8)
                int low = lead == 0xE0 ? 0xA0 : 0x80;
                int high = lead == 0xED ? 0x9F : 0xBF;
                if (second < low || second > high || !isContinuation(in[i + 1])) {
                    return false;
                }
                out[written++] = (char) (((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (in[i + 1] & 0x3F));
                i += 2;
            } else if (lead < 0xF5) {
                if (i + 3 > limit) {
                    return false;
                }
                int second = in[i] & 0xFF;
                // F0 needs 90.. (not overlong); F4 stops at 8F (nothing above U+10FFFF)
                int low = lead == 0xF0 ? 0x90 : 0x80;
                int high = lead == 0xF4 ? 0x8F : 0xBF;
                if (second < low || second > high || !isContinuation(in[i + 1]) || !isContinuation(in[i + 2])) {
                    return false;
                }
                int codePoint = ((lead & 0x07) << 18) | ((second & 0x3F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F);
                i += 3;
                out[written++] = Character.highSurrogate(codePoint);
                out[written++] = Character.lowSurrogate(codePoint);
            } else {
                return false;
            }
        }
        rareIn = i;
        rareOut = written;
        return true;
    }

    /**
     * The high bit of each byte of the little-endian {@code word} that is a quote, a backslash, a control
     * character or not ASCII; the lowest one set is exact (a borrow only marks bytes after a true match).
     */
    private static long specialBytes(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        long quotes = (quote - 0x0101010101010101L) & ~quote;
        long backslashes = (backslash - 0x0101010101010101L) & ~backslash;
        long controls = (word - 0x2020202020202020L) & ~word;
        return (quotes | backslashes | controls | word) & 0x8080808080808080L;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The digit's value, or -1 (still negative once shifted and or-ed into a code) if none. */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    private boolean parseNanos(int start, int stop) {
        if (start >= stop) {
            return false;
        }
        long nanos = 0;
        for (int i = start; i < stop; i++) {
            byte c = line[i];
            if (c < '0' || c > '9' || nanos > (Long.MAX_VALUE - 9) / 10) {
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
            if (c < '0' || c > '9' || nanos > (Long.MAX_VALUE - 9) / 10) {
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

    private boolean atEnd() {
        skipSpace();
        return at >= end;
    }

    private void skipSpace() {
        byte[] in = line;
        while (at < end) {
            byte b = in[at];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean readWithJackson(byte[] bytes, int start, int stop) {
        try (JsonParser parser = JSON.createParser(bytes, start, stop - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "venue" -> venue = token == JsonToken.VALUE_STRING ? parser.getText().intern() : null;
                    case "event" -> event = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "frame" -> {
                        if (token == JsonToken.VALUE_STRING) {
                            String decoded = parser.getText();
                            frame = decoded.length() > frame.length ? new char[decoded.length()] : frame;
                            decoded.getChars(0, decoded.length(), frame, 0);
                            frameLength = decoded.length();
                            hasFrame = true;
                        }
                    }
                    case "recv_ns" -> {
                        if (token == JsonToken.VALUE_NUMBER_INT) {
                            recvNanos = parser.getLongValue();
                        } else if (token == JsonToken.VALUE_STRING) {
                            recvNanos = Long.parseLong(parser.getText());
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

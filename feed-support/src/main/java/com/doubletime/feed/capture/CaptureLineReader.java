package com.doubletime.feed.capture;

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
 * frame. Lines are read where they lie in the read buffer, so a line's end is found by reading it rather
 * than by a search for its newline first. Any key order, whitespace and JSON escape is accepted;
 * invalid UTF-8, a bad escape or a raw control character makes the line malformed (not the replay); a
 * line with nested values goes to Jackson. Reused line after line: read the fields before the next line.
 */
public final class CaptureLineReader {
    public static final String KALSHI = "kalshi";
    public static final String POLYMARKET = "polymarket";
    private static final String CONNECTED = "connected";
    private static final String DISCONNECTED = "disconnected";
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long VENUE_KEY = word("{\"venue\"");
    private static final long KALSHI_VALUE = word(":\"kalshi");
    private static final long KALSHI_RECV_NS = word("\",\"recv_");
    private static final int KALSHI_RECV_NS_END = (int) word("ns\":\0\0\0\0");
    private static final long POLYMARKET_VALUE = word(":\"polyma");
    private static final long POLYMARKET_RECV_NS = word("rket\",\"r");
    private static final long POLYMARKET_RECV_NS_END = word("ecv_ns\":");
    private static final long FRAME_KEY = word("\"frame\":");
    private static final long EVENT_KEY = word("\"event\":");
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
    private boolean captureLine;
    private boolean blank;

    /** Receives each non-blank line of a capture once the reader has read it: its fields are the line's. */
    @FunctionalInterface
    public interface LineSink {
        /** @param captureLine whether the line is a capture line (its fields may still be missing: check them) */
        void onLine(boolean captureLine);
    }

    /**
     * Reads a capture line by line, {@code chunkBytes} at a time into one reused buffer. Each line is read
     * where it lies in the buffer, its end found by reading it: only a line that is not a flat capture
     * line is searched for its {@code \n}. A {@code \r} before the {@code \n} is whitespace, a last line
     * needs no terminator, a line longer than the buffer grows it, and blank lines are skipped. Bytes stay
     * bytes until a line is read, so that invalid UTF-8 spoils one line rather than the replay.
     */
    public void readLines(InputStream in, int chunkBytes, LineSink sink) throws IOException {
        byte[] buffer = new byte[chunkBytes];
        int start = 0;
        int limit = 0;
        // once a line has run past the data, [start, unsplit) holds no '\n': a line longer than a read is
        // not read again after each read, only once its end (or the end of data) is in the buffer
        int unsplit = -1;
        boolean endOfData = false;
        while (true) {
            if (start < limit && (unsplit < 0 || endOfData || indexOfNewline(buffer, unsplit, limit) >= 0)) {
                int next = readLine(buffer, start, limit, endOfData);
                if (next >= 0) {
                    if (!blank) {
                        sink.onLine(captureLine);
                    }
                    start = next;
                    unsplit = -1;
                    continue;
                }
            } else if (start >= limit && endOfData) {
                return;
            }
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
            }
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

    /**
     * Reads the line that starts at {@code bytes[start]} and ends at the first {@code \n} before
     * {@code limit}, or at {@code limit} when that is the end of data; where the next line starts, or -1
     * when the line may go on past {@code limit}. Then {@link #blank} and the fields tell what it was.
     */
    int readLine(byte[] bytes, int start, int limit, boolean endOfData) {
        venue = null;
        event = null;
        hasFrame = false;
        frameLength = 0;
        recvNanos = 0;
        blank = false;
        line = bytes;
        end = limit;
        at = start;
        Boolean flat = scanFlat();
        line = null; // the caller's buffer is refilled after this call
        if (flat == Boolean.TRUE && (at < limit || endOfData)) {
            // the scan stopped at the line's '\n', as nothing it passes over may be one
            captureLine = true;
            return at < limit ? at + 1 : limit;
        }
        int newline = indexOfNewline(bytes, start, limit);
        if (newline < 0 && !endOfData) {
            return -1;
        }
        int next = newline < 0 ? limit : newline + 1;
        int stop = withoutCarriageReturn(bytes, start, newline < 0 ? limit : newline);
        if (flat == null) {
            venue = null;
            event = null;
            hasFrame = false;
            recvNanos = 0;
            captureLine = readWithJackson(bytes, start, stop);
        } else {
            captureLine = false;
            blank = isBlank(bytes, start, stop);
        }
        return next;
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
        return venue;
    }

    public String event() {
        return event;
    }

    public long recvNanos() {
        return recvNanos;
    }

    public boolean hasFrame() {
        return hasFrame;
    }

    public char[] frame() {
        return frame;
    }

    public int frameLength() {
        return frameLength;
    }

    /** True or false for a flat line; null when the line needs the general parser. */
    private Boolean scanFlat() {
        int start = at;
        if (scanAsWritten()) {
            return true;
        }
        at = start;
        venue = null;
        event = null;
        hasFrame = false;
        frameLength = 0;
        recvNanos = 0;
        return scanAnyFlat();
    }

    /**
     * True when the line is a capture line laid out exactly as the capture writer writes it; false sends
     * it to the general scan. Matching the fixed keys a word at a time saves scanning them byte by byte.
     */
    private boolean scanAsWritten() {
        byte[] in = line;
        int i = at;
        if (i + Long.BYTES * 5 > end || (long) LONGS.get(in, i) != VENUE_KEY) {
            return false;
        }
        long venueWord = (long) LONGS.get(in, i + 8);
        if (venueWord == KALSHI_VALUE
                && (long) LONGS.get(in, i + 16) == KALSHI_RECV_NS
                && (int) INTS.get(in, i + 24) == KALSHI_RECV_NS_END) {
            venue = KALSHI;
            i += 28;
        } else if (venueWord == POLYMARKET_VALUE
                && (long) LONGS.get(in, i + 16) == POLYMARKET_RECV_NS
                && (long) LONGS.get(in, i + 24) == POLYMARKET_RECV_NS_END) {
            venue = POLYMARKET;
            i += 32;
        } else {
            return false;
        }
        int digits = i;
        long nanos = 0;
        int digit;
        while (i < end && (digit = in[i] - '0') >= 0 && digit <= 9) {
            if (nanos > (Long.MAX_VALUE - 9) / 10) {
                return false;
            }
            nanos = nanos * 10 + digit;
            i++;
        }
        // the comma, a word-long key with its quotes and colon, and the value's opening quote
        if (i == digits || i + 10 > end || in[i] != ',' || in[i + 9] != '"') {
            return false;
        }
        recvNanos = nanos;
        long key = (long) LONGS.get(in, i + 1);
        if (key != FRAME_KEY && key != EVENT_KEY) {
            return false;
        }
        at = i + 10;
        if (!readValue(i + 2, i + 7) || at >= end || in[at] != '}') {
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

    /**
     * Decodes the UTF-8 JSON string at {@link #at}, up to its closing quote, into {@code out} (which holds
     * {@code end - at} chars); its length, or -1 if it is not a valid string. Stops at a raw {@code \n},
     * as at any control character, so that a string left open never runs into the next line.
     */
    private int decodeString(char[] out) {
        // a byte at a time: the frames escape a quote every ten bytes or so, too often for eight-byte steps
        // to pay for finding where the plain run stops (measured: no faster, with more code)
        byte[] in = line;
        int limit = end;
        int i = at;
        int written = 0;
        while (true) {
            if (i >= limit) {
                return -1;
            }
            byte b = in[i];
            if (b >= 0x20 && b != '"' && b != '\\') { // bytes >= 0x80 are negative: plain ASCII only
                out[written++] = (char) b;
                i++;
                continue;
            }
            if (b == '\\') {
                if (i + 1 < limit) {
                    byte escaped = in[i + 1];
                    if (escaped == '"' || escaped == '\\') { // nearly every escape in a frame
                        out[written++] = (char) escaped;
                        i += 2;
                        continue;
                    }
                }
            } else if (b == '"') {
                at = i + 1;
                return written;
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
                int codePoint = ((lead & 0x07) << 18)
                        | ((second & 0x3F) << 12)
                        | ((in[i + 1] & 0x3F) << 6)
                        | (in[i + 2] & 0x3F);
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
            word = word << 8 | eight.charAt(i);
        }
        return word;
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
                    case "venue" ->
                        venue = token == JsonToken.VALUE_STRING
                                ? parser.getText().intern()
                                : null;
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

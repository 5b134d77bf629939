package com.doubletime.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads capture lines (contracts §2): {@code venue}, {@code recv_ns}, and {@code frame} or {@code event}.
 *
 * <p>A frame is a JSON text escaped inside a JSON string; decoding it one escape at a time through a
 * general parser was the replay's largest cost. This reader scans flat lines itself, over char arrays,
 * unescaping the frame into a reused buffer that the sessions parse in place — no String per frame. Any
 * key order, whitespace and JSON escape is accepted; a line with nested values goes to Jackson. Reused
 * line after line: read the fields before the next {@link #read}.
 */
final class CaptureLineReader {
    static final String KALSHI = "kalshi";
    static final String POLYMARKET = "polymarket";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private char[] line = new char[4096];
    private int length;
    private int at;
    private char[] frame = new char[4096];
    private int frameLength;
    private boolean hasFrame;
    private String venue;
    private String event;
    private long recvNanos;

    /** True when the line is a capture line (its fields may still be missing: check them). */
    boolean read(String text) {
        venue = null;
        event = null;
        hasFrame = false;
        recvNanos = 0;
        length = text.length();
        if (line.length < length) {
            line = new char[Math.max(length, line.length * 2)];
        }
        text.getChars(0, length, line, 0);
        at = 0;
        Boolean flat = scanFlat();
        return flat != null ? flat : readWithJackson(text);
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
        while (true) {
            skipSpace();
            if (next() != '"') {
                return false;
            }
            int keyStart = at;
            while (at < length && line[at] != '"' && line[at] != '\\') {
                at++;
            }
            if (at >= length || line[at] == '\\') {
                return null;
            }
            int keyEnd = at++;
            skipSpace();
            if (next() != ':') {
                return false;
            }
            skipSpace();
            char c = peek();
            if (c == '"') {
                at++;
                if (!readValue(keyStart, keyEnd)) {
                    return false;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = at;
                while (at < length && "-+.eE0123456789".indexOf(line[at]) >= 0) {
                    at++;
                }
                if (is(keyStart, keyEnd, "recv_ns") && !parseNanos(start, at)) {
                    return false;
                }
            } else {
                return null; // nested values and literals: the general parser
            }
            skipSpace();
            char separator = next();
            if (separator == '}') {
                return atEnd();
            }
            if (separator != ',') {
                return false;
            }
        }
    }

    /** Reads a string value after its opening quote into the field its key names. */
    private boolean readValue(int keyStart, int keyEnd) {
        if (is(keyStart, keyEnd, "frame")) {
            frameLength = unescapeInto();
            hasFrame = frameLength >= 0;
            return hasFrame;
        }
        int start = at;
        int end = unescapeInPlace();
        if (end < 0) {
            return false;
        }
        if (is(keyStart, keyEnd, "venue")) {
            venue = is(start, end, KALSHI) ? KALSHI : is(start, end, POLYMARKET) ? POLYMARKET : new String(line, start, end - start);
        } else if (is(keyStart, keyEnd, "event")) {
            event = new String(line, start, end - start);
        } else if (is(keyStart, keyEnd, "recv_ns")) {
            return parseNanos(start, end);
        }
        return true;
    }

    /** Decodes the string at {@link #at} into {@link #frame}; its length, or -1 if it is not valid. */
    private int unescapeInto() {
        if (frame.length < length - at) {
            frame = new char[Math.max(length - at, frame.length * 2)]; // decoding never lengthens
        }
        return unescape(frame, 0);
    }

    /** Decodes the string at {@link #at} over itself (escapes only shrink it); its end, or -1. */
    private int unescapeInPlace() {
        return unescape(line, at);
    }

    /** Decodes the string at {@link #at}, up to its closing quote, into {@code out} from {@code written}. */
    private int unescape(char[] out, int written) {
        char[] in = line;
        while (at < length) {
            char c = in[at++];
            if (c == '"') {
                return written;
            }
            if (c == '\\') {
                int decoded = escape();
                if (decoded < 0) {
                    return -1;
                }
                c = (char) decoded;
            } else if (c < 0x20) {
                return -1;
            }
            out[written++] = c;
        }
        return -1;
    }

    private int escape() {
        if (at >= length) {
            return -1;
        }
        char escaped = line[at++];
        return switch (escaped) {
            case '"', '\\', '/' -> escaped;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> {
                if (at + 4 > length) {
                    yield -1;
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(line[at++], 16);
                    if (digit < 0) {
                        yield -1;
                    }
                    code = code * 16 + digit;
                }
                yield code;
            }
            default -> -1;
        };
    }

    private boolean parseNanos(int start, int end) {
        if (start >= end) {
            return false;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = line[i];
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        recvNanos = value;
        return true;
    }

    private boolean is(int start, int end, String expected) {
        if (end - start != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (line[start + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean atEnd() {
        skipSpace();
        return at >= length;
    }

    private void skipSpace() {
        while (at < length && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r' || line[at] == '\n')) {
            at++;
        }
    }

    private char peek() {
        return at < length ? line[at] : '\0';
    }

    private char next() {
        return at < length ? line[at++] : '\0';
    }

    private boolean readWithJackson(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "venue" -> venue = value == JsonToken.VALUE_STRING ? parser.getText().intern() : null;
                    case "event" -> event = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "frame" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            String decoded = parser.getText();
                            frame = decoded.length() > frame.length ? new char[decoded.length()] : frame;
                            decoded.getChars(0, decoded.length(), frame, 0);
                            frameLength = decoded.length();
                            hasFrame = true;
                        }
                    }
                    case "recv_ns" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            recvNanos = parser.getLongValue();
                        } else if (value == JsonToken.VALUE_STRING) {
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

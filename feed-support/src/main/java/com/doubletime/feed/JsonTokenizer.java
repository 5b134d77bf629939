package com.doubletime.feed;

import com.doubletime.domain.NameTable;

/**
 * A strict JSON pull tokenizer over a slice of chars, reused frame after frame by the venues' frame parsers.
 *
 * <p>Why not Jackson's {@code JsonParser} here: a parser object per frame (its context, buffers and location
 * bookkeeping) and a general tokenizer cost several times what the books and the detector do, which capped
 * the replay far below its throughput target. This class does the one thing the parsers need — walk one
 * frame's tokens in place — with no allocation in steady state: string values without escapes are slices of
 * the input, escaped ones are decoded into a reused buffer, field names come from a bounded {@link NameTable}.
 *
 * <p>It accepts exactly RFC 8259 JSON as Jackson's defaults do (no comments, single quotes, trailing commas,
 * leading zeros, {@code NaN}, unescaped control characters in strings, or content after the root value), and
 * reports anything else as {@link MalformedFrameException}; {@code JsonTokenizerTest} checks it token for
 * token against Jackson on valid and corrupted frames. Single-threaded.
 */
public final class JsonTokenizer {
    /** Initial buffers; both grow to the longest string or frame seen. */
    private static final int SCRATCH_CHARS = 256;

    private static final int COPY_CHARS = 1024;

    public enum Token {
        START_OBJECT,
        END_OBJECT,
        START_ARRAY,
        END_ARRAY,
        FIELD_NAME,
        STRING,
        NUMBER_INT,
        NUMBER_FLOAT,
        TRUE,
        FALSE,
        NULL
    }

    /** Deeper than any venue frame; bounds the container stack against hostile input. */
    static final int MAX_DEPTH = 128;

    private char[] in = new char[0];
    private int at;
    private int end;
    private final boolean[] objectAt = new boolean[MAX_DEPTH];
    private int depth;
    private boolean rootDone;
    private Token current;
    private String currentName;
    private char[] text;
    private int textStart;
    private int textLength;
    private char[] scratch = new char[SCRATCH_CHARS];
    private char[] copied = new char[COPY_CHARS];
    private final NameTable names = new NameTable();
    /** Field names by their position in the last frames, tried first (see {@link #name}). */
    private static final int EXPECTED_NAMES = 64;

    private final String[] expectedNames = new String[EXPECTED_NAMES];
    private final char[][] expectedSpellings = new char[EXPECTED_NAMES][];
    private int nameOrdinal;

    /** Starts on a new frame held in {@code frame[offset, offset + length)}; the array is read, never written. */
    public JsonTokenizer reset(char[] frame, int offset, int length) {
        in = frame;
        at = offset;
        end = offset + length;
        depth = 0;
        nameOrdinal = 0;
        rootDone = false;
        current = null;
        currentName = null;
        return this;
    }

    /** Starts on a frame received as a String, copied into a reused buffer. */
    public JsonTokenizer reset(String frame) {
        int length = frame.length();
        if (copied.length < length) {
            copied = new char[Math.max(length, copied.length * 2)];
        }
        frame.getChars(0, length, copied, 0);
        return reset(copied, 0, length);
    }

    /** The next token; null once the root value is complete and only whitespace follows. */
    public Token next() throws MalformedFrameException {
        skipSpace();
        if (depth == 0) {
            if (rootDone) {
                if (at < end) {
                    throw malformed("trailing content after the JSON value");
                }
                return current = null;
            }
            if (at >= end) {
                throw malformed("no JSON value");
            }
            return current = value();
        }
        if (at >= end) {
            throw malformed("unexpected end of frame");
        }
        char c = in[at];
        if (objectAt[depth - 1]) {
            if (current == Token.FIELD_NAME) {
                if (c != ':') {
                    throw malformed("expected ':' after field name " + currentName);
                }
                at++;
                skipSpace();
                return current = value();
            }
            if (c == '}') {
                at++;
                return close(Token.END_OBJECT);
            }
            if (current != Token.START_OBJECT) { // after a value: a comma, then the next name
                if (c != ',') {
                    throw malformed("expected ',' or '}'");
                }
                at++;
                skipSpace();
            }
            return current = name();
        }
        if (c == ']') {
            at++;
            return close(Token.END_ARRAY);
        }
        if (current != Token.START_ARRAY) { // after a value: a comma, then the next value
            if (c != ',') {
                throw malformed("expected ',' or ']'");
            }
            at++;
            skipSpace();
        }
        return current = value();
    }

    public Token currentToken() {
        return current;
    }

    /** The name of the field whose value comes next: a canonical instance, so switching on it allocates nothing. */
    public String currentName() {
        return currentName;
    }

    /** Skips the container just opened (with everything in it); a no-op on any other token. */
    public void skipChildren() throws MalformedFrameException {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    /** The text of the current string, name or number: valid until the next call of {@link #next}. */
    public char[] textChars() {
        return text;
    }

    public int textOffset() {
        return textStart;
    }

    public int textLength() {
        return textLength;
    }

    public String text() {
        return new String(text, textStart, textLength);
    }

    /** The current integer token as a long; an integer out of range is malformed, as Jackson's coercion fails. */
    public long longValue() throws MalformedFrameException {
        if (current != Token.NUMBER_INT) {
            throw malformed("not an integer");
        }
        int i = textStart;
        int stop = textStart + textLength;
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        for (; i < stop; i++) {
            int digit = text[i] - '0';
            // accumulate negatively so Long.MIN_VALUE fits
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw malformed("integer out of range of a long");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw malformed("integer out of range of a long");
            }
            value = -value;
        }
        return value;
    }

    private Token close(Token closing) throws MalformedFrameException {
        depth--;
        if (depth == 0) {
            rootDone = true;
        }
        return current = closing;
    }

    private Token value() throws MalformedFrameException {
        if (at >= end) {
            throw malformed("unexpected end of frame");
        }
        char c = in[at];
        Token token;
        switch (c) {
            case '{' -> {
                at++;
                return open(true, Token.START_OBJECT);
            }
            case '[' -> {
                at++;
                return open(false, Token.START_ARRAY);
            }
            case '"' -> {
                string();
                token = Token.STRING;
            }
            case 't' -> token = literal("true", Token.TRUE);
            case 'f' -> token = literal("false", Token.FALSE);
            case 'n' -> token = literal("null", Token.NULL);
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw malformed("unexpected character '" + printable(c) + "'");
                }
                token = number();
            }
        }
        if (depth == 0) {
            rootDone = true;
        }
        return token;
    }

    private Token open(boolean object, Token token) throws MalformedFrameException {
        if (depth == MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
        objectAt[depth++] = object;
        return token;
    }

    private Token name() throws MalformedFrameException {
        if (at >= end || in[at] != '"') {
            throw malformed("expected a field name");
        }
        char[] chars = in;
        int start = at + 1;
        int ordinal = nameOrdinal++;
        // a venue's frames repeat one shape, so the name at this position is most likely last frame's one here
        if (ordinal < EXPECTED_NAMES) {
            char[] expected = expectedSpellings[ordinal];
            if (expected != null && startsWith(chars, start, expected)) {
                text = chars;
                textStart = start;
                textLength = expected.length;
                at = start + expected.length + 1;
                currentName = expectedNames[ordinal];
                return Token.FIELD_NAME;
            }
        }
        // otherwise hash the name while finding its end, so the lookup needs no second pass
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c == '"') {
                text = chars;
                textStart = start;
                textLength = i - start;
                at = i + 1;
                currentName = names.intern(chars, start, textLength, hash);
                if (ordinal < EXPECTED_NAMES) {
                    // only an unescaped name may be matched against the raw input next time
                    expectedNames[ordinal] = currentName;
                    expectedSpellings[ordinal] = names.lastSpelling();
                }
                return Token.FIELD_NAME;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            hash = 31 * hash + c;
        }
        string();
        currentName = names.intern(text, textStart, textLength);
        return Token.FIELD_NAME;
    }

    /** True when {@code expected} and then a closing quote follow at {@code start}. */
    private boolean startsWith(char[] chars, int start, char[] expected) {
        int length = expected.length;
        if (start + length >= end || chars[start + length] != '"') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the string at {@link #at} (its opening quote); a slice of the input unless it has escapes. */
    private void string() throws MalformedFrameException {
        int start = ++at;
        char[] chars = in;
        int stop = end;
        int i = start;
        while (i < stop) {
            char c = chars[i];
            if (c == '"') {
                text = chars;
                textStart = start;
                textLength = i - start;
                at = i + 1;
                return;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            i++;
        }
        at = i;
        escapedString(start);
    }

    /** The slow path: decodes from {@code start} into {@link #scratch}, escapes included. */
    private void escapedString(int start) throws MalformedFrameException {
        int written = at - start;
        ensureScratch(written + 16);
        System.arraycopy(in, start, scratch, 0, written);
        while (at < end) {
            char c = in[at++];
            if (c == '"') {
                text = scratch;
                textStart = 0;
                textLength = written;
                return;
            }
            if (c < 0x20) {
                throw malformed("unescaped control character in a string");
            }
            if (c == '\\') {
                c = escape();
            }
            ensureScratch(written + 1);
            scratch[written++] = c;
        }
        throw malformed("unterminated string");
    }

    private char escape() throws MalformedFrameException {
        if (at >= end) {
            throw malformed("unterminated string");
        }
        char escaped = in[at++];
        return switch (escaped) {
            case '"', '\\', '/' -> escaped;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> {
                if (at + 4 > end) {
                    throw malformed("truncated \\u escape");
                }
                int code = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(in[at++], 16);
                    if (digit < 0) {
                        throw malformed("invalid \\u escape");
                    }
                    code = code * 16 + digit;
                }
                yield (char) code;
            }
            default -> throw malformed("invalid escape '\\" + printable(escaped) + "'");
        };
    }

    private void ensureScratch(int size) {
        if (scratch.length < size) {
            char[] grown = new char[Math.max(size, scratch.length * 2)];
            System.arraycopy(scratch, 0, grown, 0, scratch.length);
            scratch = grown;
        }
    }

    /** RFC 8259 number: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}. */
    private Token number() throws MalformedFrameException {
        int start = at;
        if (in[at] == '-') {
            at++;
        }
        if (at >= end) {
            throw malformed("truncated number");
        }
        if (in[at] == '0') {
            at++;
            if (at < end && isDigit(in[at])) {
                throw malformed("number with a leading zero");
            }
        } else if (!digits()) {
            throw malformed("number without digits");
        }
        boolean integer = true;
        if (at < end && in[at] == '.') {
            at++;
            integer = false;
            if (!digits()) {
                throw malformed("number without digits after the decimal point");
            }
        }
        if (at < end && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            integer = false;
            if (at < end && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            if (!digits()) {
                throw malformed("number without exponent digits");
            }
        }
        if (at < end && !isDelimiter(in[at])) {
            throw malformed("unexpected character '" + printable(in[at]) + "' in a number");
        }
        text = in;
        textStart = start;
        textLength = at - start;
        return integer ? Token.NUMBER_INT : Token.NUMBER_FLOAT;
    }

    private boolean digits() {
        int start = at;
        while (at < end && isDigit(in[at])) {
            at++;
        }
        return at > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private Token literal(String word, Token token) throws MalformedFrameException {
        int length = word.length();
        if (at + length > end) {
            throw malformed("truncated literal");
        }
        for (int k = 0; k < length; k++) {
            if (in[at + k] != word.charAt(k)) {
                throw malformed("unexpected character '" + printable(in[at + k]) + "'");
            }
        }
        at += length;
        if (at < end && !isDelimiter(in[at])) {
            throw malformed("unexpected character '" + printable(in[at]) + "' after " + word);
        }
        text = in;
        textStart = at - length;
        textLength = length;
        return token;
    }

    private void skipSpace() {
        char[] chars = in;
        while (at < end) {
            char c = chars[at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private MalformedFrameException malformed(String reason) {
        return new MalformedFrameException(MalformedReason.SYNTAX, reason + " at char " + at);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}

package com.doubletime.executor.journal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a JSON Lines journal file, read in bounded memory: a line longer than {@link #MAX_LINE_BYTES} is
 * reported as such and skipped up to its line break without being held (a zero-filled tail of hundreds of
 * megabytes left by a crash is one such line), and every line is decoded as strict UTF-8, so a byte sequence that
 * is not UTF-8 is reported with the line and byte where it starts instead of failing the whole read.
 */
final class JournalFileLines implements Closeable {
    /** A journal line is about a kilobyte; a megabyte is far beyond any entry the executor writes. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final int READ_BUFFER_BYTES = 1 << 16;
    private static final int INITIAL_LINE_BYTES = 4096;

    /**
     * One line: its text when it could be decoded, else why not.
     *
     * @param number 1-based line number
     * @param offset where the line starts in the file (bytes)
     * @param terminated whether a line break ends it (the file's last line may lack one: a write cut short)
     */
    record Line(long number, long offset, String text, String problem, boolean terminated) {
        boolean readable() {
            return problem == null;
        }

        boolean blank() {
            return text != null && text.isBlank();
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[INITIAL_LINE_BYTES];
    private long number;
    private long offset;

    JournalFileLines(InputStream in, int maxLineBytes) {
        this.in = new BufferedInputStream(in, READ_BUFFER_BYTES);
        this.maxLineBytes = maxLineBytes;
    }

    static JournalFileLines open(Path path) throws IOException {
        return new JournalFileLines(Files.newInputStream(path), MAX_LINE_BYTES);
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean nul = false;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        long start = offset;
        while (b >= 0 && b != '\n') {
            total++;
            nul |= b == 0;
            if (total <= maxLineBytes) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                }
                line[length++] = (byte) b;
            }
            b = in.read();
        }
        boolean terminated = b == '\n';
        offset += total + (terminated ? 1 : 0);
        number++;
        if (total > maxLineBytes) {
            return new Line(
                    number,
                    start,
                    null,
                    total + " bytes long, over the " + maxLineBytes + "-byte limit of a journal line"
                            + (nul ? " (NUL bytes: a zero-filled tail, as a crash or a full disk leaves)" : ""),
                    terminated);
        }
        if (nul) {
            return new Line(
                    number,
                    start,
                    null,
                    "NUL bytes (a zero-filled tail, as a crash or a full disk leaves)",
                    terminated);
        }
        try {
            return new Line(
                    number, start, utf8.decode(ByteBuffer.wrap(line, 0, length)).toString(), null, terminated);
        } catch (MalformedInputException e) {
            return new Line(number, start, null, "not valid UTF-8 at byte " + (firstBad(length) + 1), terminated);
        } catch (CharacterCodingException e) {
            return new Line(number, start, null, "not valid UTF-8: " + e, terminated);
        }
    }

    /** Where the first byte that cannot start or continue a UTF-8 sequence is (0-based). */
    private int firstBad(int length) {
        utf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CoderResult result = utf8.decode(bytes, CharBuffer.allocate(length), true);
        return result.isError() ? bytes.position() : 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CaptureLineReaderTest {
    private final CaptureLineReader reader = new CaptureLineReader();

    private String frame() {
        return reader.hasFrame() ? new String(reader.frame(), 0, reader.frameLength()) : null;
    }

    @Test
    void readsAFrameLineUnescapingTheFrame() {
        assertTrue(reader.read("{\"venue\":\"kalshi\",\"recv_ns\":1764054000123456789,\"frame\":\"{\\\"type\\\":\\\"ok\\\",\\\"x\\\":\\\"a\\\\\\\\b\\\\u00e9\\\"}\"}"));
        assertSame(CaptureLineReader.KALSHI, reader.venue());
        assertEquals(1764054000123456789L, reader.recvNanos());
        assertEquals("{\"type\":\"ok\",\"x\":\"a\\\\b\\u00e9\"}", frame());
    }

    @Test
    void readsEventLinesInAnyKeyOrderAndSpacing() {
        assertTrue(reader.read(" { \"event\" : \"disconnected\" , \"recv_ns\" : 12 ,\"venue\":\"polymarket\" } "));
        assertSame(CaptureLineReader.POLYMARKET, reader.venue());
        assertEquals(12, reader.recvNanos());
        assertEquals("disconnected", reader.event());
        assertFalse(reader.hasFrame());
    }

    @Test
    void decodesUnicodeAndControlEscapesLikeAnyJsonParser() {
        assertTrue(reader.read("{\"venue\":\"polymarket\",\"recv_ns\":1,\"frame\":\"PONG\\u2603\"}"));
        assertEquals("PONG\u2603", frame());
        assertTrue(reader.read("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"tab\\there\"}"));
        assertEquals("tab\there", frame());
    }

    @Test
    void fallsBackToTheGeneralParserForNestedValues() {
        assertTrue(reader.read("{\"venue\":\"kalshi\",\"meta\":{\"a\":[1,2]},\"recv_ns\":\"5\",\"frame\":\"x\"}"));
        assertEquals("kalshi", reader.venue());
        assertEquals(5, reader.recvNanos());
        assertEquals("x", frame());
    }

    @Test
    void growsForLongFrames() {
        String big = "y".repeat(100_000);
        assertTrue(reader.read("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"" + big + "\"}"));
        assertEquals(big, frame());
    }

    @Test
    void rejectsWhatIsNotACaptureLine() {
        assertFalse(reader.read("not json"));
        assertFalse(reader.read("{\"venue\":\"kalshi\",\"frame\":\"unterminated}"));
        assertFalse(reader.read("{\"venue\":\"kalshi\"} trailing"));
        assertFalse(reader.read("[1,2]"));
        assertFalse(reader.read("{\"venue\":\"kalshi\",\"recv_ns\":\"soon\",\"frame\":\"x\"}"));
        assertTrue(reader.read("{\"venue\":\"kalshi\"}"));
        assertNull(reader.event());
        assertFalse(reader.hasFrame());
    }

    /** Reads {@code text} from the middle of a larger buffer, so that the slice bounds are honoured. */
    private boolean readBytes(byte[] text) {
        byte[] padded = new byte[text.length + 16];
        Arrays.fill(padded, (byte) 'x');
        System.arraycopy(text, 0, padded, 7, text.length);
        return reader.read(padded, 7, 7 + text.length);
    }

    private boolean readBytes(String text) {
        return readBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void decodesTwoThreeAndFourByteUtf8InAFrameIncludingSurrogatePairs() {
        // é, €, a snowman and an emoji, raw in the capture as the feeds write them
        String text = "caf\u00e9 \u20ac5 \u2603 \ud83d\ude00 end";
        assertTrue(readBytes("{\"venue\":\"polymarket\",\"recv_ns\":7,\"frame\":\"{\\\"m\\\":\\\"" + text + "\\\"}\"}"));
        assertSame(CaptureLineReader.POLYMARKET, reader.venue());
        assertEquals(7, reader.recvNanos());
        assertEquals("{\"m\":\"" + text + "\"}", frame());
        int emoji = frame().indexOf('\ud83d');
        assertTrue(Character.isSurrogatePair(reader.frame()[emoji], reader.frame()[emoji + 1]));
    }

    @Test
    void keepsUnicodeEscapesOfSurrogatesAsTheyAre() {
        assertTrue(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"a\\ud83d\\ude00b\\ud83dc\"}"));
        assertEquals("a\ud83d\ude00b\ud83dc", frame());
    }

    @Test
    void makesALineWithInvalidUtf8MalformedAndReadsTheNextOne() {
        List<byte[]> invalid = List.of(
                bytes(0x80), // a continuation byte without a lead
                bytes(0xC0, 0xAF), // an overlong '/'
                bytes(0xC3), // a lead byte cut short by the closing quote
                bytes(0xE2, 0x82), // a 3-byte sequence cut short
                bytes(0xE0, 0x80, 0xAF), // an overlong 3-byte sequence
                bytes(0xED, 0xA0, 0x80), // a UTF-16 surrogate encoded as UTF-8
                bytes(0xF0, 0x8F, 0xBF, 0xBF), // an overlong 4-byte sequence
                bytes(0xF4, 0x90, 0x80, 0x80), // above U+10FFFF
                bytes(0xF5, 0x80, 0x80, 0x80),
                bytes(0xFF),
                bytes(0xC3, 0x41)); // a lead byte followed by ASCII
        for (byte[] sequence : invalid) {
            byte[] line = concat("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"0123456789", sequence, "abc\"}");
            assertFalse(readBytes(line), Arrays.toString(sequence));
            assertFalse(readBytes(concat("{\"venue\":\"kal", sequence, "shi\",\"recv_ns\":1,\"frame\":\"x\"}")), Arrays.toString(sequence));
            assertTrue(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":2,\"frame\":\"ok\"}"));
            assertEquals("ok", frame());
            assertEquals(2, reader.recvNanos());
        }
        // the general parser, for a line with nested values, holds to the same rule
        assertFalse(readBytes(concat("{\"venue\":\"kalshi\",\"meta\":{},\"frame\":\"a", bytes(0xFF), "\"}")));
    }

    @Test
    void makesALineWithABadEscapeOrARawControlCharacterMalformed() {
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"a\\xb\"}"));
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"a\\u12G4\"}"));
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"a\\u12\"}"));
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"tab\there\"}"));
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"ends in a backslash\\"));
        assertFalse(readBytes("{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"no closing quote"));
    }

    @Test
    void decodesLikeJacksonWhereverEscapesAndMultiByteCharactersFallInTheLine() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        String[] pieces = {"a", "0", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\ud83d\\ude00", "\u00e9", "\u20ac",
            "\ud83d\ude00", "{", "}", ":", ","};
        for (int round = 0; round < 2000; round++) {
            StringBuilder value = new StringBuilder();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            String line = "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"" + value + "\"}";
            String expected = json.readTree(line).get("frame").asText();
            assertTrue(readBytes(line), line);
            assertEquals(expected, frame(), line);
        }
    }

    @Test
    void splitsOnNewlinesDroppingCarriageReturnsKeepingALastLineWithoutNewline() throws IOException {
        String capture = "first\r\n\nsecond\n\r\n   \nthird\r\nlast without newline";
        List<String> expected = List.of("first", "", "second", "", "   ", "third", "last without newline");
        for (int chunk = 1; chunk <= capture.length() + 1; chunk++) {
            assertEquals(expected, lines(capture, chunk), "chunk of " + chunk + " bytes");
        }
        assertEquals(List.of("only"), lines("only\n", 4));
        assertEquals(List.of(), lines("", 8));
    }

    @Test
    void growsTheBufferForALineLongerThanTheChunk() throws IOException {
        String longLine = "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"" + "z".repeat(5_000) + "\"}";
        List<String> lines = lines("short\n" + longLine + "\r\nafter\n", 64);
        assertEquals(List.of("short", longLine, "after"), lines);
    }

    @Test
    void findsANewlineAtEveryPositionAmongBytesThatDifferFromItByOneBit() {
        int[] neighbours = {0x0B, 0x09, 0x08, 0x8A, 0x00, 0xFF, 0x1A, 0x4A};
        for (int length = 1; length <= 24; length++) {
            for (int position = 0; position < length; position++) {
                for (int neighbour : neighbours) {
                    byte[] bytes = new byte[length];
                    Arrays.fill(bytes, (byte) neighbour);
                    bytes[position] = '\n';
                    assertEquals(position, CaptureLineReader.indexOfNewline(bytes, 0, length));
                    assertEquals(-1, CaptureLineReader.indexOfNewline(bytes, position + 1, length));
                }
            }
        }
    }

    @Test
    void readsCaptureLinesSplitFromBytesWithCrlfEndings() throws IOException {
        String capture = "{\"venue\":\"kalshi\",\"recv_ns\":1,\"event\":\"connected\"}\r\n"
                + "{\"venue\":\"kalshi\",\"recv_ns\":2,\"frame\":\"{\\\"a\\\":\\\"\u00e9\\\"}\"}\r\n";
        List<String> seen = new ArrayList<>();
        CaptureLineReader.readLines(new ByteArrayInputStream(capture.getBytes(StandardCharsets.UTF_8)), 16, (bytes, start, end) -> {
            if (!reader.read(bytes, start, end)) {
                fail("not a capture line: " + new String(bytes, start, end - start, StandardCharsets.UTF_8));
            }
            seen.add(reader.recvNanos() + " " + (reader.hasFrame() ? frame() : reader.event()));
        });
        assertEquals(List.of("1 connected", "2 {\"a\":\"\u00e9\"}"), seen);
    }

    private static List<String> lines(String capture, int chunkBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        CaptureLineReader.readLines(new ByteArrayInputStream(capture.getBytes(StandardCharsets.UTF_8)), chunkBytes,
                (bytes, start, end) -> lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
        return lines;
    }
}

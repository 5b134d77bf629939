package com.doubletime.feed.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(
                reader.read(
                        "{\"venue\":\"kalshi\",\"recv_ns\":1764054000123456789,\"frame\":\"{\\\"type\\\":\\\"ok\\\",\\\"x\\\":\\\"a\\\\\\\\b\\\\u00e9\\\"}\"}"));
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
        assertTrue(
                readBytes("{\"venue\":\"polymarket\",\"recv_ns\":7,\"frame\":\"{\\\"m\\\":\\\"" + text + "\\\"}\"}"));
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
            assertFalse(
                    readBytes(concat("{\"venue\":\"kal", sequence, "shi\",\"recv_ns\":1,\"frame\":\"x\"}")),
                    Arrays.toString(sequence));
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
        String[] pieces = {
            "a",
            "0",
            " ",
            "\\\"",
            "\\\\",
            "\\/",
            "\\n",
            "\\t",
            "\\u00e9",
            "\\ud83d\\ude00",
            "\u00e9",
            "\u20ac",
            "\ud83d\ude00",
            "{",
            "}",
            ":",
            ","
        };
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

    private static final String CONNECTED = "{\"venue\":\"kalshi\",\"recv_ns\":1,\"event\":\"connected\"}";
    private static final String FRAME = "{\"venue\":\"kalshi\",\"recv_ns\":2,\"frame\":\"{\\\"a\\\":\\\"\u00e9\\\"}\"}";

    @Test
    void readsLinesDroppingCarriageReturnsSkippingBlankLinesKeepingALastLineWithoutNewline() throws IOException {
        String capture = CONNECTED + "\r\n\n" + FRAME + "\n\r\n   \n\u000b\n" + CONNECTED + "\r\n" + FRAME;
        List<String> expected = List.of("1 connected", "2 {\"a\":\"\u00e9\"}", "1 connected", "2 {\"a\":\"\u00e9\"}");
        for (int chunk = 1; chunk <= capture.length() + 1; chunk++) {
            assertEquals(expected, lines(capture, chunk), "chunk of " + chunk + " bytes");
        }
        assertEquals(List.of("1 connected"), lines(CONNECTED + "\n", 4));
        assertEquals(List.of("1 connected"), lines(CONNECTED + "\r", 4));
        assertEquals(List.of(), lines("", 8));
        assertEquals(List.of(), lines("\n \r\n\t", 8));
    }

    @Test
    void acceptsWhitespaceAfterTheClosingBraceButNothingElse() throws IOException {
        String capture = CONNECTED + " \t \r\n" + CONNECTED + " x\n" + CONNECTED + "}\n" + CONNECTED + "\u000b\n"
                + CONNECTED + " \t";
        List<String> expected = List.of("1 connected", "malformed", "malformed", "malformed", "1 connected");
        for (int chunk = 1; chunk <= capture.length() + 1; chunk++) {
            assertEquals(expected, lines(capture, chunk), "chunk of " + chunk + " bytes");
        }
    }

    @Test
    void endsAMalformedLineAtItsNewlineSoThatTheNextLineIsRead() throws IOException {
        String[] malformed = {
            "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"unterminated",
            "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"ends in a backslash\\",
            "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"ok\"",
            "{\"venue\":\"kalshi\",\"recv_ns\":3,",
            "{\"venue\":\"kalshi\",\"recv_ns\":3",
            "{\"venue\":\"kalshi\",\"recv_",
            "{\"venue\":\"kalshi\",\"recv_ns\":",
            "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"x\"} {\"venue\":\"kalshi\",\"recv_ns\":4,\"frame\":\"y\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"x\"}garbage",
            "{\"venue\":\"kalshi\",\"meta\":{\"a\":[1,",
            "{\"venue\":\"kalshi\",\"meta\":{\"a\":1}}}",
            "{",
            "not json",
        };
        for (String bad : malformed) {
            for (String newline : List.of("\n", "\r\n")) {
                String capture = bad + newline + FRAME + newline + bad + newline + CONNECTED;
                List<String> expected = List.of("malformed", "2 {\"a\":\"\u00e9\"}", "malformed", "1 connected");
                for (int chunk = 1; chunk <= capture.length() + 1; chunk++) {
                    assertEquals(expected, lines(capture, chunk), bad + ", chunk of " + chunk + " bytes");
                }
            }
            assertEquals(List.of("malformed"), lines(bad, 64), bad + " as the last line");
        }
    }

    @Test
    void readsANestedLineThroughTheGeneralParserBetweenFlatLines() throws IOException {
        String nested = "{\"venue\":\"kalshi\",\"meta\":{\"a\":[1,2]},\"recv_ns\":\"5\",\"frame\":\"x\"}";
        String capture = CONNECTED + "\n" + nested + "\r\n" + FRAME + "\n" + nested;
        List<String> expected = List.of("1 connected", "5 x", "2 {\"a\":\"\u00e9\"}", "5 x");
        for (int chunk = 1; chunk <= capture.length() + 1; chunk++) {
            assertEquals(expected, lines(capture, chunk), "chunk of " + chunk + " bytes");
        }
    }

    @Test
    void makesALineOfInvalidUtf8MalformedWhereverTheChunksEnd() throws IOException {
        byte[] capture = concat(
                FRAME + "\n{\"venue\":\"kalshi\",\"recv_ns\":3,\"frame\":\"a", bytes(0xE2, 0x82), "b\"}\n" + CONNECTED);
        for (int chunk = 1; chunk <= capture.length + 1; chunk++) {
            assertEquals(
                    List.of("2 {\"a\":\"\u00e9\"}", "malformed", "1 connected"),
                    lines(capture, chunk),
                    "chunk of " + chunk + " bytes");
        }
    }

    @Test
    void growsTheBufferForALineLongerThanTheChunk() throws IOException {
        String longLine = "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"" + "z".repeat(5_000) + "\"}";
        assertEquals(
                List.of("1 connected", "1 " + "z".repeat(5_000), "1 connected"),
                lines(CONNECTED + "\n" + longLine + "\r\n" + CONNECTED + "\n", 64));
        String longBadLine = "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"" + "z".repeat(5_000);
        assertEquals(List.of("malformed", "1 connected"), lines(longBadLine + "\n" + CONNECTED, 64));
    }

    @Test
    void readsLinesLaidOutAsTheCaptureWriterWritesThemLikeAnyOtherLayout() {
        String[] lines = {
            "{\"venue\":\"kalshi\",\"recv_ns\":1764054000123456789,\"frame\":\"{\\\"a\\\":1}\"}",
            "{\"venue\":\"polymarket\",\"recv_ns\":5,\"frame\":\"PONG\"}",
            "{\"venue\":\"polymarket\",\"recv_ns\":6,\"event\":\"disconnected\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":7,\"event\":\"reconnecting\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":9223372036854775807,\"frame\":\"max\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":9223372036854775808,\"frame\":\"overflow\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":-1,\"frame\":\"negative\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":1.5,\"frame\":\"fraction\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"two\",\"frame\":\"frames\"}",
            "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":\"x\",\"extra\":2}",
            "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frame\":7}",
            "{\"venue\":\"kalshi\",\"recv_ns\":1,\"frames\":\"x\"}",
            "{\"venue\":\"kalshiX\",\"recv_ns\":1,\"frame\":\"x\"}",
        };
        for (String line : lines) {
            // the same keys and values, spaced: the general scan reads it
            String spaced = " "
                    + line.replace("{\"venue\":", "{ \"venue\" :")
                            .replace(",\"recv_ns\":", ", \"recv_ns\": ")
                            .replace(",\"frame\":", " ,\"frame\" :")
                            .replace(",\"event\":", ",\t\"event\":")
                    + " ";
            boolean spacedResult = reader.read(spaced);
            String expected = describe(spacedResult) + " " + reader.venue();
            boolean result = reader.read(line);
            assertEquals(expected, describe(result) + " " + reader.venue(), line);
        }
        assertTrue(reader.read(lines[0]));
        assertSame(CaptureLineReader.KALSHI, reader.venue());
        assertEquals(1764054000123456789L, reader.recvNanos());
        assertEquals("{\"a\":1}", frame());
        assertFalse(reader.read(lines[5]));
    }

    @Test
    void readsLinesFromTheBufferAsEachLineAloneIsRead() throws IOException {
        Random random = new Random(7);
        String[] pieces = {
            CONNECTED,
            FRAME,
            "",
            " ",
            "\r",
            "not json",
            "{\"venue\":\"polymarket\",\"frame\":\"PONG\"}",
            "{\"venue\":\"kalshi\",\"frame\":\"cut",
            "{\"venue\":\"kalshi\",\"x\":[{}],\"frame\":\"deep\"}",
            "{}",
            "}",
            "{\"a\":\"\\n\"}  "
        };
        for (int round = 0; round < 300; round++) {
            StringBuilder capture = new StringBuilder();
            List<String> expected = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String line = pieces[random.nextInt(pieces.length)];
                if (i > 0) {
                    capture.append(random.nextBoolean() ? "\n" : "\r\n");
                }
                capture.append(line);
                boolean captureLine = reader.read(line);
                if (!reader.blank()) {
                    expected.add(describe(captureLine));
                }
            }
            int chunk = 1 + random.nextInt(capture.length() + 2);
            assertEquals(expected, lines(capture.toString(), chunk), capture + ", chunk of " + chunk + " bytes");
        }
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
                    assertEquals(position, CaptureStream.indexOfNewline(bytes, 0, length));
                    assertEquals(-1, CaptureStream.indexOfNewline(bytes, position + 1, length));
                }
            }
        }
    }

    private String describe(boolean captureLine) {
        return captureLine ? reader.recvNanos() + " " + (reader.hasFrame() ? frame() : reader.event()) : "malformed";
    }

    private List<String> lines(String capture, int chunkBytes) throws IOException {
        return lines(capture.getBytes(StandardCharsets.UTF_8), chunkBytes);
    }

    private List<String> lines(byte[] capture, int chunkBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        reader.readLines(
                new ByteArrayInputStream(capture), chunkBytes, captureLine -> lines.add(describe(captureLine)));
        return lines;
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

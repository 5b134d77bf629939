package com.doubletime.feed.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class CaptureWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesFramesAndConnectionEventsInTheCaptureFormat() throws Exception {
        Path file = dir.resolve("capture.jsonl");
        try (CaptureWriter capture = CaptureWriter.open(file)) {
            capture.event(Platform.KALSHI, 1764054000123456788L, CaptureWriter.CONNECTED);
            capture.frame(Platform.KALSHI, 1764054000123456789L, "{\"type\":\"orderbook_delta\",\"sid\":2}");
            capture.frame(Platform.POLYMARKET, 1764054000123999999L, "PONG");
            capture.event(Platform.POLYMARKET, 1764054000124000001L, CaptureWriter.DISCONNECTED);
        }

        assertEquals(
                List.of(
                        "{\"venue\":\"kalshi\",\"recv_ns\":1764054000123456788,\"event\":\"connected\"}",
                        "{\"venue\":\"kalshi\",\"recv_ns\":1764054000123456789,\"frame\":\"{\\\"type\\\":\\\"orderbook_delta\\\",\\\"sid\\\":2}\"}",
                        "{\"venue\":\"polymarket\",\"recv_ns\":1764054000123999999,\"frame\":\"PONG\"}",
                        "{\"venue\":\"polymarket\",\"recv_ns\":1764054000124000001,\"event\":\"disconnected\"}"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void escapesFrameTextSoAJsonReaderGetsTheExactTextBack() throws Exception {
        String frame = "[{\"a\":\"back\\\\slash\"}]\n\r\t\u0001 end ünïcödé € \uD83D\uDE00 /";
        Path file = dir.resolve("escape.jsonl");
        try (CaptureWriter capture = CaptureWriter.open(file)) {
            capture.frame(Platform.POLYMARKET, 42, frame);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        JsonObject line = new JsonObject(lines.get(0));
        assertEquals(frame, line.getString("frame"));
        assertEquals(42L, line.getLong("recv_ns"));
        assertEquals("polymarket", line.getString("venue"));
        assertEquals(CaptureWriter.frameLine(Platform.POLYMARKET, 42, frame), lines.get(0));
    }

    @Test
    void closeWritesEveryEnqueuedLineBeforeReturning() throws Exception {
        Path file = dir.resolve("many.jsonl");
        CaptureWriter capture = CaptureWriter.open(file);
        for (int i = 0; i < 50_000; i++) {
            capture.frame(Platform.KALSHI, i, "{\"seq\":" + i + "}");
        }
        capture.close();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(50_000, lines.size());
        assertEquals(CaptureWriter.frameLine(Platform.KALSHI, 49_999, "{\"seq\":49999}"), lines.get(49_999));
        assertEquals(50_000, capture.written());
    }

    @Test
    void appendsToAnExistingCaptureAndDropsLinesAfterClose() throws Exception {
        Path file = dir.resolve("sub/append.jsonl");
        try (CaptureWriter first = CaptureWriter.open(file)) {
            first.frame(Platform.KALSHI, 1, "a");
        }
        CaptureWriter second = CaptureWriter.open(file);
        second.frame(Platform.KALSHI, 2, "b");
        second.close();
        second.frame(Platform.KALSHI, 3, "late");
        second.close();

        assertEquals(
                List.of(
                        CaptureWriter.frameLine(Platform.KALSHI, 1, "a"),
                        CaptureWriter.frameLine(Platform.KALSHI, 2, "b")),
                Files.readAllLines(file, StandardCharsets.UTF_8));
        assertEquals(1, second.dropped());
    }
}

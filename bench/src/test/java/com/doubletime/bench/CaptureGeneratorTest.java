package com.doubletime.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.launcher.ReplayTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameCapture() throws Exception {
        new CaptureGenerator(5, 99).write(dir.resolve("a"), 2_000, 100);
        new CaptureGenerator(5, 99).write(dir.resolve("b"), 2_000, 100);
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("a/capture.jsonl")), Files.readAllBytes(dir.resolve("b/capture.jsonl")));
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("a/pairs.json")), Files.readAllBytes(dir.resolve("b/pairs.json")));
    }

    @Test
    void theSparseSettingWritesTheCaptureItAlwaysWrote() throws Exception {
        // the bytes of this capture before the dense setting existed: sparse figures stay comparable over time
        new CaptureGenerator(10, 5).write(dir, 20_000, 500);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("capture.jsonl")));
        assertEquals(
                "6e5518dadb89c5b1ffe2c372f92b20a91d5fb5951cc60aaafbf1e41ec4ddd92a",
                HexFormat.of().formatHex(digest));
    }

    @Test
    void theDenseSettingOpensOrChangesAWindowInAboutOneFrameIn45() throws Exception {
        new CaptureGenerator(100, 7).write(dir, 90_000, CaptureGenerator.Windows.DENSE);
        JsonNode result = replay();
        assertEquals(0, result.get("malformed").asLong());
        double framesPerWindowFrame =
                result.get("frames").asDouble() / result.get("windowFrames").asDouble();
        assertTrue(
                framesPerWindowFrame > 40 && framesPerWindowFrame < 50,
                "one frame in " + framesPerWindowFrame + " opens or changes a window: " + result);
    }

    @Test
    void theReplaysOpportunityEventsAreByteForByteThoseOfBigDecimalPricing() throws Exception {
        // 2,574 events (1,316 windows opened or changed) written before the detector priced in integers and the
        // money fields were formatted from them (issue 17): the public output must not move by a character
        new CaptureGenerator(100, 7).write(dir, 60_000, CaptureGenerator.Windows.DENSE);
        Path out = dir.resolve("opportunities.jsonl");
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    dir.resolve("pairs.json").toString(),
                    "--capture",
                    dir.resolve("capture.jsonl").toString(),
                    "--out",
                    out.toString()
                },
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(0, code);
        assertEquals(2_574, Files.readAllLines(out).size());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
        assertEquals(
                "2ba734cfcddf5127f4bc52b94d5a339c675cc9ee9dc46dc953f07444dbeef530",
                HexFormat.of().formatHex(digest));
    }

    private JsonNode replay() throws Exception {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    dir.resolve("pairs.json").toString(),
                    "--capture",
                    dir.resolve("capture.jsonl").toString()
                },
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(summary, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        return new ObjectMapper()
                .readTree(summary.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theGeneratedCaptureReplaysCleanlyAndOpensWindows() throws Exception {
        new CaptureGenerator(10, 5).write(dir, 20_000, 500);
        JsonNode result = replay();
        assertEquals(20_000 + 1 + 10 + 1, result.get("frames").asLong()); // + subscribed, snapshots, initial dump
        assertEquals(0, result.get("malformed").asLong());
        assertEquals(0, result.get("gaps").asLong());
        assertTrue(result.get("opportunities").asLong() >= 2 * 20, "each injected window opens and closes: " + result);
    }
}

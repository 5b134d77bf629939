package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest's command line: what it writes where, and every bad input named with exit code 2. */
class BacktestToolTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String resource(String name) throws URISyntaxException {
        return Path.of(BacktestToolTest.class.getResource("/" + name).toURI()).toString();
    }

    private int run(String... args) throws Exception {
        return BacktestTool.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSummaryToStdoutAndEveryTradeWithItsLatencyToTheTradesFile() throws Exception {
        Path trades = dir.resolve("trades.jsonl");

        int code = run(
                "--pairs", resource("replay-pairs.yaml"),
                "--capture", resource("replay-capture.jsonl"),
                "--latency-ms", "0,50",
                "--trades", trades.toString());

        assertEquals(0, code, stderr());
        JsonObject summary = new JsonObject(stdout().strip());
        assertEquals(2, summary.getJsonArray("runs").size());
        assertEquals(0, summary.getJsonArray("runs").getJsonObject(0).getInteger("latencyMs"));
        assertEquals(50, summary.getJsonArray("runs").getJsonObject(1).getInteger("latencyMs"));
        long trades0 = summary.getJsonArray("runs").getJsonObject(0).getLong("trades");
        assertTrue(trades0 >= 1, stdout());
        List<String> lines = Files.readAllLines(trades);
        JsonObject first = new JsonObject(lines.get(0));
        assertEquals(0, first.getInteger("latencyMs"));
        assertEquals("trade", first.getString("type"));
        assertEquals(
                trades0 + summary.getJsonArray("runs").getJsonObject(1).getLong("trades"),
                lines.size(),
                "every trade of both runs");
        assertTrue(stderr().contains("backtest: latency 0 ms: " + trades0 + " trades"), stderr());
        assertFalse(stderr().contains("\r"), "no progress line when stderr is not a terminal");
    }

    @Test
    void theExecutorConfigsRiskLimitsDecideAsTheExecutorWould() throws Exception {
        Path config = dir.resolve("executor.json");
        Files.writeString(config, "{\"executor\":{\"maxNotionalPerTrade\":\"0.5\"}}");

        int code = run(
                "--pairs", resource("replay-pairs.yaml"),
                "--capture", resource("replay-capture.jsonl"),
                "--latency-ms", "0",
                "--executor-config", config.toString());

        assertEquals(0, code, stderr());
        JsonObject run = new JsonObject(stdout().strip()).getJsonArray("runs").getJsonObject(0);
        assertEquals(2, run.getLong("trades"), stdout());
        assertEquals(2, run.getLong("rejected"), "$0.50 a trade does not cover one contract: " + stdout());
        assertEquals(2, run.getJsonObject("missed").getLong("riskLimit"), stdout());
        assertEquals("0.000000", run.getString("capitalUsed"));
    }

    @Test
    void theExecutorConfigsPaperCashPaysTheTradesAndTheCashOptionsOverrideIt() throws Exception {
        Path config = dir.resolve("executor.json");
        Files.writeString(config, "{\"capital\":{\"paperCash\":{\"kalshi\":\"0\",\"polymarket\":\"0\"}}}");
        String[] common = {
            "--pairs", resource("replay-pairs.yaml"),
            "--capture", resource("replay-capture.jsonl"),
            "--latency-ms", "0",
            "--executor-config", config.toString()
        };

        assertEquals(0, run(common), stderr());
        JsonObject broke = new JsonObject(stdout().strip()).getJsonArray("runs").getJsonObject(0);
        assertEquals(0, broke.getLong("filled"), "no cash pays no trade: " + stdout());
        // refused for cash, or closed while waiting in the capital ranking: missed for capital either way
        assertEquals(2, broke.getJsonObject("missed").getLong("capital"), stdout());

        out.reset();
        String[] funded = List.of(common).toArray(new String[common.length + 4]);
        System.arraycopy(new String[] {"--kalshi-cash", "5000", "--polymarket-cash", "5000"}, 0, funded, 8, 4);
        assertEquals(0, run(funded), stderr());
        JsonObject paid = new JsonObject(stdout().strip()).getJsonArray("runs").getJsonObject(0);
        assertEquals(2, paid.getLong("filled"), stdout());
        assertEquals(0, paid.getJsonObject("missed").getLong("capital"), stdout());
    }

    @Test
    void helpListsTheOptionsWithTheirDefaults() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("--latency-ms"), stdout());
        assertTrue(stdout().contains("Default: [0, 25, 100, 250]"), stdout());
        assertTrue(stdout().contains("--kalshi-cash"), stdout());
        assertTrue(stdout().contains("paperCash, else 10000"), stdout());
    }

    @Test
    void aLatencyOutOfRangeOrGivenTwiceIsNamed() throws Exception {
        String pairs = resource("replay-pairs.yaml");
        String capture = resource("replay-capture.jsonl");
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--latency-ms", "0,60001"));
        assertTrue(stderr().contains("--latency-ms takes milliseconds from 0 to 60000, got 60001"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--latency-ms", "25,0,25"));
        assertTrue(stderr().contains("--latency-ms lists 25 twice"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--latency-ms", "fast"));
        assertTrue(stderr().contains("--latency-ms"), stderr());
    }

    @Test
    void aBadExecutorConfigCashOrCapturePathIsNamed() throws Exception {
        String pairs = resource("replay-pairs.yaml");
        String capture = resource("replay-capture.jsonl");
        Path config = dir.resolve("executor.json");
        Files.writeString(config, "{\"riskLimits\":{\"maxTradesPerMinute\":0}}");
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--executor-config", config.toString()));
        assertTrue(stderr().contains("--executor-config " + config + ": executor.riskLimits"), stderr());
        Files.writeString(config, "not json");
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--executor-config", config.toString()));
        assertTrue(stderr().contains("is not a JSON object"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--kalshi-cash", "-5"));
        assertTrue(stderr().contains("--kalshi-cash cannot be negative, got -5"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--polymarket-cash", "lots"));
        assertTrue(stderr().contains("--polymarket-cash takes dollars"), stderr());
        assertEquals(
                2,
                run("--pairs", pairs, "--capture", dir.resolve("nothing-here").toString()));
        assertTrue(stderr().contains("no capture file or directory at"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--report", "/no/such/dir/r.html"));
        assertTrue(stderr().contains("--report /no/such/dir/r.html: no such directory /no/such/dir"), stderr());
        assertEquals(2, run("--pairs", pairs, "--capture", capture, "--speed", "9"));
        assertTrue(stderr().contains("unknown option '--speed'"), stderr());
    }

    @Test
    void aFileWithNoFrameExitsOneAfterWritingTheSummary() throws Exception {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "not a capture line\n");

        assertEquals(1, run("--pairs", resource("replay-pairs.yaml"), "--capture", empty.toString()));
        assertTrue(stdout().startsWith("{\"frames\":1,\"opportunities\":0,\"malformed\":1,"), stdout());
        assertTrue(stderr().contains("no frame could be read from"), stderr());
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.backtest.GeneratedCapture;
import com.doubletime.domain.format.PairJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./double-time backtest --report} on a generated capture, and the report opened from disk in Debian's
 * headless Chromium with the network off (the browser harness the dashboard's test uses): every chart draws from
 * the report's own data, nothing is fetched, no console error; screenshots are saved under target/.
 */
@Timeout(180)
class BacktestReportIT {
    private static final List<String> CHARTS =
            List.of("chart-pnl-time", "chart-pnl-latency", "chart-lifetimes", "chart-edges");

    @TempDir
    Path dir;

    @Test
    void theReportOpensOfflineInChromiumWithEveryChartDrawnFromItsData() throws Exception {
        GeneratedCapture generated = new GeneratedCapture(4, 3);
        Path capture = generated.write(6_000, 30).write(dir.resolve("capture.jsonl"));
        JsonArray pairs = new JsonArray();
        generated.pairs.forEach(pair -> pairs.add(new JsonObject(PairJson.toMap(pair))));
        Path pairsFile = dir.resolve("pairs.json");
        Files.writeString(pairsFile, new JsonObject().put("pairs", pairs).encodePrettily());
        Path report = dir.resolve("report.html");
        Path summary = dir.resolve("summary.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BacktestTool.run(
                new String[] {
                    "--pairs", pairsFile.toString(),
                    "--capture", capture.toString(),
                    "--latency-ms", "0,5,25,100",
                    "--summary", summary.toString(),
                    "--report", report.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        JsonObject written = new JsonObject(Files.readString(summary));
        assertEquals(4, written.getJsonArray("runs").size());
        assertTrue(written.getLong("opportunities") > 10, written.encode());

        Path js = Path.of("src/test/js");
        assertTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is needed: apt-get install -y chromium (./double-time test does it)");
        assertTrue(
                Files.isDirectory(js.resolve("node_modules/playwright-core")),
                "playwright-core is needed: (cd launcher/src/test/js && npm ci) (./double-time test does it)");
        Path screenshot = Path.of("target", "backtest-report.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        ProcessBuilder node = new ProcessBuilder("node", "backtest-report-e2e.mjs")
                .directory(js.toFile())
                .redirectErrorStream(true);
        node.environment().put("DT_REPORT", report.toString());
        node.environment().put("DT_SCREENSHOT", screenshot.toString());
        node.environment().put("DT_TIMEOUT_MS", "60000");
        Process process = node.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8); // ends when node exits
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the browser script finished");
        assertEquals(0, process.exitValue(), output);

        JsonObject result =
                new JsonObject(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(List.of(), result.getJsonArray("problems").getList(), "no console error, no failed request");
        assertEquals(List.of(), result.getJsonArray("requests").getList(), "nothing fetched: it opens offline");
        for (String chart : CHARTS) {
            JsonObject drawn = result.getJsonObject("charts").getJsonObject(chart);
            assertTrue(drawn.getInteger("points") >= 1, chart + " drew data: " + output);
            assertTrue(drawn.getInteger("painted") > 0, chart + " painted its canvas: " + output);
        }
        assertTrue(
                result.getJsonObject("charts").getJsonObject("chart-pnl-time").getInteger("points") >= 3, output);
        assertEquals(
                4,
                result.getJsonObject("charts")
                        .getJsonObject("chart-pnl-latency")
                        .getInteger("points"));
        assertEquals(4, result.getInteger("runRows"), "a row per latency");
        assertEquals(4 * 4, result.getInteger("pairRows"), "a row per pair and latency");
        assertTrue(result.getString("money").startsWith("$"), "money in dollars and cents: " + output);
        assertFalse(result.getBoolean("longIds"), "token ids are shortened");
        assertTrue(result.getInteger("overflow") <= 0, "readable at 800 px without scrolling sideways: " + output);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was saved at " + screenshot);
    }
}

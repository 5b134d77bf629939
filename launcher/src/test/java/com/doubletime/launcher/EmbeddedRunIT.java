package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full {@code ./double-time run} in this JVM (random walk with frequent buy-both windows, the example pairs,
 * a configured API token, Prometheus metrics on) seen the way an operator sees it: the metrics endpoint, the
 * dashboard in a real headless Chromium, and the logs, which must never contain the configured secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
class EmbeddedRunIT {
    private static final String TOKEN = "embedded-run-it-SECRET-7f3a9c2e51b8";
    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static PrintStream originalErr;
    private static PrintStream originalOut;
    private static EmbeddedMain.Running run;
    private static Vertx client;
    private static WebClient web;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startTheEmbeddedRun() throws Exception {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(new Tee(originalErr, LOGS), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, LOGS), true, StandardCharsets.UTF_8));
        run = EmbeddedMain.start(
                new String[] {
                    "--pairs",
                    "../config/pairs.example.json",
                    "--port",
                    "0",
                    "--seed",
                    "7",
                    "--step-millis",
                    "100",
                    "--window-every",
                    "5",
                    "--journal",
                    dir.resolve("trades.jsonl").toString()
                },
                Map.of(GatewayConfig.TOKEN_ENV, TOKEN));
        client = Vertx.vertx();
        web = WebClient.create(client);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (run != null) {
            run.stop().await(30, TimeUnit.SECONDS);
        }
        if (client != null) {
            client.close().await(10, TimeUnit.SECONDS);
        }
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private static HttpResponse<Buffer> get(String uri, String token) throws Exception {
        var request = web.get(run.stack().gatewayPort(), "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await(10, TimeUnit.SECONDS);
    }

    @Test
    @Order(1)
    void metricsExposeEveryNamedMeterOfTheRunningPipeline() throws Exception {
        List<String> meters = List.of(
                "dt_feed_frames_total{venue=\"kalshi\"}",
                "dt_feed_frames_total{venue=\"polymarket\"}",
                "dt_feed_malformed_frames_total",
                "dt_feed_gaps_total",
                "dt_feed_reconnects_total",
                "dt_feed_stale_markets",
                "dt_monitor_frame_to_decision_seconds_bucket",
                "dt_opportunities_found_total",
                "dt_opportunities_closed_total",
                "dt_opportunity_lifetime_seconds_bucket",
                "dt_orders_total",
                "dt_fills_total",
                "dt_trade_rejects_total",
                "dt_unhedged_exposure_dollars",
                "vertx_http_server_requests_total");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String metrics = "";
        while (System.nanoTime() < deadline) {
            metrics = get("/metrics", TOKEN).bodyAsString();
            if (meters.stream().allMatch(metrics::contains)
                    && !metrics.contains("dt_opportunities_closed_total 0.0")
                    && !metrics.contains("dt_feed_frames_total{venue=\"kalshi\"} 0.0")) {
                break;
            }
            Thread.sleep(500);
        }
        for (String meter : meters) {
            assertTrue(metrics.contains(meter), meter + " missing from /metrics");
        }
        assertFalse(metrics.contains("dt_opportunities_closed_total 0.0"), "an opportunity opened and closed");
        assertEquals(401, get("/metrics", null).statusCode());
    }

    @Test
    @Order(2)
    void theDashboardLoadsTradesDrawsItsChartsAndItsKillSwitchAsksThenStopsTrading() throws Exception {
        Path js = Path.of("src/test/js");
        assertTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is needed: apt-get install -y chromium (.ci/run does it)");
        assertTrue(
                Files.isDirectory(js.resolve("node_modules/playwright-core")),
                "playwright-core is needed: (cd launcher/src/test/js && npm ci) (.ci/run does it)");
        // a trade made before the page opens can only reach the table through the load, not the stream
        JsonArray trades = new JsonArray();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (trades.isEmpty() && System.nanoTime() < deadline) {
            trades = get("/api/trades", TOKEN).bodyAsJsonArray();
            Thread.sleep(500);
        }
        assertFalse(trades.isEmpty(), "a trade before the page opens");
        String earliestTrade = trades.stream()
                .map(JsonObject.class::cast)
                .max(Comparator.comparingLong(t -> t.getLong("executedAtNanos")))
                .orElseThrow()
                .getString("tradeId");
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        ProcessBuilder node = new ProcessBuilder("node", "dashboard-e2e.mjs")
                .directory(js.toFile())
                .redirectErrorStream(true);
        node.environment().put("DT_URL", run.gatewayUrl());
        node.environment().put("DT_TOKEN", TOKEN);
        node.environment().put("DT_EXPECT_TRADE", earliestTrade);
        node.environment().put("DT_SCREENSHOT", screenshot.toString());
        node.environment().put("DT_TIMEOUT_MS", "90000");
        Process process = node.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8); // ends when node exits
        }
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "the browser script finished");
        assertEquals(0, process.exitValue(), output);

        JsonObject result =
                new JsonObject(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(result.getString("opportunityId").contains(":KALSHI_"), output);
        assertEquals("KILL SWITCH ON", result.getString("killState"));
        assertTrue(result.getInteger("tradeRows") >= 1, output);
        for (String chart : List.of("chart-pnl", "chart-opportunities", "chart-frames", "chart-latency")) {
            assertTrue(result.getJsonObject("charts").getInteger(chart) >= 2, chart + " drew points: " + output);
        }
        assertTrue(result.getString("money").startsWith("$"), "money in dollars and cents: " + output);
        assertTrue(result.getBoolean("disabledBeforeToken"), "buttons wait for the token: " + output);
        assertTrue(result.getBoolean("enabledAfterToken"), output);
        assertEquals(
                List.of("prompt", "confirm"), result.getJsonArray("dialogs").getList(), "reason, then confirmation");
        assertTrue(result.getInteger("overflow") <= 0, "usable at 800 px without scrolling sideways: " + output);
        assertEquals(List.of(), result.getJsonArray("problems").getList(), "no failed request, no console error");
        assertTrue(get("/api/control", TOKEN).bodyAsJsonObject().getBoolean("killSwitch"), "the API reports it on");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was saved at " + screenshot);
    }

    @Test
    @Order(3)
    void theLogsOfTheWholeRunNeverContainTheConfiguredToken() throws Exception {
        assertEquals(403, get("/api/pairs", TOKEN + "x").statusCode());
        assertEquals(200, get("/api/pairs", TOKEN).statusCode());
        run.stop().await(30, TimeUnit.SECONDS);
        run = null;
        System.err.flush();

        String logs = LOGS.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("Double Time is running in PAPER mode"), "the run's logs were captured");
        assertTrue(logs.contains("API token             from DOUBLE_TIME_API_TOKEN (not shown)"));
        assertFalse(logs.contains(TOKEN), "the API token appears in the logs");
        assertFalse(logs.contains(TOKEN.substring(0, 20)), "part of the API token appears in the logs");
    }

    /** Everything written goes to the console as before and into the captured log. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException e) {
                // the console is best effort; the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            try {
                console.write(bytes, offset, length);
            } catch (java.io.IOException e) {
                // as above
            }
        }
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's done-when, as a user runs it: {@code ./double-time run --scenario
 * exchange-simulator/scenarios/settlement.json} (paper, in a JVM of its own) trades the window, both markets resolve
 * NO and the trade ends settled with its P&amp;L on {@code /api/positions}; then the process is killed (no shutdown
 * hook) and started again over the same journal, with the same markets but nothing scripted, and shows identical
 * positions, P&amp;L, trades and paper cash — rebuilt from the journal, nothing settled twice.
 *
 * <p>The window: Kalshi YES 0.42 × 50 and Polymarket NO 0.52 × 80 on fed-cut-dec26 (rates 0.07 / 0.04): Kalshi $21.00
 * + fee $0.86, Polymarket $26.00 + fee $0.49920, $48.35920 in all; the NO tokens pay $50: realised P&amp;L $1.64080.
 */
@Timeout(300)
class SettlementRestartIT {
    private static final String TOKEN = "settlement-restart-it-token-0123456789";
    private static final String PAIR = "fed-cut-dec26";
    private static final Pattern GATEWAY = Pattern.compile("dashboard\\s+http://127\\.0\\.0\\.1:(\\d+)/dashboard/");
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private Vertx vertx;
    private WebClient web;

    @AfterEach
    void stop() throws Exception {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSettlementScenarioEndsSettledAndAKilledRestartShowsTheSamePositionsAndPnl() throws Exception {
        vertx = Vertx.vertx();
        web = WebClient.create(vertx);
        Path pairs = Files.copy(Path.of("../config/pairs.example.json"), dir.resolve("pairs.json"));
        Path journal = dir.resolve("trades.jsonl");
        Path settlement =
                Path.of("../exchange-simulator/scenarios/settlement.json").toAbsolutePath();

        // 1. the run a user starts
        Process first = run("first", pairs, settlement, journal);
        int port = port("first");
        JsonObject settled = await("the position settled", first, () -> {
            JsonObject pair = pair(port);
            return pair != null && "settled".equals(pair.getString("state")) ? pair : null;
        });
        assertEquals("1.640800", settled.getString("realizedPnl"), settled.encode());
        assertEquals("50.000000", settled.getString("payouts"));
        assertEquals("48.359200", settled.getString("cost"), "both legs and both fees");
        assertEquals("0", settled.getJsonObject("kalshi").getString("yes"), "positions go to zero");
        assertEquals("0", settled.getJsonObject("polymarket").getString("no"));
        JsonObject journaled = lines(journal).stream()
                .filter(e -> "settlement".equals(e.getString("type")))
                .findFirst()
                .orElseThrow();
        assertEquals("1.640800", journaled.getString("realizedPnl"), "the journal's own record: " + journaled);
        JsonArray tradesBefore = trades(port);
        JsonObject trade = tradesBefore.getJsonObject(0);
        assertEquals("SETTLED", trade.getString("status"), trade.encode());
        assertEquals("1.640800", trade.getString("realizedPnl"));
        JsonObject capitalBefore = get(port, "/api/capital").getJsonObject("venues");
        assertEquals("9978.14", capitalBefore.getJsonObject("KALSHI").getString("cash"), "the YES leg paid nothing");
        assertEquals(
                "10023.500800",
                capitalBefore.getJsonObject("POLYMARKET").getString("cash"),
                "10000 − 26.4992 + 50: the paper account got its payout");

        // 2. killed: no shutdown hook, no goodbye
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        List<JsonObject> beforeRestart = lines(journal);

        // 3. started again over the same journal, the markets as they were, nothing scripted
        JsonObject quiet = new JsonObject(Files.readString(settlement));
        quiet.put("steps", new JsonArray());
        Path still = Files.writeString(dir.resolve("quiet.json"), quiet.encode());
        Process second = run("second", pairs, still, journal);
        int again = port("second");
        JsonObject replayed = await("the restarted gateway", second, () -> pair(again));

        assertEquals(settled, replayed, "identical position and P&L after the restart");
        assertEquals(tradesBefore, trades(again), "the same trades, still SETTLED with their P&L");
        assertEquals(
                withoutTimes(capitalBefore),
                withoutTimes(get(again, "/api/capital").getJsonObject("venues")));
        assertEquals(
                beforeRestart.stream()
                        .filter(e -> "settlement".equals(e.getString("type")))
                        .count(),
                lines(journal).stream()
                        .filter(e -> "settlement".equals(e.getString("type")))
                        .count(),
                "nothing settled twice");
        assertTrue(second.isAlive());
    }

    private Process run(String name, Path pairs, Path scenario, Path journal) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedMain.class.getName(),
                        "--pairs",
                        pairs.toString(),
                        "--scenario",
                        scenario.toString(),
                        "--port",
                        "0",
                        "--journal",
                        journal.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(GatewayConfig.TOKEN_ENV, TOKEN);
        Process child = builder.start();
        children.add(child);
        await(name + " started", child, () -> GATEWAY.matcher(read(log)).find() ? Boolean.TRUE : null);
        return child;
    }

    private int port(String name) {
        Matcher matcher = GATEWAY.matcher(read(dir.resolve(name + ".log")));
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

    private JsonObject get(int port, String path) {
        try {
            HttpResponse<Buffer> response = web.get(port, "127.0.0.1", path)
                    .putHeader("Authorization", "Bearer " + TOKEN)
                    .send()
                    .await(30, TimeUnit.SECONDS);
            return response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private JsonObject pair(int port) {
        JsonObject positions = get(port, "/api/positions");
        if (positions == null) {
            return null;
        }
        for (Object pair : positions.getJsonArray("pairs")) {
            if (PAIR.equals(((JsonObject) pair).getString("pairId"))) {
                return (JsonObject) pair;
            }
        }
        return null;
    }

    private JsonArray trades(int port) throws Exception {
        HttpResponse<Buffer> response = web.get(port, "127.0.0.1", "/api/trades")
                .putHeader("Authorization", "Bearer " + TOKEN)
                .send()
                .await(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        JsonArray trades = response.bodyAsJsonArray();
        assertNotNull(trades);
        assertEquals(1, trades.size(), trades.encode());
        return trades;
    }

    /** The venues' amounts without the times they were read at (a paper account is read "now"). */
    private static JsonObject withoutTimes(JsonObject venues) {
        JsonObject copy = venues.copy();
        copy.forEach(venue -> ((JsonObject) venue.getValue()).remove("cashAsOf"));
        return copy;
    }

    private <T> T await(String what, Process child, Supplier<T> found) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError(
                        "the run exited (" + child.exitValue() + ") waiting for " + what + "\n" + logs());
            }
            T value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + "\n" + logs());
    }

    private static List<JsonObject> lines(Path journal) throws IOException {
        return Files.readAllLines(journal).stream().map(JsonObject::new).toList();
    }

    private String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String logs() {
        return "--- first\n" + read(dir.resolve("first.log")) + "\n--- second\n" + read(dir.resolve("second.log"));
    }
}

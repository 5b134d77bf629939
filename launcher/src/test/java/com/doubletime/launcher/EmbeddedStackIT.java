package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one JVM against the simulators: a scripted scenario opens one known buy-both
 * window (the contracts §4 example) and closes it again.
 */
@Timeout(90)
class EmbeddedStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private EmbeddedStack stack;
    private HttpClient http;

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close().await(5, TimeUnit.SECONDS);
        }
        if (stack != null) {
            stack.stop().await(20, TimeUnit.SECONDS);
        }
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EmbeddedStackIT.class.getResource("/e2e/" + name).toURI());
    }

    @Test
    void aScriptedWindowReachesTheSseStreamAsExactlyOneOpportunityThenItsCloseAndIsPaperTraded() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        Path captures = dir.resolve("captures");
        Files.createDirectories(captures);
        StackConfig config = new StackConfig(
                resource("pairs.json"), "127.0.0.1", 0, resource("scenario.json"), 1, 500, 0, journal, captures);
        stack = EmbeddedStack.start(vertx, config).await(60, TimeUnit.SECONDS);
        http = vertx.createHttpClient();

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        openStream(events);

        JsonNode opened = next(events);
        assertEquals("opportunity", opened.get("type").asText());
        String id = opened.get("id").asText();
        // a live or paper run's ids carry its start instant (issue 14): unique across restarts
        assertTrue(id.matches("e2e-window:KALSHI_YES_POLYMARKET_NO:[0-9]+-1"), id);
        assertEquals("KALSHI_YES_POLYMARKET_NO", opened.get("direction").asText());
        assertEquals("120", opened.get("quantity").asText());
        assertEquals("0.4200", opened.at("/kalshi/limitPrice").asText());
        assertEquals("2.050000", opened.at("/kalshi/fee").asText());
        assertEquals("1002", opened.at("/polymarket/tokenId").asText());
        assertEquals("0.5300", opened.at("/polymarket/limitPrice").asText());
        assertEquals("1.195680", opened.at("/polymarket/fee").asText());
        assertEquals("117.245680", opened.get("totalCost").asText());
        assertEquals("2.754320", opened.get("edge").asText());

        JsonNode closed = next(events);
        assertEquals("opportunity_closed", closed.get("type").asText());
        assertEquals(opened.get("id"), closed.get("id"));
        assertTrue(closed.get("lifetimeNanos").asLong() > 0);

        JsonNode trade = awaitTrade(opened.get("id").asText());
        assertEquals("FILLED", trade.get("status").asText());
        assertEquals("120", trade.get("hedgedQuantity").asText());
        assertEquals("2.754320", trade.get("realisedEdge").asText());
        List<String> journaled = Files.readAllLines(journal);
        assertTrue(
                journaled.stream()
                        .anyMatch(line -> line.contains("\"opportunityId\":\"" + id + "\"")
                                && line.contains("\"status\":\"FILLED\"")),
                String.join("\n", journaled));

        stack.stop().await(20, TimeUnit.SECONDS);
        stack = null;
        Path kalshiCapture = captures.resolve("kalshi.jsonl");
        assertTrue(Files.readString(kalshiCapture).contains("orderbook_snapshot"), "the feeds recorded their frames");
        assertReplayReproducesTheLiveOpportunity(captures, opened);
    }

    /** The recorded captures, replayed, give the same opportunity as the live pipeline did. */
    private void assertReplayReproducesTheLiveOpportunity(Path captures, JsonNode live) throws Exception {
        List<String> merged = new ArrayList<>(Files.readAllLines(captures.resolve("kalshi.jsonl")));
        merged.addAll(Files.readAllLines(captures.resolve("polymarket.jsonl")));
        merged.sort((a, b) -> Long.compare(recvNs(a), recvNs(b)));
        Path capture = dir.resolve("merged.jsonl");
        Files.write(capture, merged);
        Path out = dir.resolve("replayed.jsonl");
        int code = ReplayTool.run(
                new String[] {
                    "--pairs",
                    resource("pairs.json").toString(),
                    "--capture",
                    capture.toString(),
                    "--out",
                    out.toString()
                },
                System.out,
                System.err);
        assertEquals(0, code);
        JsonNode replayed = JSON.readTree(Files.readAllLines(out).get(0));
        for (String field : new String[] {"quantity", "totalCost", "edge", "edgePerContract", "detectedAtNanos"}) {
            assertEquals(live.get(field), replayed.get(field), field);
        }
        // the live id carries its run (unique across restarts); replay keeps the deterministic pairId:direction:n
        assertEquals(
                live.get("id").asText().replaceFirst(":[0-9]+-([0-9]+)$", ":$1"),
                replayed.get("id").asText());
    }

    private static long recvNs(String line) {
        try {
            return JSON.readTree(line).get("recv_ns").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void openStream(BlockingQueue<JsonNode> events) throws Exception {
        StringBuilder pending = new StringBuilder();
        HttpClientResponse response = http.request(
                        HttpMethod.GET, stack.gatewayPort(), "127.0.0.1", "/api/opportunities/stream")
                .compose(request -> request.send())
                .await(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.getHeader("Content-Type").startsWith("text/event-stream"));
        response.handler(chunk -> {
            pending.append(chunk.toString(StandardCharsets.UTF_8));
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                String block = pending.substring(0, end);
                pending.delete(0, end + 2);
                for (String line : block.split("\n")) {
                    if (line.startsWith("data:")) {
                        try {
                            events.add(JSON.readTree(line.substring(5).strip()));
                        } catch (Exception e) {
                            throw new IllegalStateException("bad SSE data: " + line, e);
                        }
                    }
                }
            }
        });
    }

    private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
        JsonNode event = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "no SSE event within 30 s");
        return event;
    }

    private JsonNode awaitTrade(String opportunityId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Buffer body = http.request(HttpMethod.GET, stack.gatewayPort(), "127.0.0.1", "/api/trades")
                    .compose(request -> request.send().compose(HttpClientResponse::body))
                    .await(5, TimeUnit.SECONDS);
            for (JsonNode trade : JSON.readTree(body.getBytes())) {
                if (opportunityId.equals(trade.get("opportunityId").asText())) {
                    return trade;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trade for " + opportunityId + " within 10 s");
    }
}

package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.BusCodecs;
import com.doubletime.executor.FailClosedSettings;
import com.doubletime.executor.TradeExecutorVerticle;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.FlakyRepository;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, "a halted executor looks healthy": with the journal's disk full, the operator sees it everywhere —
 * {@code /health/ready} is NOT_READY naming the halt, {@code /api/control} says why trading is blocked, the trades
 * stream carries one alert — and the kill switch still takes effect, saying it was not persisted.
 */
@Timeout(60)
class HaltedExecutorApiIT {
    private static final String TOKEN = "halted-it-token-0123456789";

    private final FlakyRepository journal = new FlakyRepository();
    private Vertx vertx;
    private GatewayVerticle gateway;
    private ApiClient api;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        BusCodecs.registerAll(vertx.eventBus());
        vertx.deployVerticle(new TradeExecutorVerticle(
                        Fixtures.config("1000")
                                .withFailClosed(new FailClosedSettings(Duration.ofMillis(250), 100, 1_000, true)),
                        List.of(Fixtures.PAIR),
                        journal))
                .await(10, TimeUnit.SECONDS);
        gateway = new GatewayVerticle(
                GatewayConfig.DEFAULT.withPort(0).withApiToken(TOKEN, true).withKeepAliveInterval(Duration.ofHours(1)),
                List.of(Fixtures.PAIR));
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        api = new ApiClient(vertx, gateway.actualPort(), TOKEN);
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private JsonObject ready() throws Exception {
        HttpResponse<Buffer> response = api.get("/health/ready");
        JsonObject body = response.bodyAsJsonObject();
        body.put("httpStatus", response.statusCode());
        return body;
    }

    @Test
    void aFullDiskIsVisibleOnReadinessControlAndTheStreamAndTheKillSwitchStillWorks() throws Exception {
        SseStream trades = SseStream.open(http, gateway.actualPort(), "/api/trades/stream", null, TOKEN);
        assertEquals(
                "UP", ready().getJsonObject("checks").getString("trade-executor"), "healthy before the disk fills");
        journal.down();

        JsonObject pause = api.post("/api/control/pause", new JsonObject().put("reason", "the disk"))
                .bodyAsJsonObject();

        assertTrue(pause.getBoolean("paused"), "the stop is in force: " + pause);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonObject ready = ready();
        while (ready.getJsonObject("checks").getString("trade-executor").equals("UP")) {
            assertTrue(System.nanoTime() < deadline, "the halt shows on /health/ready: " + ready);
            Thread.sleep(50);
            ready = ready();
        }
        assertEquals(503, ready.getInteger("httpStatus"));
        assertEquals("NOT_READY", ready.getString("status"));
        String executorCheck = ready.getJsonObject("checks").getString("trade-executor");
        assertTrue(
                executorCheck.startsWith("DOWN: halted: the trade journal failed: No space left on device"),
                executorCheck);
        assertEquals(executorCheck.substring("DOWN: halted: ".length()), ready.getString("blockedBecause"));
        JsonObject control = api.get("/api/control").bodyAsJsonObject();
        assertEquals(ready.getString("blockedBecause"), control.getString("blockedBecause"));
        assertEquals(control.getString("blockedBecause"), control.getString("haltedBecause"));
        assertNull(control.getValue("persisted"), "a status read has no persisted flag");

        HttpResponse<Buffer> kill = api.post(
                "/api/control/kill-switch", new JsonObject().put("on", true).put("reason", "disk full"));

        assertEquals(200, kill.statusCode(), kill.bodyAsString());
        JsonObject killed = kill.bodyAsJsonObject();
        assertTrue(killed.getBoolean("killSwitch"));
        assertFalse(killed.getBoolean("persisted"));
        assertTrue(killed.getString("warning").contains("not recorded yet"), killed.getString("warning"));
        assertTrue(api.get("/api/control").bodyAsJsonObject().getBoolean("killSwitch"), "in force in memory");

        List<SseStream.Block> events = new ArrayList<>();
        SseStream.Block block = trades.blocks.poll(2, TimeUnit.SECONDS);
        while (block != null) {
            events.add(block);
            block = trades.blocks.poll(500, TimeUnit.MILLISECONDS);
        }
        List<JsonObject> alerts = events.stream()
                .filter(e -> "alert".equals(e.event()))
                .map(e -> new JsonObject(e.data()))
                .toList();
        assertEquals(1, alerts.size(), "one alert: " + events);
        assertEquals("TRADING_HALTED", alerts.get(0).getString("kind"));
        assertTrue(events.stream()
                .anyMatch(e ->
                        "control".equals(e.event()) && new JsonObject(e.data()).getString("haltedBecause") != null));
    }
}

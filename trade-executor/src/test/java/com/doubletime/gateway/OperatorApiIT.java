package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFile;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.format.PairJson;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.TradeExecutorVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator API against a running gateway and paper executor: auth, validation, pairs, controls, streams.
 * In the executor's module (and the gateway's package, for its test client) because the gateway does not
 * depend on the executor: they meet only on the bus.
 */
@Timeout(60)
class OperatorApiIT {
    private static final String TOKEN = "it-token-0123456789abcdef";
    private static final MarketPair FED = PairsFile.parsePair(PairsLoader.toPlainMap(pairJson("fed", "111", "222")), 0);

    @TempDir
    Path dir;

    private Vertx vertx;
    private GatewayVerticle gateway;
    private ApiClient api;
    private HttpClient http;
    private final BlockingQueue<PairsChanged> pairChanges = new LinkedBlockingQueue<>();

    static JsonObject pairJson(String id, String yes, String no) {
        return new JsonObject()
                .put("id", id)
                .put("description", "test pair " + id)
                .put(
                        "kalshi",
                        new JsonObject()
                                .put("ticker", "KX-" + id.toUpperCase(Locale.ROOT))
                                .put("takerFeeRate", "0.07"))
                .put(
                        "polymarket",
                        new JsonObject()
                                // a bytes32 per pair, as the pairs rules require
                                .put(
                                        "conditionId",
                                        String.format(
                                                "0x%064x", new BigInteger(1, id.getBytes(StandardCharsets.UTF_8))))
                                .put("yesTokenId", yes)
                                .put("noTokenId", no)
                                .put("takerFeeRate", "0.04"))
                .put("polarity", "same")
                .put("minEdge", "0.01");
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions()
                                .setEnabled(true)
                                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .build();
        BusCodecs.registerAll(vertx.eventBus());
        Path pairsFile = dir.resolve("pairs.json");
        Files.writeString(
                pairsFile,
                new JsonObject()
                        .put("pairs", new JsonArray().add(pairJson("fed", "111", "222")))
                        .encode());
        vertx.deployVerticle(new TradeExecutorVerticle(
                        new ExecutorConfig(ExecutionMode.PAPER, new BigDecimal("1000"), dir.resolve("trades.jsonl")),
                        List.of(FED)))
                .await(10, TimeUnit.SECONDS);
        gateway = new GatewayVerticle(
                GatewayConfig.DEFAULT
                        .withPort(0)
                        .withApiToken(TOKEN, true)
                        .withMaxBodyBytes(4096)
                        .withPairsFile(pairsFile)
                        .withKeepAliveInterval(Duration.ofMillis(300)),
                List.of(FED));
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        vertx.eventBus()
                .<PairsChanged>consumer(Addresses.PAIRS_CHANGED, m -> pairChanges.add(m.body()))
                .completion()
                .await(5, TimeUnit.SECONDS);
        api = new ApiClient(vertx, gateway.actualPort(), TOKEN);
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private ApiClient withToken(String token) {
        return new ApiClient(vertx, gateway.actualPort(), token);
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        assertEquals("application/json", response.getHeader("Content-Type"));
        JsonObject error = response.bodyAsJsonObject();
        assertNotNull(error.getString("error"));
        assertEquals(field, error.getString("field"), error.encode());
    }

    // --- authentication

    @Test
    void aRequestWithoutATokenGets401AndAWrongTokenGets403() throws Exception {
        HttpResponse<Buffer> none = withToken(null).post("/api/control/kill-switch", new JsonObject().put("on", true));
        HttpResponse<Buffer> wrong =
                withToken("not-the-token-at-all-xx").post("/api/control/kill-switch", new JsonObject().put("on", true));
        HttpResponse<Buffer> readWithout = withToken(null).get("/api/pairs");

        assertError(none, 401, "Authorization");
        assertEquals("Bearer realm=\"double-time\"", none.getHeader("WWW-Authenticate"));
        assertError(wrong, 403, "Authorization");
        assertError(readWithout, 401, "Authorization");
        assertFalse(
                api.get("/api/control").bodyAsJsonObject().getBoolean("killSwitch"), "neither request did anything");
    }

    @Test
    void theRightTokenIsAcceptedAndTheStreamsTakeItAsAQueryParameter() throws Exception {
        assertEquals(200, api.get("/api/pairs").statusCode());
        SseStream stream = SseStream.open(
                http, gateway.actualPort(), "/api/opportunities/stream?access_token=" + TOKEN, null, null);
        assertEquals(200, stream.response.statusCode());
        assertEquals("text/event-stream", stream.response.getHeader("Content-Type"));
        assertError(withToken(null).get("/api/pairs?access_token=" + TOKEN), 401, "Authorization");
    }

    @Test
    void probesAndTheContractArePublicButMetricsAreNot() throws Exception {
        ApiClient anonymous = withToken(null);
        assertEquals(200, anonymous.get("/health").statusCode());
        assertEquals(200, anonymous.get("/health/live").statusCode());
        assertEquals(200, anonymous.get("/api/openapi.json").statusCode());
        assertEquals(200, anonymous.get("/dashboard/").statusCode());
        assertError(anonymous.get("/metrics"), 401, "Authorization");
    }

    @Test
    void readsCanBeOpenedWhileWritesStillNeedTheToken() throws Exception {
        vertx.undeploy(vertx.deploymentIDs().stream()
                        .filter(id -> true)
                        .reduce((a, b) -> b)
                        .orElseThrow())
                .await(10, TimeUnit.SECONDS);
        GatewayVerticle open =
                new GatewayVerticle(GatewayConfig.DEFAULT.withPort(0).withApiToken(TOKEN, false), List.of(FED));
        vertx.deployVerticle(open).await(10, TimeUnit.SECONDS);
        ApiClient anonymous = new ApiClient(vertx, open.actualPort(), null);

        assertEquals(200, anonymous.get("/api/pairs").statusCode());
        assertError(anonymous.post("/api/control/pause", new JsonObject()), 401, "Authorization");
    }

    @Test
    void noCorsHeadersUnlessConfigured() throws Exception {
        HttpResponse<Buffer> response = api.web
                .get(api.port, "127.0.0.1", "/api/pairs")
                .bearerTokenAuthentication(TOKEN)
                .putHeader("Origin", "https://evil.example")
                .send()
                .await(10, TimeUnit.SECONDS);

        assertEquals(200, response.statusCode());
        assertEquals(null, response.getHeader("Access-Control-Allow-Origin"));
    }

    // --- strict bodies

    @Test
    void aBodyOverTheLimitGets413() throws Exception {
        JsonObject huge = pairJson("big", "1", "2").put("description", "x".repeat(5000));

        assertError(api.post("/api/pairs", huge), 413, "body");
    }

    @Test
    void anUnknownFieldGets400NamingIt() throws Exception {
        assertError(
                api.post(
                        "/api/control/kill-switch",
                        new JsonObject().put("on", true).put("force", true)),
                400,
                "force");
        JsonObject misspelt = pairJson("new", "3", "4");
        misspelt.getJsonObject("kalshi").put("tickr", "KX");
        assertError(api.post("/api/pairs", misspelt), 400, "kalshi.tickr");
        assertError(
                api.send(HttpMethod.PATCH, "/api/risk-limits", new JsonObject().put("maxNotional", "5")),
                400,
                "maxNotional");
    }

    @Test
    void malformedJsonAndTheWrongMediaTypeAreRefused() throws Exception {
        assertError(
                api.raw(HttpMethod.POST, "/api/pairs", "application/json", "{\"id\":\"a\",\"id\":\"b\"}"), 400, "body");
        assertError(api.raw(HttpMethod.POST, "/api/pairs", "application/json", "{\"id\":"), 400, "body");
        assertError(api.raw(HttpMethod.POST, "/api/pairs", "text/plain", "{}"), 415, "Content-Type");
        assertError(
                api.send(HttpMethod.PATCH, "/api/risk-limits", new JsonObject().put("dailyLossLimit", 12.5)),
                400,
                "dailyLossLimit");
    }

    // --- pairs

    @Test
    void addingAPairIsValidatedLikeThePairsFileAndAnnounced() throws Exception {
        JsonObject missing = pairJson("new", "3", "4");
        missing.getJsonObject("polymarket").remove("yesTokenId");
        assertError(api.post("/api/pairs", missing), 400, "polymarket.yesTokenId");
        assertError(api.post("/api/pairs", pairJson("new", "3", "4").put("polarity", "opposite")), 400, "polarity");
        assertError(api.post("/api/pairs", pairJson("new", "111", "4")), 400, "polymarket.yesTokenId");
        assertError(api.post("/api/pairs", pairJson("fed", "5", "6")), 409, "id");
        // the venues' rules (issue 14): the pairs file's checks, through the API
        assertError(api.post("/api/pairs", pairJson("new", "abc", "4")), 400, "polymarket.yesTokenId");
        assertError(api.post("/api/pairs", pairJson("../../etc/passwd", "3", "4")), 400, "id");
        JsonObject sameMarket = pairJson("new", "3", "4");
        sameMarket.getJsonObject("kalshi").put("ticker", "KX-FED");
        assertError(api.post("/api/pairs", sameMarket), 400, "kalshi.ticker");
        assertError(api.post("/api/pairs", pairJson("new", "3", "4").put("maxQuantity", "1.5")), 400, "maxQuantity");

        HttpResponse<Buffer> added = api.post("/api/pairs", pairJson("new", "3", "4"));

        assertEquals(201, added.statusCode(), added.bodyAsString());
        assertEquals(new JsonArray().add("new"), added.bodyAsJsonObject().getJsonArray("added"));
        PairsChanged change = pairChanges.poll(5, TimeUnit.SECONDS);
        assertEquals("new", change.added().get(0).id());
        assertEquals(2, change.pairs().size());
        JsonArray listed = api.get("/api/pairs").bodyAsJsonObject().getJsonArray("pairs");
        assertEquals(
                List.of("fed", "new"),
                listed.stream().map(p -> ((JsonObject) p).getString("id")).toList());
    }

    @Test
    void removingAPairAnnouncesItAndAnUnknownOneIs404() throws Exception {
        assertEquals(404, api.send(HttpMethod.DELETE, "/api/pairs/nope", null).statusCode());

        HttpResponse<Buffer> removed = api.send(HttpMethod.DELETE, "/api/pairs/fed", null);

        assertEquals(200, removed.statusCode());
        assertEquals(List.of(FED), pairChanges.poll(5, TimeUnit.SECONDS).removed());
        assertEquals(
                0,
                api.get("/api/pairs").bodyAsJsonObject().getJsonArray("pairs").size());
    }

    @Test
    void reloadAppliesTheFileAndAnInvalidFileNamesTheField() throws Exception {
        Path file = dir.resolve("pairs.json");
        Files.writeString(
                file,
                new JsonObject()
                        .put(
                                "pairs",
                                new JsonArray()
                                        .add(pairJson("fed", "111", "222"))
                                        .add(pairJson("two", "5", "6")))
                        .encode());

        HttpResponse<Buffer> reloaded = api.post("/api/pairs/reload", null);
        assertEquals(200, reloaded.statusCode(), reloaded.bodyAsString());
        assertEquals(new JsonArray().add("two"), reloaded.bodyAsJsonObject().getJsonArray("added"));

        JsonObject broken = pairJson("three", "7", "8");
        broken.getJsonObject("kalshi").remove("ticker");
        Files.writeString(
                file, new JsonObject().put("pairs", new JsonArray().add(broken)).encode());
        assertError(api.post("/api/pairs/reload", null), 400, "kalshi.ticker");
        assertEquals(
                2,
                api.get("/api/pairs").bodyAsJsonObject().getJsonArray("pairs").size(),
                "nothing applied");
    }

    // --- controls

    @Test
    void killSwitchTakesEffectAndIsReportedOnTheApiAndTheTradesStream() throws Exception {
        SseStream trades = SseStream.open(http, gateway.actualPort(), "/api/trades/stream", null, TOKEN);

        HttpResponse<Buffer> on = api.post(
                "/api/control/kill-switch", new JsonObject().put("on", true).put("reason", "test"));

        assertEquals(200, on.statusCode(), on.bodyAsString());
        assertTrue(on.bodyAsJsonObject().getBoolean("killSwitch"));
        assertTrue(api.get("/api/control").bodyAsJsonObject().getBoolean("killSwitch"));
        SseStream.Block event = trades.nextEvent();
        assertEquals("control", event.event());
        assertTrue(new JsonObject(event.data()).getBoolean("killSwitch"));
        assertFalse(api.post("/api/control/kill-switch", new JsonObject().put("on", false))
                .bodyAsJsonObject()
                .getBoolean("killSwitch"));
    }

    @Test
    void pauseResumeAndRiskLimitsRoundTrip() throws Exception {
        assertEquals(
                "trading is paused",
                api.post("/api/control/pause", new JsonObject())
                        .bodyAsJsonObject()
                        .getString("blockedBecause"));
        assertFalse(api.post("/api/control/resume", null).bodyAsJsonObject().getBoolean("paused"));

        HttpResponse<Buffer> patched = api.send(
                HttpMethod.PATCH,
                "/api/risk-limits",
                new JsonObject().put("maxNotionalPerTrade", "250.00").put("maxTradesPerMinute", 3));

        assertEquals(200, patched.statusCode(), patched.bodyAsString());
        assertEquals("250.00", patched.bodyAsJsonObject().getString("maxNotionalPerTrade"));
        assertEquals(3, api.get("/api/risk-limits").bodyAsJsonObject().getInteger("maxTradesPerMinute"));
        assertError(
                api.send(HttpMethod.PATCH, "/api/risk-limits", new JsonObject().put("maxTotalExposure", "-1")),
                400,
                "maxTotalExposure");
        // bounded inputs (issue 14): before, stored as given (or clamped)
        assertError(
                api.send(HttpMethod.PATCH, "/api/risk-limits", new JsonObject().put("maxNotionalPerTrade", "1e400")),
                400,
                "maxNotionalPerTrade");
        assertError(
                api.raw(
                        HttpMethod.PATCH,
                        "/api/risk-limits",
                        "application/json",
                        "{\"maxTradesPerMinute\":2147483648}"),
                400,
                "maxTradesPerMinute");
        assertEquals(3, api.get("/api/risk-limits").bodyAsJsonObject().getInteger("maxTradesPerMinute"));
    }

    @Test
    void positionsComeFromTheExecutor() throws Exception {
        JsonObject positions = api.get("/api/positions").bodyAsJsonObject();

        assertEquals(new JsonArray(), positions.getJsonArray("pairs"));
        assertEquals("0.000000", positions.getJsonObject("total").getString("cost"));
    }

    // --- history and streams

    @Test
    void opportunityHistoryFiltersByPairTimeAndEdge() throws Exception {
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, Opportunities.found(1));
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, Opportunities.closed(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (api.get("/api/opportunities").bodyAsJsonArray().size() < 2) {
            assertTrue(System.nanoTime() < deadline, "buffered");
            Thread.sleep(10);
        }

        assertEquals(
                1, api.get("/api/opportunities?minEdge=0.02").bodyAsJsonArray().size());
        assertEquals(
                0, api.get("/api/opportunities?minEdge=0.03").bodyAsJsonArray().size());
        assertEquals(
                0, api.get("/api/opportunities?pairId=other").bodyAsJsonArray().size());
        assertEquals(
                OpportunityJson.write(Opportunities.closed(1)),
                api.get("/api/opportunities?since=1764054000129")
                        .bodyAsJsonArray()
                        .getJsonObject(0)
                        .encode());
        assertEquals(
                2,
                api.get("/api/opportunities?since=2025-11-25T00:00:00Z&until=2025-11-25T08:00:00Z")
                        .bodyAsJsonArray()
                        .size());
        assertError(api.get("/api/opportunities?since=yesterday"), 400, "since");
        assertError(api.get("/api/opportunities?minEdge=much"), 400, "minEdge");
    }

    @Test
    void feedHealthIsServedPerVenueAndPerMarketAndStreamed() throws Exception {
        SseStream stream = SseStream.open(http, gateway.actualPort(), "/api/feeds/health/stream", null, TOKEN);
        FeedHealth kalshi = new FeedHealth(
                Platform.KALSHI,
                "kalshi-1",
                true,
                System.currentTimeMillis(),
                5,
                1200,
                2,
                1,
                0,
                3,
                List.of("KX-FED"),
                List.of("KX-FED"),
                null,
                Map.of("price_out_of_range", 2L),
                1,
                List.of("KX-FED"));

        vertx.eventBus().publish(Addresses.FEED_HEALTH, kalshi);

        SseStream.Block event = stream.nextEvent();
        assertEquals("feed_health", event.event());
        JsonObject streamed = new JsonObject(event.data());
        assertEquals("kalshi", streamed.getString("venue"));
        assertEquals("kalshi-1", streamed.getString("instanceId"));
        assertEquals(1200, streamed.getLong("frames"));
        JsonObject health = api.get("/api/feeds/health").bodyAsJsonObject();
        JsonObject venue = health.getJsonObject("venues").getJsonObject("kalshi");
        assertEquals(3, venue.getLong("reconnects"));
        assertEquals(1, venue.getInteger("staleMarkets"));
        assertFalse(health.getJsonObject("venues").getJsonObject("polymarket").getBoolean("reported"));
        JsonObject kalshiMarket = health.getJsonArray("markets").getJsonObject(0);
        assertEquals("KX-FED", kalshiMarket.getString("instrument"));
        assertTrue(kalshiMarket.getBoolean("stale"));
        assertEquals("kalshi-1", kalshiMarket.getJsonArray("heldBy").getString(0));
        // a market the venue refused is shown as not subscribed, by name
        assertFalse(kalshiMarket.getBoolean("subscribed"));
        assertEquals(List.of("KX-FED"), venue.getJsonArray("refusedInstruments").getList());
        assertEquals(2, venue.getJsonObject("malformedByReason").getLong("price_out_of_range"));
    }

    @Test
    void tradesStreamResumesFromLastEventId() throws Exception {
        SseStream first = SseStream.open(http, gateway.actualPort(), "/api/trades/stream", null, TOKEN);
        api.post("/api/control/pause", new JsonObject());
        String seen = first.nextEvent().id();
        first.close();
        api.post("/api/control/resume", new JsonObject());

        SseStream resumed = SseStream.open(http, gateway.actualPort(), "/api/trades/stream", seen, TOKEN);

        SseStream.Block missed = resumed.nextEvent();
        assertEquals(Long.parseLong(seen) + 1, Long.parseLong(missed.id()));
        assertFalse(new JsonObject(missed.data()).getBoolean("paused"));
    }

    // --- readiness, metrics, contract

    @Test
    void readinessIs503UntilTheFeedsReport() throws Exception {
        HttpResponse<Buffer> ready = withToken(null).get("/health/ready");

        assertEquals(503, ready.statusCode());
        JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
        assertEquals("UP", checks.getString("trade-executor"));
        assertEquals("DOWN: no health report yet", checks.getString("kalshi-feed"));
    }

    @Test
    void metricsExposeTheFeedAndTradingMeters() throws Exception {
        vertx.eventBus()
                .publish(
                        Addresses.FEED_HEALTH,
                        new FeedHealth(
                                Platform.POLYMARKET,
                                "polymarket",
                                true,
                                1,
                                1,
                                77,
                                4,
                                0,
                                0,
                                2,
                                List.of(),
                                List.of(),
                                null,
                                Map.of(),
                                0,
                                List.of()));
        Thread.sleep(200);

        String metrics = api.get("/metrics").bodyAsString();

        for (String meter : List.of(
                "dt_feed_frames_total{venue=\"polymarket\"} 77.0",
                "dt_feed_malformed_frames_total{venue=\"polymarket\"} 4.0",
                "dt_feed_gaps_total",
                "dt_feed_reconnects_total{venue=\"polymarket\"} 2.0",
                "dt_feed_stale_markets",
                "dt_orders_total",
                "dt_fills_total",
                "dt_trade_rejects_total",
                "dt_unhedged_exposure_dollars")) {
            assertTrue(metrics.contains(meter), meter + " in\n" + metrics);
        }
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() throws Exception {
        JsonObject doc = withToken(null).get("/api/openapi.json").bodyAsJsonObject();
        JsonObject paths = doc.getJsonObject("paths");

        assertEquals("3.0.3", doc.getString("openapi"));
        for (String route : gateway.apiRoutes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            assertTrue(
                    paths.containsKey(path) && paths.getJsonObject(path).containsKey(method),
                    route + " is not in the OpenAPI document");
        }
        int documented =
                paths.stream().mapToInt(e -> ((JsonObject) e.getValue()).size()).sum();
        assertEquals(gateway.apiRoutes().size(), documented, "the document lists no route the gateway lacks");
    }

    @Test
    void pairJsonOfTheApiIsThePairsFileFormWithTheMarketsStatuses() throws Exception {
        JsonObject listed =
                api.get("/api/pairs").bodyAsJsonObject().getJsonArray("pairs").getJsonObject(0);

        // no feed reported a status in this test: unknown, which does not suspend the pair
        assertTrue(listed.getJsonObject("kalshi").containsKey("status"));
        assertNull(listed.getJsonObject("kalshi").getString("status"));
        assertNull(listed.getJsonObject("polymarket").getString("status"));
        assertEquals(true, listed.getBoolean("tradable"));
        JsonObject fileForm = listed.copy();
        fileForm.remove("tradable");
        fileForm.getJsonObject("kalshi").remove("status");
        fileForm.getJsonObject("polymarket").remove("status");
        assertEquals(new JsonObject(PairJson.toMap(FED)), fileForm);
        assertEquals(FED, PairsFile.parsePair(PairsLoader.toPlainMap(fileForm), 0));
    }
}

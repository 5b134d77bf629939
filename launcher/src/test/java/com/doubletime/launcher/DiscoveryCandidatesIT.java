package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pair discovery end to end: the embedded stack's simulators serve the demo catalogue on Kalshi
 * {@code GET /markets} and Gamma {@code /markets}, the gateway reads both through the venues' clients and
 * proposes candidates. The example pairs are listed but already paired; two more true matches are not
 * paired; near-misses (another strike, another date, another underlying, closed markets) must not come back
 * as equal. Nothing is added until the operator POSTs a draft.
 */
@Timeout(120)
class DiscoveryCandidatesIT {
    private static final String TOKEN = "discovery-it-token-0123456789abcdef";
    private static final String BTC160 = "KXBTCMAXY-26DEC31-160000";
    private static final String BTC160_CONDITION = "0xb1600000000000000000000000000000000000000000000000000000000d3c31";
    private static final String ETH5000 = "KXETHMAXY-26DEC31-5000";
    private static final String ETH5000_CONDITION =
            "0xe5000000000000000000000000000000000000000000000000000000000d3c31";
    private static final List<String> NEAR_MISSES = List.of(
            "0xb1700000000000000000000000000000000000000000000000000000000d3c31", // BTC above $170k: another strike
            "0xb1600000000000000000000000000000000000000000000000000000000630a0", // BTC above $160k on June 30
            "0xb1000000000000000000000000000000000000000000000000000000000d3c25"); // closed 2025 market

    private final Vertx vertx = Vertx.vertx();
    private EmbeddedStack stack;
    private WebClient http;

    @AfterEach
    void stop() throws Exception {
        if (stack != null) {
            stack.stop().await(30, TimeUnit.SECONDS);
        }
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void proposesTheTrueMatchesWithPolarityAndReasonsNeverTheNearMissesAndAddsNothingUntilPosted(@TempDir Path dir)
            throws Exception {
        // a copy: pairs added over the API are saved into the pairs file
        Path pairsFile = dir.resolve("pairs.json");
        Files.copy(Path.of("..", "config", "pairs.example.json"), pairsFile);
        StackConfig config =
                new StackConfig(pairsFile, "127.0.0.1", 0, null, 1, 0, 0, dir.resolve("trades.jsonl"), null);
        stack = EmbeddedStack.start(vertx, config, TOKEN).await(60, TimeUnit.SECONDS);
        http = WebClient.create(vertx);

        assertEquals(401, get("/api/discovery/candidates", null).statusCode(), "no token");
        assertEquals(403, get("/api/discovery/candidates", "not-the-token").statusCode(), "wrong token");

        HttpResponse<Buffer> response = get("/api/discovery/candidates", TOKEN);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonArray candidates = response.bodyAsJsonObject().getJsonArray("candidates");
        assertEquals(2, candidates.size(), candidates.encodePrettily());

        JsonObject btc = candidate(candidates, BTC160);
        assertEquals(BTC160_CONDITION, btc.getJsonObject("polymarket").getString("conditionId"));
        assertEquals("same", btc.getString("polarity"));
        assertEquals(1.0, btc.getDouble("score"));
        assertEquals(
                "Bitcoin price on Dec 31, 2026? $160,000 or above",
                btc.getJsonObject("kalshi").getString("title"));
        assertEquals(
                "Will Bitcoin be above $160k on December 31, 2026?",
                btc.getJsonObject("polymarket").getString("title"));
        List<?> btcReasons = btc.getJsonArray("reasons").getList();
        assertTrue(btcReasons.contains("same threshold [160000]"), btcReasons.toString());
        assertTrue(btcReasons.contains("both close on 2026-12-31"), btcReasons.toString());
        assertTrue(btcReasons.contains("same direction: same"), btcReasons.toString());

        JsonObject eth = candidate(candidates, ETH5000);
        assertEquals(ETH5000_CONDITION, eth.getJsonObject("polymarket").getString("conditionId"));
        assertEquals("inverse", eth.getString("polarity"));
        assertTrue(
                eth.getJsonArray("reasons").getList().contains("opposite directions (up / down): inverse"),
                eth.getJsonArray("reasons").encode());
        assertEquals(
                "500000000000000000000000000000000000000000000000000000000000000000000000001",
                eth.getJsonObject("polymarket").getString("yesTokenId"));

        // with no cut-off the different underlying shows, scored low; vetoed and closed markets never do
        JsonArray all = get("/api/discovery/candidates?minScore=0", TOKEN)
                .bodyAsJsonObject()
                .getJsonArray("candidates");
        for (Object item : all) {
            JsonObject c = (JsonObject) item;
            String condition = c.getJsonObject("polymarket").getString("conditionId");
            assertFalse(NEAR_MISSES.contains(condition), "near-miss proposed: " + c.encodePrettily());
            assertFalse(c.getJsonObject("kalshi").getString("ticker").startsWith("KXBTCMAXY-25"), c.encodePrettily());
            if (c.getJsonObject("polymarket").getString("title").contains("Solana")) {
                assertTrue(c.getDouble("score") < 0.7, c.encodePrettily());
            }
            // the example pairs are already paired: never proposed again
            assertFalse(c.getJsonObject("kalshi").getString("ticker").equals("KXBTCMAXY-26DEC31-150000"), c.encode());
        }
        assertTrue(
                all.stream()
                        .anyMatch(c -> ((JsonObject) c)
                                .getJsonObject("polymarket")
                                .getString("title")
                                .contains("Solana")),
                "the different underlying is scored, not hidden: " + all.encodePrettily());

        // proposing is not adding: the pairs are the example's three until a human posts a draft
        assertEquals(3, pairs().size());
        assertEquals(3, stack.pairs().size());
        HttpResponse<Buffer> added = http.post(stack.gatewayPort(), "127.0.0.1", "/api/pairs")
                .bearerTokenAuthentication(TOKEN)
                .sendJsonObject(eth.getJsonObject("draftPair"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(201, added.statusCode(), added.bodyAsString());
        JsonArray pairs = pairs();
        assertEquals(4, pairs.size());
        assertTrue(pairs.encode().contains(ETH5000_CONDITION));
        JsonArray after =
                get("/api/discovery/candidates", TOKEN).bodyAsJsonObject().getJsonArray("candidates");
        assertEquals(1, after.size(), "a paired market is no longer proposed: " + after.encodePrettily());
        assertEquals(BTC160, after.getJsonObject(0).getJsonObject("kalshi").getString("ticker"));

        // the added pair survives a restart: the pairs file was rewritten, the previous one kept as the backup
        assertEquals(
                Files.readString(Path.of("..", "config", "pairs.example.json")),
                Files.readString(dir.resolve("pairs.json.bak")));
        stack.stop().await(30, TimeUnit.SECONDS);
        stack = EmbeddedStack.start(vertx, config, TOKEN).await(60, TimeUnit.SECONDS);
        assertEquals(4, stack.pairs().size());
        assertTrue(pairs().encode().contains(ETH5000_CONDITION), "the added pair is back after the restart");
        HttpResponse<Buffer> removed = http.delete(
                        stack.gatewayPort(),
                        "127.0.0.1",
                        "/api/pairs/" + eth.getJsonObject("draftPair").getString("id"))
                .bearerTokenAuthentication(TOKEN)
                .send()
                .await(10, TimeUnit.SECONDS);
        assertEquals(200, removed.statusCode(), removed.bodyAsString());
        assertFalse(Files.readString(pairsFile).contains(ETH5000_CONDITION), "a removed pair is removed from the file");
    }

    private JsonArray pairs() throws Exception {
        return get("/api/pairs", TOKEN).bodyAsJsonObject().getJsonArray("pairs");
    }

    private static JsonObject candidate(JsonArray candidates, String ticker) {
        return candidates.stream()
                .map(JsonObject.class::cast)
                .filter(c -> ticker.equals(c.getJsonObject("kalshi").getString("ticker")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no candidate for " + ticker + ": " + candidates.encodePrettily()));
    }

    private HttpResponse<Buffer> get(String path, String token) throws Exception {
        var request = http.get(stack.gatewayPort(), "127.0.0.1", path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await(30, TimeUnit.SECONDS);
    }
}

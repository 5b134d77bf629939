package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted market life over the wire: Kalshi shard cash and {@code insufficient_balance}, market fields and
 * {@code market_lifecycle_v2} frames; Polymarket {@code market_resolved} and Gamma fields.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleIT {
    private static final SimulatedMarket FED = Simulators.FED;
    private static final String SCENARIO = """
            {"markets": {"kalshi": {"FED-23DEC-T3.00": {"exchangeIndex": 2, "closeTime": "2026-12-16T18:55:00Z",
                                                         "expectedExpirationTime": "2026-12-16T20:00:00Z"}},
                         "polymarket": {"0xfed": {"endDate": "2026-12-17T00:00:00Z"}}},
             "accounts": {"kalshi": {"shards": {"0": "500.00", "2": "0"}}, "polymarket": {"cash": "250"}},
             "initial": {"kalshi": {"FED-23DEC-T3.00": {"no": [["0.58", "100"]]}},
                         "polymarket": {"1102": {"asks": [["0.55", "100"]]}}},
             "steps": [
               {"delayMillis": 300, "kalshiMarket": {"ticker": "FED-23DEC-T3.00", "status": "inactive"}},
               {"delayMillis": 100, "kalshiMarket": {"ticker": "FED-23DEC-T3.00", "closeTime": "2026-12-15T00:00:00Z"}},
               {"delayMillis": 100, "kalshiMarket": {"ticker": "FED-23DEC-T3.00", "status": "determined", "result": "no"},
                                    "polymarketMarket": {"conditionId": "0xfed", "status": "resolved", "winner": "NO"}},
               {"delayMillis": 100, "kalshiMarket": {"ticker": "FED-23DEC-T3.00", "status": "finalized"}}
             ]}
            """;

    @Test
    void aScriptedLifeReachesBothVenuesClients(Vertx vertx, @TempDir Path dir) {
        ExchangeSimulator simulator = Simulators.scripted(vertx, dir, SCENARIO);
        String rest = simulator.kalshiRestUrl();

        JsonObject market = Simulators.get(vertx, rest + "/markets/" + FED.kalshiTicker())
                .json()
                .getJsonObject("market");
        assertEquals("active", market.getString("status"));
        assertEquals(2, market.getInteger("exchange_index"));
        assertEquals("2026-12-16T18:55:00Z", market.getString("close_time"));
        assertEquals("2026-12-16T20:00:00Z", market.getString("expected_expiration_time"));

        JsonObject balance = Simulators.get(vertx, rest + "/portfolio/balance").json();
        assertEquals("500.0000", balance.getString("balance_dollars"));
        assertEquals(
                new JsonArray()
                        .add(new JsonObject()
                                .put("exchange_index", 0)
                                .put("balance", 50000)
                                .put("balance_dollars", "500.0000"))
                        .add(new JsonObject()
                                .put("exchange_index", 2)
                                .put("balance", 0)
                                .put("balance_dollars", "0.0000")),
                balance.getJsonArray("balance_breakdown"));

        // a funded account, but the market's shard 2 is empty
        JsonObject refused = post(
                vertx,
                rest + "/portfolio/events/orders",
                new JsonObject()
                        .put("ticker", FED.kalshiTicker())
                        .put("client_order_id", "c-1")
                        .put("side", "bid")
                        .put("count", "1.00")
                        .put("price", "0.4200")
                        .put("time_in_force", "immediate_or_cancel")
                        .put("self_trade_prevention_type", "taker_at_cross"));
        assertEquals("insufficient_balance", refused.getJsonObject("error").getString("code"));

        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"market_lifecycle_v2\"]}}");
        JsonObject subscribed = kalshi.nextOfType("subscribed");
        assertEquals("market_lifecycle_v2", subscribed.getJsonObject("msg").getString("channel"));
        kalshi.send(KalshiServerIT.subscribe(2, "\"market_ticker\":\"" + FED.kalshiTicker() + "\""));
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(new JsonObject()
                .put("type", "market")
                .put("assets_ids", new JsonArray().add(FED.yesTokenId()).add(FED.noTokenId()))
                .put("custom_feature_enabled", true));

        JsonObject deactivated = kalshi.nextOfType("market_lifecycle_v2");
        assertEquals(1, deactivated.getLong("seq"));
        assertEquals("deactivated", deactivated.getJsonObject("msg").getString("event_type"));
        assertEquals(true, deactivated.getJsonObject("msg").getBoolean("is_deactivated"));
        JsonObject moved = kalshi.nextOfType("market_lifecycle_v2").getJsonObject("msg");
        assertEquals("close_date_updated", moved.getString("event_type"));
        assertEquals(1_797_292_800L, moved.getLong("close_ts"));
        JsonObject determined = kalshi.nextOfType("market_lifecycle_v2").getJsonObject("msg");
        assertEquals("determined", determined.getString("event_type"));
        assertEquals("no", determined.getString("result"));
        assertEquals("0.0000", determined.getString("settlement_value"));
        JsonObject settled = kalshi.nextOfType("market_lifecycle_v2");
        assertEquals(4, settled.getLong("seq"));
        assertEquals("settled", settled.getJsonObject("msg").getString("event_type"));

        JsonObject resolved = polymarket.nextOfType("market_resolved");
        assertEquals(FED.conditionId(), resolved.getString("market"));
        assertEquals(FED.noTokenId(), resolved.getString("winning_asset_id"));
        assertEquals("No", resolved.getString("winning_outcome"));

        JsonObject after = Simulators.get(vertx, rest + "/markets/" + FED.kalshiTicker())
                .json()
                .getJsonObject("market");
        assertEquals("finalized", after.getString("status"));
        assertEquals("no", after.getString("result"));
        assertEquals("0.0000", after.getString("settlement_value_dollars"));
        JsonObject gamma = Simulators.get(vertx, simulator.polymarketRestUrl() + "/markets?condition_ids=0xfed")
                .json(true)
                .getJsonObject(0);
        assertEquals(true, gamma.getBoolean("closed"));
        assertEquals("resolved", gamma.getString("umaResolutionStatus"));
        assertEquals("[\"0\",\"1\"]", gamma.getString("outcomePrices"));
        assertEquals("2026-12-17T00:00:00Z", gamma.getString("endDate"));
        assertTrue(Simulators.get(vertx, rest + "/markets?status=settled").json().getJsonArray("markets").stream()
                .anyMatch(m -> FED.kalshiTicker().equals(((JsonObject) m).getString("ticker"))));
    }

    private static JsonObject post(Vertx vertx, String url, JsonObject body) {
        HttpClientAgent client = vertx.createHttpClient();
        try {
            Buffer answer = Await.result(client.request(
                            new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url))
                    .compose(request -> request.putHeader("content-type", "application/json")
                            .send(body.encode()))
                    .compose(response -> response.body()));
            return new JsonObject(answer);
        } finally {
            client.close();
        }
    }
}

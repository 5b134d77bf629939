package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.simulator.KalshiServerIT.LocalKalshiBook;
import com.doubletime.simulator.PolymarketServerIT.LocalPolymarketBook;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Plays scenarios/buy-both-window.json, the sample documented in the README. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScenarioIT {

    private static final SimulatedMarket FED = SimulatorMain.DEMO_MARKETS.get(0);
    private static final Path SAMPLE = Path.of("scenarios/buy-both-window.json");

    @Test
    void scriptedScenarioPlaysStepsAfterBothVenuesSubscribe(Vertx vertx) {
        ExchangeSimulator simulator = startSample(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(KalshiServerIT.subscribe(1, "\"market_ticker\":\"" + FED.kalshiTicker() + "\""));
        kalshi.nextObject();
        assertEquals(
                new JsonArray("[[\"0.5400\",\"150.00\"],[\"0.5500\",\"100.00\"]]"),
                kalshi.nextObject().getJsonObject("msg").getJsonArray("no_dollars_fp"));
        // the first step is due 300 ms after BOTH venues have a subscriber
        kalshi.expectSilence(800);

        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(PolymarketServerIT.initial(FED.yesTokenId(), FED.noTokenId()));
        assertEquals(2, polymarket.nextArray().size());

        JsonObject first = kalshi.nextObject();
        assertEquals(2, first.getLong("seq"));
        assertEquals("0.5800", first.getJsonObject("msg").getString("price_dollars"));
        assertEquals("50.00", first.getJsonObject("msg").getString("delta_fp"));
        assertEquals("no", first.getJsonObject("msg").getString("side"));

        JsonObject second = polymarket.nextObject();
        assertEquals("price_change", second.getString("event_type"));
        assertEquals(FED.conditionId(), second.getString("market"));
        JsonArray changes = second.getJsonArray("price_changes");
        assertEquals(4, changes.size());
        JsonObject windowAsk = changes.getJsonObject(3);
        assertEquals(FED.noTokenId(), windowAsk.getString("asset_id"));
        assertEquals(
                List.of("SELL", "0.55", "80", "0.53", "0.55"),
                List.of(
                        windowAsk.getString("side"),
                        windowAsk.getString("price"),
                        windowAsk.getString("size"),
                        windowAsk.getString("best_bid"),
                        windowAsk.getString("best_ask")));

        JsonObject third = kalshi.nextObject();
        assertEquals(3, third.getLong("seq"));
        assertEquals("-50.00", third.getJsonObject("msg").getString("delta_fp"));
        assertEquals(4, polymarket.nextObject().getJsonArray("price_changes").size());

        // after the last step the books stay as they are
        kalshi.expectSilence(300);
        polymarket.expectSilence(50);
    }

    @Test
    void restOrderbookMatchesWsBook(Vertx vertx) {
        ExchangeSimulator simulator = startSample(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(KalshiServerIT.subscribe(1, "\"market_ticker\":\"" + FED.kalshiTicker() + "\""));
        kalshi.nextObject();
        LocalKalshiBook kalshiBook =
                LocalKalshiBook.fromSnapshot(kalshi.nextObject().getJsonObject("msg"));
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(PolymarketServerIT.initial(FED.yesTokenId(), FED.noTokenId()));
        JsonArray dump = polymarket.nextArray();
        LocalPolymarketBook yes = LocalPolymarketBook.fromBook(dump.getJsonObject(0));
        LocalPolymarketBook no = LocalPolymarketBook.fromBook(dump.getJsonObject(1));

        // play the whole script: two Kalshi deltas and two price changes
        for (int i = 0; i < 2; i++) {
            kalshiBook.apply(kalshi.nextObject().getJsonObject("msg"));
            JsonArray changes = polymarket.nextObject().getJsonArray("price_changes");
            for (int c = 0; c < changes.size(); c++) {
                JsonObject change = changes.getJsonObject(c);
                (FED.yesTokenId().equals(change.getString("asset_id")) ? yes : no).set(change);
            }
        }

        JsonObject restKalshi = Simulators.get(
                        vertx, simulator.kalshiRestUrl() + "/markets/" + FED.kalshiTicker() + "/orderbook")
                .json()
                .getJsonObject("orderbook_fp");
        assertEquals(kalshiBook.asRest(), restKalshi);
        for (LocalPolymarketBook local : List.of(yes, no)) {
            String token = local == yes ? FED.yesTokenId() : FED.noTokenId();
            JsonObject restPolymarket = Simulators.get(vertx, simulator.polymarketRestUrl() + "/book?token_id=" + token)
                    .json();
            assertEquals(local.asRest().getJsonArray("bids"), restPolymarket.getJsonArray("bids"));
            assertEquals(local.asRest().getJsonArray("asks"), restPolymarket.getJsonArray("asks"));
        }
    }

    @Test
    void scenarioNamingAnUnservedTickerFailsTheStart(Vertx vertx, @TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(
                dir.resolve("bad.json"), "{\"initial\":{\"kalshi\":{\"NOT-SERVED\":{\"yes\":[[\"0.40\",\"1\"]]}}}}");
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> Await.result(ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, List.of(FED), 1, 0, 0, scenario))));
        assertTrue(failure.getMessage().contains("NOT-SERVED"), failure.getMessage());
    }

    private static ExchangeSimulator startSample(Vertx vertx) {
        return Await.result(ExchangeSimulator.start(
                vertx,
                new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, SimulatorMain.DEMO_MARKETS, 1, 0, 0, SAMPLE)));
    }
}

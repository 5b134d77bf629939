package com.doubletime.simulator;

import static com.doubletime.simulator.Simulators.FED;
import static com.doubletime.simulator.Simulators.RAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KalshiServerIT {

    @Test
    void kalshiSubscribeAcksThenSendsSnapshotsWithSeqPerSid(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());

        kalshi.send(
                subscribe(1, "\"market_tickers\":[\"" + FED.kalshiTicker() + "\",\"" + RAIN.kalshiTicker() + "\"]"));
        assertEquals(
                new JsonObject(
                        "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}"),
                kalshi.nextObject());
        assertSnapshot(kalshi.nextObject(), 1, 1, FED.kalshiTicker());
        assertSnapshot(kalshi.nextObject(), 1, 2, RAIN.kalshiTicker());

        kalshi.send(subscribe(2, "\"market_ticker\":\"" + RAIN.kalshiTicker() + "\""));
        assertEquals(2, kalshi.nextObject().getJsonObject("msg").getInteger("sid"));
        assertSnapshot(kalshi.nextObject(), 2, 1, RAIN.kalshiTicker());
    }

    @Test
    void kalshiDeltasContinueEachSidsSeqAndKeepTheBookUncrossed(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.walking(vertx, 10);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(
                subscribe(1, "\"market_tickers\":[\"" + FED.kalshiTicker() + "\",\"" + RAIN.kalshiTicker() + "\"]"));
        kalshi.send(subscribe(2, "\"market_ticker\":\"" + FED.kalshiTicker() + "\""));

        Map<Integer, Long> lastSeq = new HashMap<>();
        Map<String, LocalKalshiBook> books = new HashMap<>();
        int deltas = 0;
        while (deltas < 300) {
            JsonObject frame = kalshi.nextObject();
            String type = frame.getString("type");
            if ("subscribed".equals(type)) {
                continue;
            }
            int sid = frame.getInteger("sid");
            long seq = frame.getLong("seq");
            assertEquals(lastSeq.getOrDefault(sid, 0L) + 1, seq, "seq gap on sid " + sid);
            lastSeq.put(sid, seq);
            JsonObject msg = frame.getJsonObject("msg");
            String key = sid + "/" + msg.getString("market_ticker");
            if ("orderbook_snapshot".equals(type)) {
                books.put(key, LocalKalshiBook.fromSnapshot(msg));
            } else {
                assertEquals("orderbook_delta", type);
                books.get(key).apply(msg);
                assertFalse(books.get(key).isCrossed(), "crossed after " + frame);
                deltas++;
            }
        }
    }

    @Test
    void kalshiSnapshotOmitsEmptySide(Vertx vertx, @TempDir Path dir) {
        ExchangeSimulator simulator = Simulators.scripted(
                vertx,
                dir,
                "{\"initial\":{\"kalshi\":{\"" + FED.kalshiTicker()
                        + "\":{\"yes\":[[\"0.08\",\"300\"],[\"0.22\",\"333\"]]}}}}");
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(
                subscribe(1, "\"market_tickers\":[\"" + FED.kalshiTicker() + "\",\"" + RAIN.kalshiTicker() + "\"]"));
        kalshi.nextObject();
        JsonObject fed = kalshi.nextObject().getJsonObject("msg");
        assertEquals(List.of("market_ticker", "market_id", "yes_dollars_fp"), List.copyOf(fed.fieldNames()));
        assertEquals(
                new JsonArray("[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]]"), fed.getJsonArray("yes_dollars_fp"));
        JsonObject rain = kalshi.nextObject().getJsonObject("msg");
        assertEquals(List.of("market_ticker", "market_id"), List.copyOf(rain.fieldNames()));
    }

    @Test
    void kalshiGetSnapshotAnswersWithId(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(
                subscribe(1, "\"market_tickers\":[\"" + FED.kalshiTicker() + "\",\"" + RAIN.kalshiTicker() + "\"]"));
        kalshi.nextObject(); // subscribed
        kalshi.nextObject(); // FED snapshot, seq 1
        JsonObject rainSnapshot = kalshi.nextObject();

        kalshi.send("{\"id\":5,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],\"market_tickers\":[\""
                + RAIN.kalshiTicker() + "\"],\"action\":\"get_snapshot\"}}");
        JsonObject answer = kalshi.nextObject();
        assertEquals(5, answer.getInteger("id"));
        assertEquals("orderbook_snapshot", answer.getString("type"));
        assertEquals(1, answer.getInteger("sid"));
        assertEquals(3, answer.getLong("seq"));
        assertEquals(rainSnapshot.getJsonObject("msg"), answer.getJsonObject("msg"));

        kalshi.send("{\"id\":6,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"market_ticker\":\""
                + FED.kalshiTicker() + "\",\"action\":\"get_snapshot\"}}");
        JsonObject second = kalshi.nextObject();
        assertEquals(6, second.getInteger("id"));
        assertEquals(4, second.getLong("seq"));
    }

    @Test
    void kalshiUseYesPriceReportsNoLevelsInYesTerms(Vertx vertx, @TempDir Path dir) {
        ExchangeSimulator simulator = Simulators.scripted(
                vertx,
                dir,
                "{\"initial\":{\"kalshi\":{\"" + FED.kalshiTicker()
                        + "\":{\"no\":[[\"0.54\",\"20\"],[\"0.56\",\"146\"]]}}},\"steps\":[{\"delayMillis\":10,\"kalshi\":{\"ticker\":\""
                        + FED.kalshiTicker() + "\",\"side\":\"no\",\"price\":\"0.56\",\"delta\":\"-54\"}}]}");
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(subscribe(1, "\"market_ticker\":\"" + FED.kalshiTicker() + "\",\"use_yes_price\":true"));
        kalshi.nextObject();
        assertEquals(
                new JsonArray("[[\"0.4400\",\"146.00\"],[\"0.4600\",\"20.00\"]]"),
                kalshi.nextObject().getJsonObject("msg").getJsonArray("no_dollars_fp"));
        kalshi.send(subscribe(2, "\"market_ticker\":\"" + FED.kalshiTicker() + "\",\"use_yes_price\":false"));
        kalshi.nextObject();
        assertEquals(
                new JsonArray("[[\"0.5400\",\"20.00\"],[\"0.5600\",\"146.00\"]]"),
                kalshi.nextObject().getJsonObject("msg").getJsonArray("no_dollars_fp"));

        WsProbe.connect(vertx, simulator.polymarketWsUrl())
                .send("{\"assets_ids\":[\"" + FED.yesTokenId() + "\"],\"type\":\"market\"}");
        JsonObject inYesTerms = kalshi.nextObject();
        assertEquals(1, inYesTerms.getInteger("sid"));
        assertEquals("0.4400", inYesTerms.getJsonObject("msg").getString("price_dollars"));
        assertEquals("-54.00", inYesTerms.getJsonObject("msg").getString("delta_fp"));
        assertEquals("no", inYesTerms.getJsonObject("msg").getString("side"));
        JsonObject inNoTerms = kalshi.nextObject();
        assertEquals(2, inNoTerms.getInteger("sid"));
        assertEquals("0.5600", inNoTerms.getJsonObject("msg").getString("price_dollars"));
    }

    @Test
    void kalshiUnsubscribeRepliesWithSidAndLastSeq(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(
                subscribe(1, "\"market_tickers\":[\"" + FED.kalshiTicker() + "\",\"" + RAIN.kalshiTicker() + "\"]"));
        kalshi.nextObject();
        kalshi.nextObject();
        kalshi.nextObject();
        kalshi.send("{\"id\":7,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[1]}}");
        assertEquals(new JsonObject("{\"id\":7,\"sid\":1,\"seq\":2,\"type\":\"unsubscribed\"}"), kalshi.nextObject());
        kalshi.send("{\"id\":8,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[1]}}");
        assertEquals(
                new JsonObject(
                        "{\"id\":8,\"type\":\"error\",\"msg\":{\"code\":7,\"msg\":\"Unknown subscription ID\"}}"),
                kalshi.nextObject());
    }

    @Test
    void kalshiRejectsUnknownCommandUnknownTickerAndMalformedJson(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send("{\"id\":3,\"cmd\":\"subscribe_all\",\"params\":{}}");
        assertEquals(
                new JsonObject("{\"id\":3,\"type\":\"error\",\"msg\":{\"code\":5,\"msg\":\"Unknown command\"}}"),
                kalshi.nextObject());
        kalshi.send(subscribe(4, "\"market_ticker\":\"NOT-A-MARKET\""));
        assertEquals(
                new JsonObject("{\"id\":4,\"type\":\"error\",\"msg\":{\"code\":11,\"msg\":\"Invalid parameter\"}}"),
                kalshi.nextObject());
        kalshi.send("{\"id\":5,\"cmd\":");
        assertEquals(
                new JsonObject("{\"type\":\"error\",\"msg\":{\"code\":1,\"msg\":\"Unable to process message\"}}"),
                kalshi.nextObject());
        kalshi.send("{\"id\":6,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]}}");
        assertEquals(14, kalshi.nextObject().getJsonObject("msg").getInteger("code"));
    }

    @Test
    void kalshiSendsHeartbeatPingFrames(Vertx vertx) {
        ExchangeSimulator simulator = Await.result(ExchangeSimulator.start(
                vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, Simulators.MARKETS, 1, 0, 0, null), 100));
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        assertEquals("heartbeat", kalshi.nextPing().toString());
        assertEquals("heartbeat", kalshi.nextPing().toString());
    }

    @Test
    void kalshiRestOrderbookMatchesTheSnapshotAndIs404ForUnknownTickers(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe kalshi = WsProbe.connect(vertx, simulator.kalshiWsUrl());
        kalshi.send(subscribe(1, "\"market_ticker\":\"" + FED.kalshiTicker() + "\""));
        kalshi.nextObject();
        JsonObject snapshot = kalshi.nextObject().getJsonObject("msg");

        Simulators.Response book =
                Simulators.get(vertx, simulator.kalshiRestUrl() + "/markets/" + FED.kalshiTicker() + "/orderbook");
        assertEquals(200, book.status());
        assertEquals("application/json", book.contentType());
        JsonObject orderbook = book.json().getJsonObject("orderbook_fp");
        assertEquals(snapshot.getJsonArray("yes_dollars_fp"), orderbook.getJsonArray("yes_dollars"));
        assertEquals(snapshot.getJsonArray("no_dollars_fp"), orderbook.getJsonArray("no_dollars"));

        JsonArray top = Simulators.get(
                        vertx, simulator.kalshiRestUrl() + "/markets/" + FED.kalshiTicker() + "/orderbook?depth=1")
                .json()
                .getJsonObject("orderbook_fp")
                .getJsonArray("yes_dollars");
        assertEquals(new JsonArray().add(last(snapshot.getJsonArray("yes_dollars_fp"))), top);

        Simulators.Response missing = Simulators.get(vertx, simulator.kalshiRestUrl() + "/markets/NOPE/orderbook");
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.json().getJsonObject("error").getString("code"));
    }

    static String subscribe(int id, String tickerParams) {
        return "{\"id\":" + id + ",\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]," + tickerParams
                + "}}";
    }

    private static void assertSnapshot(JsonObject frame, int sid, long seq, String ticker) {
        assertEquals("orderbook_snapshot", frame.getString("type"));
        assertEquals(sid, frame.getInteger("sid"));
        assertEquals(seq, frame.getLong("seq"));
        JsonObject msg = frame.getJsonObject("msg");
        assertEquals(ticker, msg.getString("market_ticker"));
        assertTrue(msg.getString("market_id").matches("[0-9a-f-]{36}"));
        for (String side : List.of("yes_dollars_fp", "no_dollars_fp")) {
            JsonArray levels = msg.getJsonArray(side);
            assertFalse(levels.isEmpty());
            for (int i = 0; i < levels.size(); i++) {
                assertTrue(levels.getJsonArray(i).getString(0).matches("0\\.\\d{4}"));
                assertTrue(levels.getJsonArray(i).getString(1).matches("\\d+\\.\\d{2}"));
                if (i > 0) {
                    assertTrue(
                            new BigDecimal(levels.getJsonArray(i - 1).getString(0))
                                            .compareTo(new BigDecimal(
                                                    levels.getJsonArray(i).getString(0)))
                                    < 0,
                            "levels not ascending");
                }
            }
        }
    }

    private static Object last(JsonArray array) {
        return array.getValue(array.size() - 1);
    }

    /** A client-side Kalshi book in exact decimals, as a feed would keep it. */
    static final class LocalKalshiBook {
        final TreeMap<BigDecimal, BigDecimal> yes = new TreeMap<>();
        final TreeMap<BigDecimal, BigDecimal> no = new TreeMap<>();

        static LocalKalshiBook fromSnapshot(JsonObject msg) {
            LocalKalshiBook book = new LocalKalshiBook();
            load(book.yes, msg.getJsonArray("yes_dollars_fp", new JsonArray()));
            load(book.no, msg.getJsonArray("no_dollars_fp", new JsonArray()));
            return book;
        }

        void apply(JsonObject delta) {
            TreeMap<BigDecimal, BigDecimal> side = "yes".equals(delta.getString("side")) ? yes : no;
            BigDecimal price = new BigDecimal(delta.getString("price_dollars"));
            BigDecimal size =
                    side.getOrDefault(price, BigDecimal.ZERO).add(new BigDecimal(delta.getString("delta_fp")));
            assertTrue(size.signum() >= 0, "delta removes more than rests: " + delta);
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }

        boolean isCrossed() {
            BigDecimal bestYes = yes.isEmpty() ? BigDecimal.ZERO : yes.lastKey();
            BigDecimal bestNo = no.isEmpty() ? BigDecimal.ZERO : no.lastKey();
            return bestYes.add(bestNo).compareTo(BigDecimal.ONE) >= 0;
        }

        JsonObject asRest() {
            return new JsonObject().put("yes_dollars", levels(yes)).put("no_dollars", levels(no));
        }

        private static JsonArray levels(TreeMap<BigDecimal, BigDecimal> side) {
            JsonArray levels = new JsonArray();
            side.forEach((price, size) ->
                    levels.add(new JsonArray().add(price.toPlainString()).add(size.toPlainString())));
            return levels;
        }

        private static void load(TreeMap<BigDecimal, BigDecimal> side, JsonArray levels) {
            for (int i = 0; i < levels.size(); i++) {
                side.put(
                        new BigDecimal(levels.getJsonArray(i).getString(0)),
                        new BigDecimal(levels.getJsonArray(i).getString(1)));
            }
        }
    }
}

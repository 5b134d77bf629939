package com.doubletime.simulator;

import static com.doubletime.simulator.Simulators.FED;
import static com.doubletime.simulator.Simulators.RAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
class PolymarketServerIT {

    private static final String FED_BOOKS = "{\"initial\":{\"polymarket\":{"
            + "\"" + FED.yesTokenId()
            + "\":{\"bids\":[[\"0.48\",\"30\"],[\"0.47\",\"12.5\"]],\"asks\":[[\"0.52\",\"10\"],[\"0.55\",\"200\"]]},"
            + "\"" + FED.noTokenId() + "\":{\"bids\":[[\"0.45\",\"200\"]]}}}}";

    @Test
    void polymarketInitialDumpIsArrayWithBestPriceLast(Vertx vertx, @TempDir Path dir) {
        ExchangeSimulator simulator = Simulators.scripted(vertx, dir, FED_BOOKS);
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(initial(FED.yesTokenId(), "not-a-token", FED.noTokenId()));

        JsonArray dump = polymarket.nextArray();
        assertEquals(2, dump.size(), "unknown assets are ignored");
        JsonObject yes = dump.getJsonObject(0);
        assertEquals(
                List.of("event_type", "market", "asset_id", "timestamp", "hash", "bids", "asks"),
                List.copyOf(yes.fieldNames()));
        assertEquals("book", yes.getString("event_type"));
        assertEquals(FED.conditionId(), yes.getString("market"));
        assertEquals(FED.yesTokenId(), yes.getString("asset_id"));
        assertTrue(yes.getString("timestamp").matches("\\d{13}"));
        assertTrue(yes.getString("hash").matches("[0-9a-f]{40}"));
        assertEquals(
                new JsonArray("[{\"price\":\"0.47\",\"size\":\"12.5\"},{\"price\":\"0.48\",\"size\":\"30\"}]"),
                yes.getJsonArray("bids"));
        assertEquals(
                new JsonArray("[{\"price\":\"0.55\",\"size\":\"200\"},{\"price\":\"0.52\",\"size\":\"10\"}]"),
                yes.getJsonArray("asks"));
        JsonObject no = dump.getJsonObject(1);
        assertEquals(FED.noTokenId(), no.getString("asset_id"));
        assertEquals(new JsonArray(), no.getJsonArray("asks"));
    }

    @Test
    void polymarketPriceChangeMirrorsBothTokensWithAbsoluteSizes(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.walking(vertx, 10);
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(initial(FED.yesTokenId(), FED.noTokenId(), RAIN.yesTokenId(), RAIN.noTokenId()));
        Map<String, LocalPolymarketBook> books = new HashMap<>();
        JsonArray dump = polymarket.nextArray();
        for (int i = 0; i < dump.size(); i++) {
            books.put(dump.getJsonObject(i).getString("asset_id"), LocalPolymarketBook.fromBook(dump.getJsonObject(i)));
        }
        assertEquals(4, books.size());

        for (int messages = 0; messages < 60; messages++) {
            JsonObject message = polymarket.nextObject();
            assertEquals("price_change", message.getString("event_type"));
            assertEquals(
                    List.of("event_type", "market", "price_changes", "timestamp"), List.copyOf(message.fieldNames()));
            JsonArray changes = message.getJsonArray("price_changes");
            assertEquals(0, changes.size() % 2, "every change travels with its mirror");
            for (int i = 0; i < changes.size(); i++) {
                JsonObject change = changes.getJsonObject(i);
                assertEquals(
                        List.of("asset_id", "price", "size", "side", "hash", "best_bid", "best_ask"),
                        List.copyOf(change.fieldNames()));
                assertTrue(change.getString("hash").matches("[0-9a-f]{40}"));
                LocalPolymarketBook book = books.get(change.getString("asset_id"));
                book.set(change);
                // absolute sizes: the book rebuilt with them has exactly the top the venue reports
                assertEquals(
                        0, new BigDecimal(change.getString("best_bid")).compareTo(book.bestBid()), change.encode());
                assertEquals(
                        0, new BigDecimal(change.getString("best_ask")).compareTo(book.bestAsk()), change.encode());
                if (i % 2 == 1) {
                    JsonObject original = changes.getJsonObject(i - 1);
                    assertEquals(
                            0,
                            BigDecimal.ONE.compareTo(new BigDecimal(original.getString("price"))
                                    .add(new BigDecimal(change.getString("price")))),
                            "mirror price is 1 - p");
                    assertEquals(original.getString("size"), change.getString("size"));
                    assertTrue(!original.getString("side").equals(change.getString("side")));
                    assertTrue(!original.getString("asset_id").equals(change.getString("asset_id")));
                }
            }
            for (SimulatedMarket market : Simulators.MARKETS) {
                assertEquals(books.get(market.yesTokenId()).mirrored(), books.get(market.noTokenId()));
            }
        }
    }

    @Test
    void polymarketAnswersPingWithPong(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send("PING");
        assertEquals("PONG", polymarket.nextText());
        polymarket.send(initial(FED.yesTokenId()));
        polymarket.nextArray();
        polymarket.send("PING");
        assertEquals("PONG", polymarket.nextText());
    }

    @Test
    void polymarketSubscribeOperationSendsBooksAndUnsubscribeStopsChanges(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.walking(vertx, 10);
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(initial(FED.yesTokenId()));
        assertEquals(1, polymarket.nextArray().size());

        polymarket.send("{\"assets_ids\":[\"" + RAIN.noTokenId() + "\"],\"operation\":\"subscribe\"}");
        JsonArray added = nextArraySkippingChanges(polymarket);
        assertEquals(1, added.size());
        assertEquals(RAIN.noTokenId(), added.getJsonObject(0).getString("asset_id"));

        polymarket.send("{\"assets_ids\":[\"" + FED.yesTokenId() + "\",\"" + RAIN.noTokenId()
                + "\"],\"operation\":\"unsubscribe\"}");
        polymarket.send("PING");
        // frames are answered in order: after PONG nothing more may arrive
        while (!"PONG".equals(polymarket.nextText())) {
            // price changes sent before the unsubscribe took effect
        }
        polymarket.expectSilence(300);
    }

    @Test
    void polymarketRestBookMatchesTheDumpAndIs404ForUnknownTokens(Vertx vertx) {
        ExchangeSimulator simulator = Simulators.still(vertx);
        WsProbe polymarket = WsProbe.connect(vertx, simulator.polymarketWsUrl());
        polymarket.send(initial(RAIN.yesTokenId()));
        JsonObject book = polymarket.nextArray().getJsonObject(0);

        Simulators.Response rest =
                Simulators.get(vertx, simulator.polymarketRestUrl() + "/book?token_id=" + RAIN.yesTokenId());
        assertEquals(200, rest.status());
        JsonObject summary = rest.json();
        assertEquals(book.getJsonArray("bids"), summary.getJsonArray("bids"));
        assertEquals(book.getJsonArray("asks"), summary.getJsonArray("asks"));
        assertEquals(RAIN.conditionId(), summary.getString("market"));
        assertEquals("5", summary.getString("min_order_size"));
        assertEquals("0.01", summary.getString("tick_size"));
        assertEquals(false, summary.getBoolean("neg_risk"));
        assertEquals(PolymarketFrames.summaryHash(summary), summary.getString("hash"));

        Simulators.Response missing = Simulators.get(vertx, simulator.polymarketRestUrl() + "/book?token_id=404");
        assertEquals(404, missing.status());
        assertEquals(new JsonObject("{\"error\":\"No orderbook exists for the requested token id\"}"), missing.json());
    }

    static String initial(String... assetIds) {
        return new JsonObject()
                .put("assets_ids", new JsonArray(List.of(assetIds)))
                .put("type", "market")
                .put("initial_dump", true)
                .put("custom_feature_enabled", true)
                .encode();
    }

    private static JsonArray nextArraySkippingChanges(WsProbe probe) {
        while (true) {
            String text = probe.nextText();
            if (text.startsWith("[")) {
                return new JsonArray(text);
            }
        }
    }

    /** A client-side Polymarket token book in exact decimals. */
    static final class LocalPolymarketBook {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        static LocalPolymarketBook fromBook(JsonObject book) {
            LocalPolymarketBook local = new LocalPolymarketBook();
            load(local.bids, book.getJsonArray("bids"));
            load(local.asks, book.getJsonArray("asks"));
            return local;
        }

        void set(JsonObject change) {
            TreeMap<BigDecimal, BigDecimal> side = "BUY".equals(change.getString("side")) ? bids : asks;
            BigDecimal price = new BigDecimal(change.getString("price"));
            BigDecimal size = new BigDecimal(change.getString("size"));
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }

        BigDecimal bestBid() {
            return bids.isEmpty() ? BigDecimal.ZERO : bids.lastKey();
        }

        BigDecimal bestAsk() {
            return asks.isEmpty() ? BigDecimal.ONE : asks.firstKey();
        }

        /** The complementary token's book: bid at p = ask at 1 − p. */
        LocalPolymarketBook mirrored() {
            LocalPolymarketBook mirror = new LocalPolymarketBook();
            asks.forEach((price, size) -> mirror.bids.put(BigDecimal.ONE.subtract(price), size));
            bids.forEach((price, size) -> mirror.asks.put(BigDecimal.ONE.subtract(price), size));
            return mirror;
        }

        JsonObject asRest() {
            return new JsonObject().put("bids", levels(bids)).put("asks", levels(asks.descendingMap()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LocalPolymarketBook book && book.bids.equals(bids) && book.asks.equals(asks);
        }

        @Override
        public int hashCode() {
            return bids.hashCode() * 31 + asks.hashCode();
        }

        @Override
        public String toString() {
            return "bids " + bids + " asks " + asks;
        }

        private static JsonArray levels(Map<BigDecimal, BigDecimal> inOrder) {
            JsonArray levels = new JsonArray();
            inOrder.forEach((price, size) -> levels.add(new JsonObject()
                    .put("price", price.stripTrailingZeros().toPlainString())
                    .put("size", size.stripTrailingZeros().toPlainString())));
            return levels;
        }

        private static void load(TreeMap<BigDecimal, BigDecimal> side, JsonArray levels) {
            for (int i = 0; i < levels.size(); i++) {
                JsonObject level = levels.getJsonObject(i);
                side.put(new BigDecimal(level.getString("price")), new BigDecimal(level.getString("size")));
            }
        }
    }
}

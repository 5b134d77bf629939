package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.feed.FakeLink;
import com.doubletime.feed.MarketDataPublisher;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Keepalive, silent stall, live (un)subscribe and best bid/ask resync, driven by a fake clock and link. */
class PolymarketFeedResilienceTest {
    static final String YES = PolymarketFeedProtocolTest.YES;
    static final String NO = PolymarketFeedProtocolTest.NO;

    private final FakeLink link = new FakeLink();
    private final List<MarketDataBatch> batches = new ArrayList<>();
    private final OrderbookSet monitorBooks = new OrderbookSet();
    private final List<String> fetched = new ArrayList<>();
    private Consumer<JsonObject> pendingBook;
    private Consumer<String> pendingFailure;
    private long now;

    private PolymarketFeedProtocol protocol(List<String> assets) {
        PolymarketFeedConfig config = PolymarketFeedConfig.of("ws://127.0.0.1:1/ws/market", assets)
                .withKeepalive(10_000, 30_000)
                .withStallMillis(60_000);
        BookFetcher fetcher = (asset, onBook, onFailure) -> {
            fetched.add(asset);
            pendingBook = onBook;
            pendingFailure = onFailure;
        };
        MarketDataPublisher publisher = new MarketDataPublisher(batch -> {
            batches.add(batch);
            batch.events().forEach(monitorBooks::apply);
        });
        return new PolymarketFeedProtocol(config, publisher, link, fetcher, () -> now);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    static String change(
            String asset, String side, String price, String size, String bestBid, String bestAsk, String timestamp) {
        return "{\"event_type\":\"price_change\",\"market\":\"0x5f65\",\"price_changes\":[{\"asset_id\":\"" + asset
                + "\",\"price\":\"" + price + "\",\"size\":\"" + size + "\",\"side\":\"" + side + "\",\"hash\":\"h\","
                + "\"best_bid\":\"" + bestBid + "\",\"best_ask\":\"" + bestAsk + "\"}],\"timestamp\":\"" + timestamp
                + "\"}";
    }

    private Orderbook monitorBook(String asset) {
        return monitorBooks.find(Platform.POLYMARKET, asset);
    }

    @Test
    void sendsPingWhilePongsArriveAndReconnectsWhenNoPongFor30Seconds() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        advanceMillis(10_000);
        protocol.onPingTick();
        protocol.onText("PONG", 0);
        advanceMillis(29_000);
        protocol.onPingTick();
        assertTrue(link.reconnects.isEmpty());

        advanceMillis(2_000);
        protocol.onPingTick();

        assertEquals(2, link.sent.stream().filter("PING"::equals).count());
        assertEquals(1, link.reconnects.size());
        assertTrue(link.reconnects.get(0).startsWith("no PONG"), link.reconnects.toString());
    }

    @Test
    void resubscribesAStalledAssetAndKeepsItStaleUntilItsNewBook() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES, NO));
        protocol.onOpen(0);
        protocol.onText(
                "[" + PolymarketFeedProtocolTest.book(YES, "0.52", "0.53") + ","
                        + PolymarketFeedProtocolTest.book(NO, "0.46", "0.47") + "]",
                0);
        link.sent.clear();
        for (int i = 0; i < 7; i++) { // NO keeps trading, YES goes silent
            advanceMillis(10_000);
            protocol.onText(change(NO, "BUY", "0.45", "10", "0.46", "0.47", "1757908892400"), 0);
            protocol.checkStalls();
        }

        assertEquals(
                List.of(
                        "{\"assets_ids\":[\"" + YES + "\"],\"operation\":\"unsubscribe\"}",
                        PolymarketFeedProtocol.subscription(List.of(YES), false)),
                link.sent);
        assertTrue(monitorBook(YES).isStale());
        assertTrue(monitorBook(NO).isFresh());

        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.51", "0.53"), 0);

        assertTrue(monitorBook(YES).isFresh());
        assertTrue(link.reconnects.isEmpty());
    }

    @Test
    void replacesTheConnectionWhenAResubscribedAssetStaysSilent() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES, NO));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);
        advanceMillis(30_000);
        protocol.onText(PolymarketFeedProtocolTest.book(NO, "0.46", "0.47"), 0);
        advanceMillis(40_000);
        protocol.checkStalls(); // YES silent for 70 s: resubscribed
        assertTrue(link.reconnects.isEmpty());

        advanceMillis(61_000);
        protocol.checkStalls();

        assertEquals(1, link.reconnects.size(), link.sent.toString());
    }

    @Test
    void anAssetThatNeverHadDataIsOnlyResubscribedNeverReconnected() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES, NO));
        protocol.onOpen(0);
        for (int i = 0; i < 30; i++) {
            advanceMillis(10_000);
            protocol.onText(change(NO, "BUY", "0.45", "10", "0.46", "0.47", "1757908892400"), 0);
            protocol.checkStalls();
        }

        assertTrue(link.reconnects.isEmpty());
        assertTrue(link.sent.stream().filter(f -> f.contains("unsubscribe")).count() >= 3);
    }

    @Test
    void replacesTheConnectionWhenEveryAssetStalledWhilePongsStillFlow() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES, NO));
        protocol.onOpen(0);
        for (int i = 0; i < 7; i++) {
            advanceMillis(10_000);
            protocol.onPingTick();
            protocol.onText("PONG", 0);
            protocol.checkStalls();
        }

        assertEquals(1, link.reconnects.size());
        assertTrue(link.reconnects.get(0).startsWith("silent stall"), link.reconnects.toString());
    }

    @Test
    void followsPairChangesOnTheLiveConnection() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);
        link.sent.clear();

        protocol.follow(List.of(NO));

        assertEquals(
                List.of(
                        PolymarketFeedProtocol.subscription(List.of(NO), false),
                        "{\"assets_ids\":[\"" + YES + "\"],\"operation\":\"unsubscribe\"}"),
                link.sent);
        assertTrue(monitorBook(YES).isStale(), "an unsubscribed book is no longer kept current");
        assertEquals(Set.of(NO), protocol.assetIds());
    }

    @Test
    void bestBidAskMismatchMarksTheBookStaleInTheSameBatchAndResyncsFromRest() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);
        // consistent: the bid at 0.52 is removed, best bid falls to the empty sentinel 0
        protocol.onText(change(YES, "BUY", "0.52", "0", "0", "0.53", "1757908892400"), 0);
        assertTrue(monitorBook(YES).isFresh());
        assertTrue(fetched.isEmpty());

        // the venue says the best bid is 0.50, which the local book never saw (a lost frame)
        protocol.onText(change(YES, "SELL", "0.54", "10", "0.50", "0.53", "1757908892500"), 0);

        List<MarketDataEvent> last = batches.get(batches.size() - 1).events();
        assertTrue(last.get(last.size() - 1) instanceof BookMarkedStale, last.toString());
        assertTrue(monitorBook(YES).isStale());
        assertEquals(List.of(YES), fetched);

        // a change arrives while REST is in flight; it is newer than the REST book and is replayed after it
        protocol.onText(change(YES, "SELL", "0.55", "7", "0.50", "0.53", "1757908892700"), 0);
        pendingBook.accept(restBook(YES, "1757908892600"));

        assertTrue(monitorBook(YES).isFresh());
        assertEquals(FixedPoint.parse("0.50"), monitorBook(YES).bids().price(0));
        assertEquals(FixedPoint.parse("7"), monitorBook(YES).asks().sizeAt(FixedPoint.parse("0.55")));
        assertEquals(1, protocol.guard().resyncs());
        assertTrue(batches.get(batches.size() - 1).events().get(0) instanceof OrderBookSnapshotReceived);
    }

    @Test
    void aBookCrossedAtTheEndOfAFrameIsStaleInTheSameBatchAndResyncedFromRest() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);

        // no best prices to compare with, but a bid at the ask: the local book missed an update
        protocol.onText(
                "{\"event_type\":\"price_change\",\"market\":\"0x5f65\",\"price_changes\":[{\"asset_id\":\""
                        + YES + "\",\"price\":\"0.53\",\"size\":\"5\",\"side\":\"BUY\"}],"
                        + "\"timestamp\":\"1757908892500\"}",
                0);

        // before: the crossed book stayed fresh, and its 0.53 bid against the 0.53 ask could price a window
        List<MarketDataEvent> last = batches.get(batches.size() - 1).events();
        assertTrue(last.get(last.size() - 1) instanceof BookMarkedStale stale
                && stale.reason().contains("crossed"));
        assertTrue(monitorBook(YES).isStale());
        assertEquals(List.of(YES), fetched);
        assertEquals(1, protocol.session().crossedBooks());

        pendingBook.accept(restBook(YES, "1757908892600"));

        assertTrue(monitorBook(YES).isFresh());
        assertEquals(FixedPoint.parse("0.50"), monitorBook(YES).bids().price(0));
        assertFalse(protocol.session().received().find(Platform.POLYMARKET, YES).isCrossed());
    }

    @Test
    void failedRestResyncFallsBackToAResubscribe() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);
        protocol.onText(change(YES, "SELL", "0.54", "10", "0.50", "0.53", "1757908892500"), 0);
        link.sent.clear();

        pendingFailure.accept("HTTP 503");

        assertEquals(PolymarketFeedProtocol.subscription(List.of(YES), false), link.sent.get(1));
        assertTrue(monitorBook(YES).isStale());
        assertEquals(1, protocol.restFailures());
    }

    @Test
    void restBookWithAWrongHashIsRefusedAndTheAssetResubscribed() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(0);
        protocol.onText(PolymarketFeedProtocolTest.book(YES, "0.52", "0.53"), 0);
        protocol.onText(change(YES, "SELL", "0.54", "10", "0.50", "0.53", "1757908892500"), 0);

        pendingBook.accept(restBook(YES, "1757908892600").put("hash", "0000"));

        assertTrue(monitorBook(YES).isStale());
        assertFalse(protocol.guard().resyncs() > 0);
        assertEquals(1, protocol.restFailures());
    }

    /** A REST summary in the official shape, hashed by the official algorithm. */
    static JsonObject restBook(String asset, String timestamp) {
        JsonObject summary = new JsonObject("{\"market\":\"0x5f65\",\"asset_id\":\"" + asset + "\",\"timestamp\":\""
                + timestamp + "\",\"hash\":\"\",\"bids\":[{\"price\":\"0.48\",\"size\":\"5\"},{\"price\":\"0.5\","
                + "\"size\":\"20\"}],\"asks\":[{\"price\":\"0.54\",\"size\":\"10\"},{\"price\":\"0.53\",\"size\":\"40\"}],"
                + "\"min_order_size\":\"5\",\"tick_size\":\"0.01\",\"neg_risk\":false,\"last_trade_price\":\"0.5\"}");
        return summary.put("hash", BookSummaryHash.of(summary));
    }
}

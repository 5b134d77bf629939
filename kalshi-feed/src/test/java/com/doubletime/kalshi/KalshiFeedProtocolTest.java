package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.feed.FakeLink;
import com.doubletime.feed.MarketDataPublisher;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KalshiFeedProtocolTest {
    private static final String TICKER = "FED-23DEC-T3.00";

    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final FakeLink link = new FakeLink();
    private final List<MarketDataBatch> batches = new ArrayList<>();
    private long nanoTime = 1;
    private KalshiFeedProtocol protocol = protocol(false);

    private KalshiFeedProtocol protocol(boolean useYesPrice) {
        KalshiFeedConfig config = KalshiFeedConfig.of("ws://127.0.0.1:1/trade-api/ws/v2", List.of(TICKER, "OTHER"))
                .withUseYesPrice(useYesPrice)
                .withAnswerTimeoutMillis(ANSWER_TIMEOUT_MILLIS);
        return new KalshiFeedProtocol(config, new MarketDataPublisher(batches::add), link, () -> nanoTime);
    }

    private void advanceMillis(long millis) {
        nanoTime += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private JsonObject sent(int index) {
        return new JsonObject(link.sent.get(index));
    }

    private List<MarketDataEvent> events() {
        return batches.stream().flatMap(b -> b.events().stream()).toList();
    }

    @Test
    void subscribesToTheOrderBookChannelWithUseYesPriceSentExplicitly() {
        protocol.onOpen(1);

        assertEquals(
                List.of("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                        + "\"market_tickers\":[\"FED-23DEC-T3.00\",\"OTHER\"],\"use_yes_price\":false}}"),
                link.sent);

        protocol = protocol(true);
        protocol.onOpen(1);
        assertEquals(
                Boolean.TRUE,
                new JsonObject(link.sent.get(1)).getJsonObject("params").getBoolean("use_yes_price"));
    }

    @Test
    void changesTheOpenSubscriptionInPlaceAndMarksGivenUpTickersStale() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);

        protocol.changeTickers(List.of(TICKER, "NEW"), 3);

        assertEquals(
                new JsonObject("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[7],"
                        + "\"market_tickers\":[\"NEW\"],\"action\":\"add_markets\"}}"),
                new JsonObject(link.sent.get(1)));
        assertEquals(
                new JsonObject("{\"id\":3,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[7],"
                        + "\"market_tickers\":[\"OTHER\"],\"action\":\"delete_markets\"}}"),
                new JsonObject(link.sent.get(2)));
        assertEquals(
                List.of(new BookMarkedStale(Platform.KALSHI, "OTHER", "assigned to another feed instance", 3)),
                batches.get(0).events());
        assertEquals(List.of(), link.reconnects);
    }

    @Test
    void withNoTickersLeftItUnsubscribesAndANewConnectionSubscribesNothing() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);

        protocol.changeTickers(List.of(), 3);
        assertEquals(
                new JsonObject("{\"id\":2,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[7]}}"),
                new JsonObject(link.sent.get(1)));

        protocol.onClosed("gone", 4);
        protocol.onOpen(5);
        assertEquals(2, link.sent.size(), "an empty market_tickers would mean every market");

        protocol.changeTickers(List.of("LATER"), 6);
        assertEquals(
                List.of("LATER"),
                new JsonObject(link.sent.get(2))
                        .getJsonObject("params")
                        .getJsonArray("market_tickers")
                        .getList());
    }

    @Test
    void whileClosedItOnlyRemembersTheTickersForTheNextConnection() {
        protocol.changeTickers(List.of("ONLY"), 1);
        assertEquals(List.of(), link.sent);

        protocol.onOpen(2);
        assertEquals(
                List.of("ONLY"),
                new JsonObject(link.sent.get(0))
                        .getJsonObject("params")
                        .getJsonArray("market_tickers")
                        .getList());
    }

    @Test
    void publishesASnapshotBatchAndMarksTheLinkHealthy() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 1), 3);

        assertEquals(1, batches.size());
        OrderBookSnapshotReceived snapshot =
                (OrderBookSnapshotReceived) batches.get(0).events().get(0);
        assertEquals(TICKER, snapshot.instrument());
        assertEquals(1, link.healthy);
        assertEquals(List.of(7L), List.copyOf(protocol.activeSids()));
    }

    @Test
    void asksForAFreshSnapshotOfTheSubscriptionsTickersAfterASeqGap() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 1), 3);

        protocol.onText(delta(7, 3), 4);

        assertEquals(
                new JsonObject("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[7],"
                        + "\"market_tickers\":[\"FED-23DEC-T3.00\"],\"action\":\"get_snapshot\"}}"),
                new JsonObject(link.sent.get(1)));
        assertTrue(batches.get(1).events().get(0) instanceof BookMarkedStale);
    }

    @Test
    void subscribesAgainWhenKalshiEndsTheSubscriptionWithError10Or25() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 1), 3);

        protocol.onText(
                "{\"id\":0,\"sid\":7,\"type\":\"error\",\"msg\":{\"code\":25,\"msg\":\"Subscription buffer overflow\"}}",
                4);

        JsonObject again = new JsonObject(link.sent.get(1));
        assertEquals("subscribe", again.getString("cmd"));
        assertEquals(2L, again.getLong("id"));
        assertTrue(link.errors.get(0).contains("25 (subscription buffer overflow"), link.errors.toString());
        assertEquals(List.of(), link.reconnects);
        assertTrue(batches.get(1).events().get(0) instanceof BookMarkedStale, "the ended subscription's book is stale");
    }

    @Test
    void reconnectsWhenATerminalErrorNamesNoSubscriptionOfOurs() {
        protocol.onOpen(1);

        protocol.onText("{\"type\":\"error\",\"msg\":{\"code\":10,\"msg\":\"Channel error\"}}", 2);

        assertEquals(1, link.reconnects.size());
        assertEquals(1, link.sent.size(), "no blind resubscribe");
    }

    @Test
    void reconnectsInsteadOfResubscribingForeverWhenNoDataArrivesBetweenErrors() {
        protocol.onOpen(1);
        for (int i = 0; i <= KalshiFeedProtocol.MAX_RESUBSCRIBES; i++) {
            long sid = 10 + i;
            protocol.onText(subscribed(i + 1, sid), 2);
            protocol.onText(
                    "{\"sid\":" + sid + ",\"type\":\"error\",\"msg\":{\"code\":10,\"msg\":\"Channel error\"}}", 3);
        }

        assertEquals(1 + KalshiFeedProtocol.MAX_RESUBSCRIBES, link.sent.size());
        assertEquals(1, link.reconnects.size());
    }

    @Test
    void logsOtherErrorsWithoutResubscribing() {
        protocol.onOpen(1);

        protocol.onText("{\"id\":123,\"type\":\"error\",\"msg\":{\"code\":7,\"msg\":\"Unknown subscription ID\"}}", 2);

        assertEquals(1, link.sent.size());
        assertEquals(
                "kalshi error 7 (unknown subscription id): Unknown subscription ID [command 123]", link.errors.get(0));
    }

    @Test
    void countsAMalformedFrameAndCarriesOn() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);

        protocol.onText("{\"type\":\"orderbook_snapshot\",", 3);
        protocol.onText(snapshot(7, 1), 4);

        assertEquals(1, protocol.session().malformed());
        assertTrue(link.errors.get(0).startsWith("malformed frame"));
        assertEquals(1, batches.size());
    }

    @Test
    void marksEveryKalshiBookStaleWhenTheConnectionCloses() {
        protocol.onOpen(1);

        protocol.onClosed("closed by peer", 5);

        assertEquals(
                List.of(new VenueDisconnected(Platform.KALSHI, "closed by peer", 5)),
                batches.get(0).events());
    }

    @Test
    void startsCommandIdsAndSequenceCheckingAfreshOnEveryConnection() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 5), 3);
        protocol.onClosed("gone", 4);

        protocol.onOpen(5);
        protocol.onText(subscribed(1, 1), 6);
        protocol.onText(snapshot(1, 1), 7);

        assertEquals(1L, new JsonObject(link.sent.get(1)).getLong("id"));
        assertEquals(0, protocol.session().gaps());
    }

    @Test
    void aTickerKalshiRefusesIsNamedAndTheOthersStream() {
        protocol.onOpen(1);

        // Kalshi refuses the whole command without saying which ticker is unknown
        protocol.onText(invalidParameter(1), 2);

        assertEquals(
                List.of(TICKER),
                sent(1).getJsonObject("params").getJsonArray("market_tickers").getList());
        assertEquals(
                List.of("OTHER"),
                sent(2).getJsonObject("params").getJsonArray("market_tickers").getList());
        protocol.onText(subscribed(2, 7), 3);
        protocol.onText(invalidParameter(3), 4);

        assertEquals(List.of("OTHER"), protocol.refused());
        assertEquals(List.of(7L), List.copyOf(protocol.activeSids()));
        // before: only "kalshi error 11 (invalid parameter): Invalid parameter [command 2]", and healthy
        assertTrue(
                link.errors.contains(
                        "kalshi refused ticker OTHER: kalshi error 11 (invalid parameter): Invalid parameter [command 3]"),
                link.errors.toString());
        assertTrue(events().stream()
                .anyMatch(e -> e instanceof BookMarkedStale stale
                        && stale.instrument().equals("OTHER")
                        && stale.reason().startsWith("refused by kalshi")));
        assertEquals(3, link.sent.size(), "a refused ticker is not asked for again");

        protocol.onClosed("gone", 5);
        protocol.onOpen(6);
        assertEquals(
                List.of(TICKER),
                sent(3).getJsonObject("params").getJsonArray("market_tickers").getList());
    }

    @Test
    void aRefusalNamingItsTickerRefusesOnlyThatOne() {
        protocol.onOpen(1);

        protocol.onText(
                "{\"id\":1,\"type\":\"error\",\"msg\":{\"code\":11,\"msg\":\"Invalid parameter\","
                        + "\"market_ticker\":\"OTHER\"}}",
                2);

        assertEquals(List.of("OTHER"), protocol.refused());
        assertEquals(
                List.of(TICKER),
                sent(1).getJsonObject("params").getJsonArray("market_tickers").getList());
    }

    @Test
    void aTickerGivenUpAndAddedAgainIsAskedForAgain() {
        protocol.onOpen(1);
        protocol.onText(invalidParameter(1), 2);
        protocol.onText(subscribed(2, 7), 3);
        protocol.onText(invalidParameter(3), 4);

        protocol.changeTickers(List.of(TICKER), 5);
        protocol.changeTickers(List.of(TICKER, "OTHER"), 6);

        assertEquals(List.of(), protocol.refused());
        JsonObject add = sent(3);
        assertEquals("add_markets", add.getJsonObject("params").getString("action"));
        assertEquals(
                List.of("OTHER"),
                add.getJsonObject("params").getJsonArray("market_tickers").getList());
    }

    @Test
    void aGetSnapshotThatNeverAnswersGivesUpTheSubscriptionAndSubscribesItsTickersAfresh() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 1), 3);
        protocol.onText(delta(7, 3), 4); // a gap: get_snapshot
        assertEquals("get_snapshot", sent(1).getJsonObject("params").getString("action"));

        advanceMillis(ANSWER_TIMEOUT_MILLIS - 1);
        protocol.checkAnswers();
        assertEquals(2, link.sent.size(), "still within the bounded wait");

        advanceMillis(2);
        protocol.checkAnswers();

        // before: the book stayed stale until the next reconnect, however long that took
        assertEquals(new JsonObject("{\"id\":3,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[7]}}"), sent(2));
        assertEquals("subscribe", sent(3).getString("cmd"));
        assertEquals(
                List.of(TICKER, "OTHER"),
                sent(3).getJsonObject("params").getJsonArray("market_tickers").getList());
        assertTrue(link.errors.get(link.errors.size() - 1).contains("get_snapshot for [" + TICKER + "] unanswered"));
        int before = batches.size();
        protocol.onText(delta(7, 4), 5);
        assertEquals(before, batches.size(), "the given-up subscription's frames are ignored");

        protocol.onText(subscribed(4, 8), 6);
        protocol.onText(snapshot(8, 1), 7);
        assertTrue(batches.get(batches.size() - 1).events().get(0) instanceof OrderBookSnapshotReceived);
        advanceMillis(ANSWER_TIMEOUT_MILLIS * 2);
        protocol.checkAnswers();
        assertEquals(4, link.sent.size());
        assertEquals(List.of(), link.reconnects);
    }

    @Test
    void aSubscribeThatNeverAnswersReplacesTheConnection() {
        protocol.onOpen(1);
        advanceMillis(ANSWER_TIMEOUT_MILLIS + 1);

        protocol.checkAnswers();

        assertEquals(1, link.reconnects.size());
        assertTrue(link.reconnects.get(0).contains("did not answer subscribe command 1"), link.reconnects.get(0));
    }

    @Test
    void aDeltaThatDrivesALevelNegativeAsksForThatBooksSnapshot() {
        protocol.onOpen(1);
        protocol.onText(subscribed(1, 7), 2);
        protocol.onText(snapshot(7, 1), 3);

        // the snapshot rests 300 at YES 0.08; a delta of -354 was meant for another book
        protocol.onText(delta(7, 2).replace("-54.00", "-354.00"), 4);

        JsonObject resync = sent(1);
        assertEquals("get_snapshot", resync.getJsonObject("params").getString("action"));
        assertEquals(
                List.of(TICKER),
                resync.getJsonObject("params").getJsonArray("market_tickers").getList());
        assertTrue(batches.get(1).events().get(0) instanceof BookMarkedStale);
    }

    static String invalidParameter(long commandId) {
        return "{\"id\":" + commandId + ",\"type\":\"error\",\"msg\":{\"code\":11,\"msg\":\"Invalid parameter\"}}";
    }

    static String subscribed(long id, long sid) {
        return "{\"id\":" + id + ",\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":" + sid
                + "}}";
    }

    static String snapshot(long sid, long seq) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + TICKER
                + "\",\"market_id\":\"9b0f6b43\",\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]],"
                + "\"no_dollars_fp\":[[\"0.5400\",\"20.00\"],[\"0.5600\",\"146.00\"]]}}";
    }

    static String delta(long sid, long seq) {
        return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + TICKER + "\",\"market_id\":\"9b0f6b43\",\"price_dollars\":\"0.0800\",\"delta_fp\":\"-54.00\","
                + "\"side\":\"yes\",\"ts_ms\":1669149841000}}";
    }
}

package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.feed.FakeLink;
import com.doubletime.feed.MarketDataPublisher;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolymarketFeedProtocolTest {
    static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    private final FakeLink link = new FakeLink();
    private final List<MarketDataBatch> batches = new ArrayList<>();

    private PolymarketFeedProtocol protocol(List<String> assets) {
        return new PolymarketFeedProtocol(
                PolymarketFeedConfig.of("ws://127.0.0.1:1/ws/market", assets),
                new MarketDataPublisher(batches::add),
                link);
    }

    @Test
    void subscribesToTheMarketChannelWithInitialDumpAndCustomFeatures() {
        protocol(List.of(YES, NO)).onOpen(1);

        assertEquals(
                List.of("{\"assets_ids\":[\"" + YES + "\",\"" + NO + "\"],\"type\":\"market\","
                        + "\"initial_dump\":true,\"custom_feature_enabled\":true}"),
                link.sent);
    }

    @Test
    void subscribesLargeUniversesInFramesOfAtMostOneHundredIds() {
        List<String> assets =
                IntStream.range(0, 250).mapToObj(i -> "token-" + i).toList();

        protocol(assets).onOpen(1);

        assertEquals(3, link.sent.size());
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonObject frame = new JsonObject(link.sent.get(i));
            assertTrue(frame.getJsonArray("assets_ids").size() <= PolymarketFeedProtocol.SUBSCRIBE_CHUNK);
            assertEquals(i == 0 ? "market" : null, frame.getString("type"));
            assertEquals(i == 0 ? null : "subscribe", frame.getString("operation"));
            assertEquals(Boolean.TRUE, frame.getBoolean("initial_dump"));
            all.addAll(frame.getJsonArray("assets_ids").getList());
        }
        assertEquals(assets, all);
    }

    @Test
    void answersNothingToPongAndPublishesNothingForIt() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(1);

        protocol.onText("PONG", 2);

        assertEquals(1, link.sent.size());
        assertTrue(batches.isEmpty());
        assertEquals(0, link.healthy);
    }

    @Test
    void publishesAnArrayOfBooksAsOneBatchAndMarksTheLinkHealthy() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES, NO));
        protocol.onOpen(1);

        protocol.onText("[" + book(YES, "0.52", "0.53") + "," + book(NO, "0.46", "0.47") + "]", 2);

        assertEquals(1, batches.size());
        assertEquals(2, batches.get(0).events().size());
        assertEquals(YES, ((OrderBookSnapshotReceived) batches.get(0).events().get(0)).instrument());
        assertEquals(1, link.healthy);
    }

    @Test
    void countsAMalformedFrameAndCarriesOn() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));
        protocol.onOpen(1);

        protocol.onText("[{\"event_type\":\"book\",", 2);
        protocol.onText(book(YES, "0.52", "0.53"), 3);

        assertEquals(1, protocol.session().malformed());
        assertTrue(link.errors.get(0).startsWith("malformed frame"));
        assertEquals(1, batches.size());
    }

    @Test
    void marksEveryPolymarketBookStaleWhenTheConnectionCloses() {
        PolymarketFeedProtocol protocol = protocol(List.of(YES));

        protocol.onClosed("no frame for 30000 ms", 9);

        assertEquals(
                List.of(new VenueDisconnected(Platform.POLYMARKET, "no frame for 30000 ms", 9)),
                batches.get(0).events());
    }

    static String book(String asset, String bid, String ask) {
        return "{\"event_type\":\"book\",\"market\":\"0x5f65\",\"asset_id\":\"" + asset
                + "\",\"timestamp\":\"1757908892351\","
                + "\"hash\":\"abc\",\"bids\":[{\"price\":\"" + bid + "\",\"size\":\"100\"}],"
                + "\"asks\":[{\"price\":\"" + ask + "\",\"size\":\"40\"}]}";
    }
}

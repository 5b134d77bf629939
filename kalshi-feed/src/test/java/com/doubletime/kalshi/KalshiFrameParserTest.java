package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.FixedPoint;
import com.doubletime.feed.MalformedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KalshiFrameParserTest {
    private final KalshiFrameParser parser = new KalshiFrameParser();

    static String fixture(String name) {
        try (InputStream in = KalshiFrameParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long d(String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void readsTheOfficialSnapshotExample() throws Exception {
        KalshiMessage m = parser.parse(fixture("orderbook_snapshot.json"));
        assertEquals(KalshiMessage.Type.ORDERBOOK_SNAPSHOT, m.type());
        assertEquals(2, m.sid());
        assertEquals(2, m.seq());
        assertEquals("FED-23DEC-T3.00", m.marketTicker());
        assertEquals(2, m.yesLevels().count());
        assertEquals(d("0.22"), m.yesLevels().price(1));
        assertEquals(d("333"), m.yesLevels().size(1));
        assertEquals(d("0.56"), m.noLevels().price(1));
        assertEquals(d("146"), m.noLevels().size(1));
    }

    @Test
    void treatsAMissingSideAsEmptyAndKeepsFractionalSizes() throws Exception {
        KalshiMessage m = parser.parse(fixture("orderbook_snapshot_one_side.json"));
        assertEquals(0, m.noLevels().count());
        assertEquals(d("24.64"), m.yesLevels().size(0));
        assertEquals(17, m.seq());
    }

    @Test
    void readsASignedDelta() throws Exception {
        KalshiMessage m = parser.parse(fixture("orderbook_delta.json"));
        assertEquals(KalshiMessage.Type.ORDERBOOK_DELTA, m.type());
        assertEquals(d("0.96"), m.price());
        assertEquals(d("-54"), m.delta());
        assertEquals("yes", m.side());
        assertEquals(1669149841000L, m.tsMillis());
    }

    @Test
    void acceptsDecimalsSentAsJsonNumbers() throws Exception {
        KalshiMessage m =
                parser.parse("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":5,\"msg\":{\"market_ticker\":\"T\","
                        + "\"market_id\":\"x\",\"price_dollars\":0.42,\"delta_fp\":-3.5,\"side\":\"no\"}}");
        assertEquals(d("0.42"), m.price());
        assertEquals(d("-3.5"), m.delta());
    }

    @Test
    void doesNotDependOnFieldOrder() throws Exception {
        KalshiMessage m =
                parser.parse("{\"msg\":{\"yes_dollars_fp\":[[\"0.1\",\"1\"]],\"market_ticker\":\"T\"},\"seq\":9,"
                        + "\"type\":\"orderbook_snapshot\",\"sid\":3}");
        assertEquals(KalshiMessage.Type.ORDERBOOK_SNAPSHOT, m.type());
        assertEquals(3, m.sid());
    }

    @Test
    void readsRepliesWithTheSidOfASubscription() throws Exception {
        KalshiMessage subscribed = parser.parse(fixture("subscribed.json"));
        assertEquals(KalshiMessage.Type.SUBSCRIBED, subscribed.type());
        assertEquals(1, subscribed.sid());
        assertEquals(1, subscribed.id());
        assertEquals("orderbook_delta", subscribed.channel());
        KalshiMessage error = parser.parse(fixture("error.json"));
        assertEquals(KalshiMessage.Type.ERROR, error.type());
        assertEquals(7, error.errorCode());
        assertEquals("Unknown subscription ID", error.errorMessage());
    }

    @Test
    void rejectsMalformedFrames() {
        for (String frame : new String[] {
            "",
            "not json",
            "[1,2]",
            "{\"type\":\"orderbook_delta\"",
            "{\"sid\":1}",
            // the pre-2026 integer format is gone: a delta without price_dollars is not usable
            "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"T\",\"price\":96,\"delta\":-54,\"side\":\"yes\"}}",
            "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":\"1.5\",\"delta_fp\":\"1\",\"side\":\"yes\"}}",
            "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":\"0.5\",\"delta_fp\":\"1\",\"side\":\"maybe\"}}",
            "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"msg\":{\"market_ticker\":\"T\"}}",
            "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"T\",\"yes_dollars_fp\":[[\"0.5\"]]}}",
            "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"T\",\"yes_dollars_fp\":[[\"abc\",\"1\"]]}}",
            "{\"type\":\"ok\"} trailing"
        }) {
            assertThrows(MalformedFrameException.class, () -> parser.parse(frame), frame);
        }
    }
}

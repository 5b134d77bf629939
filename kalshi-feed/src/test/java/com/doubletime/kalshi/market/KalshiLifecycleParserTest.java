package com.doubletime.kalshi.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.FixedPoint;
import com.doubletime.feed.MalformedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixtures: the AsyncAPI examples of docs.kalshi.com/websockets/market-and-event-lifecycle and kalshi.md §3.7. */
class KalshiLifecycleParserTest {

    @Test
    void createdCarriesCloseTimeExpectedExpirationAndShard() throws Exception {
        KalshiLifecycleMessage m = KalshiLifecycleParser.parse(fixture("created.json"));
        assertEquals(13, m.sid());
        assertEquals(3, m.seq());
        assertEquals("INXD-23SEP14-B4487", m.ticker());
        assertEquals("created", m.eventType());
        assertEquals(1694721600L, m.closeTs());
        assertEquals(1694721600L, m.expectedExpirationTs());
        assertEquals(0, m.exchangeIndex());
        assertEquals(-1, m.isDeactivated());
    }

    @Test
    void priceLevelAndMetadataUpdatesParseWithoutLifeFields() throws Exception {
        KalshiLifecycleMessage price = KalshiLifecycleParser.parse(fixture("price_level_structure_updated.json"));
        assertEquals("price_level_structure_updated", price.eventType());
        assertEquals(KalshiLifecycleMessage.ABSENT, price.closeTs());
        KalshiLifecycleMessage metadata = KalshiLifecycleParser.parse(fixture("metadata_updated.json"));
        assertEquals("metadata_updated", metadata.eventType());
        assertEquals(-1, metadata.exchangeIndex());
    }

    @Test
    void determinedCarriesResultAndSettlementValue() throws Exception {
        KalshiLifecycleMessage m = KalshiLifecycleParser.parse("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"seq\":9,"
                + "\"msg\":{\"market_ticker\":\"KX\",\"event_type\":\"determined\",\"result\":\"scalar\","
                + "\"settlement_value\":\"0.5000\",\"determination_ts\":1797000000}}");
        assertEquals("scalar", m.result());
        assertEquals(FixedPoint.parse("0.5"), m.settlementValue());
    }

    @Test
    void pauseAndUnpauseCarryIsDeactivated() throws Exception {
        assertEquals(
                1,
                KalshiLifecycleParser.parse(frame("deactivated", ",\"is_deactivated\":true"))
                        .isDeactivated());
        assertEquals(
                0,
                KalshiLifecycleParser.parse(frame("activated", ",\"is_deactivated\":false"))
                        .isDeactivated());
        assertNull(KalshiLifecycleParser.parse(frame("activated", "")).result());
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() {
        assertMessage("not a JSON object", "[1]");
        assertMessage(
                "without market_ticker", "{\"type\":\"market_lifecycle_v2\",\"msg\":{\"event_type\":\"settled\"}}");
        assertMessage("without event_type", "{\"type\":\"market_lifecycle_v2\",\"msg\":{\"market_ticker\":\"KX\"}}");
        assertMessage("close_ts is not a whole number", frame("close_date_updated", ",\"close_ts\":1.5"));
        assertMessage("settlement_value outside 0..1", frame("determined", ",\"settlement_value\":\"1.5\""));
        assertMessage("is_deactivated is not a boolean", frame("deactivated", ",\"is_deactivated\":\"yes\""));
        assertMessage("not a market_lifecycle_v2 frame", "{\"type\":\"ticker\",\"msg\":{}}");
    }

    private static void assertMessage(String fragment, String frame) {
        MalformedFrameException e =
                assertThrows(MalformedFrameException.class, () -> KalshiLifecycleParser.parse(frame));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    static String frame(String eventType, String extra) {
        return "{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"seq\":1,\"msg\":{\"market_ticker\":\"KX\",\"event_type\":\""
                + eventType + "\"" + extra + "}}";
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = KalshiLifecycleParserTest.class.getResourceAsStream("/fixtures/lifecycle/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

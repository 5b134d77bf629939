package com.doubletime.kalshi.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KalshiMarketBoardTest {
    private final List<MarketStatusChanged> published = new ArrayList<>();
    private final KalshiMarketBoard board = new KalshiMarketBoard(List.of("KX"), published::add);

    private static JsonObject market(String status) {
        return new JsonObject()
                .put("ticker", "KX")
                .put("status", status)
                .put("close_time", "2026-12-16T18:55:00Z")
                .put("expected_expiration_time", "2026-12-16T20:00:00Z")
                .put("exchange_index", 2);
    }

    @Test
    void theRestMarketGivesStatusTimesAndShard() {
        board.onMarket(market("active"), 5);
        MarketView view = published.get(0).view();
        assertEquals(MarketStatus.OPEN, view.status());
        assertEquals(Instant.parse("2026-12-16T18:55:00Z").toEpochMilli(), view.closeTimeMillis());
        assertEquals(Instant.parse("2026-12-16T20:00:00Z").toEpochMilli(), view.expectedResolutionMillis());
        assertEquals(2, view.exchangeIndex());
        assertEquals("rest", published.get(0).cause());
    }

    @Test
    void withoutAnExpectedExpirationTheCloseTimeIsTheResolutionTime() {
        board.onMarket(market("active").put("expected_expiration_time", null), 5);
        assertEquals(
                Instant.parse("2026-12-16T18:55:00Z").toEpochMilli(),
                published.get(0).view().expectedResolutionMillis());
    }

    @Test
    void restStatusesMapOntoTheProjectsFive() {
        assertEquals(MarketStatus.OPEN, KalshiMarketBoard.status("active"));
        assertEquals(MarketStatus.PAUSED, KalshiMarketBoard.status("inactive"));
        assertEquals(MarketStatus.PAUSED, KalshiMarketBoard.status("initialized"));
        assertEquals(MarketStatus.CLOSED, KalshiMarketBoard.status("closed"));
        assertEquals(MarketStatus.DETERMINED, KalshiMarketBoard.status("disputed"));
        assertEquals(MarketStatus.SETTLED, KalshiMarketBoard.status("finalized"));
        assertEquals(MarketStatus.CLOSED, KalshiMarketBoard.status("something_new"));
    }

    @Test
    void aSettledRestMarketCarriesItsResolution() {
        board.onMarket(market("finalized").put("result", "no").put("settlement_value_dollars", "0.0000"), 5);
        MarketView view = published.get(0).view();
        assertEquals(MarketStatus.SETTLED, view.status());
        assertEquals(0, view.resolution().yesPayout());
    }

    @Test
    void lifecycleEventsMoveTheMarketThroughItsLife() throws Exception {
        board.onMarket(market("active"), 1);
        board.onLifecycle(parse("deactivated", ",\"is_deactivated\":true"), 2);
        assertEquals(MarketStatus.PAUSED, last().status());
        board.onLifecycle(parse("activated", ",\"is_deactivated\":false"), 3);
        assertEquals(MarketStatus.OPEN, last().status());
        // closing a day earlier keeps the 65-minute gap to the expected expiration
        long earlier = Instant.parse("2026-12-15T18:55:00Z").getEpochSecond();
        board.onLifecycle(parse("close_date_updated", ",\"close_ts\":" + earlier), 4);
        assertEquals(earlier * 1000, last().closeTimeMillis());
        assertEquals(Instant.parse("2026-12-15T20:00:00Z").toEpochMilli(), last().expectedResolutionMillis());
        assertEquals(
                "lifecycle:close_date_updated",
                published.get(published.size() - 1).cause());
        board.onLifecycle(parse("determined", ",\"result\":\"yes\",\"settlement_value\":\"1.0000\""), 5);
        assertEquals(MarketStatus.DETERMINED, last().status());
        assertEquals(FixedPoint.ONE, last().resolution().yesPayout());
        board.onLifecycle(parse("settled", ",\"settled_ts\":1797000000"), 6);
        assertEquals(MarketStatus.SETTLED, last().status());
        assertEquals("yes", last().resolution().result());
        int count = published.size();
        board.onLifecycle(parse("price_level_structure_updated", ""), 7);
        assertEquals(count, published.size(), "nothing about the market's life changed");
    }

    @Test
    void unpairedOrNotYetLookedUpMarketsAreIgnored() throws Exception {
        board.onLifecycle(parse("deactivated", ",\"is_deactivated\":true"), 2);
        board.onMarket(market("active").put("ticker", "OTHER"), 1);
        assertTrue(published.isEmpty());
    }

    @Test
    void anOpenMarketPastItsCloseTimeCloses() {
        board.onMarket(market("active"), 1);
        board.onClock(Instant.parse("2026-12-16T18:54:59Z").toEpochMilli());
        assertEquals(1, published.size());
        board.onClock(Instant.parse("2026-12-16T18:55:00Z").toEpochMilli());
        assertEquals(MarketStatus.CLOSED, last().status());
        assertEquals("clock", published.get(1).cause());
    }

    @Test
    void resendPublishesEveryViewAgain() {
        board.onMarket(market("active"), 1);
        board.resend(9);
        assertEquals(2, published.size());
        assertEquals("resend", published.get(1).cause());
        assertNull(published.get(1).view().resolution());
    }

    private MarketView last() {
        return published.get(published.size() - 1).view();
    }

    private static KalshiLifecycleMessage parse(String eventType, String extra) throws Exception {
        return KalshiLifecycleParser.parse(KalshiLifecycleParserTest.frame(eventType, extra));
    }
}

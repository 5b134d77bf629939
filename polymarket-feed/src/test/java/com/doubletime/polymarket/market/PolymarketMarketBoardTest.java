package com.doubletime.polymarket.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.feed.MalformedFrameException;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolymarketMarketBoardTest {
    private static final String CONDITION = "0x747dc809fb79e1b05be09c42d6179459a58de2ef3e40f02484a4e1260f741f75";
    private static final String YES = "107505882767731489358349912513945399560393482969656700824895970500493757150417";
    private static final String NO = "73056302495919394702939853829104627011223006391834627117633498451432152912392";
    private static final MarketPair PAIR = new MarketPair(
            "rain",
            "",
            "KXRAIN",
            0,
            CONDITION,
            YES,
            NO,
            0,
            10_000,
            0,
            false,
            Polarity.INVERSE,
            0,
            MarketPair.UNLIMITED);

    private final List<MarketStatusChanged> published = new ArrayList<>();
    private final PolymarketMarketBoard board = new PolymarketMarketBoard(List.of(PAIR), published::add);

    private static JsonObject gamma() {
        return new JsonObject()
                .put("conditionId", CONDITION)
                .put("endDate", "2026-12-16T00:00:00Z")
                .put("active", true)
                .put("closed", false)
                .put("acceptingOrders", true)
                .put("outcomes", "[\"Yes\", \"No\"]");
    }

    @Test
    void gammaGivesTheEndDateAndTheTradingStatus() {
        board.onGamma(gamma(), 1);
        assertEquals(MarketStatus.OPEN, published.get(0).view().status());
        assertEquals(
                Instant.parse("2026-12-16T00:00:00Z").toEpochMilli(),
                published.get(0).view().expectedResolutionMillis());
        board.onGamma(gamma().put("acceptingOrders", false), 2);
        assertEquals(MarketStatus.PAUSED, published.get(1).view().status());
        board.onGamma(gamma().put("closed", true), 3);
        assertEquals(MarketStatus.CLOSED, published.get(2).view().status());
        board.onGamma(gamma().put("closed", true), 4);
        assertEquals(3, published.size(), "an unchanged view is not published again");
    }

    @Test
    void gammaResolutionIsTheFallbackForMarketResolved() {
        board.onGamma(
                gamma().put("closed", true)
                        .put("umaResolutionStatus", "resolved")
                        .put("outcomePrices", "[\"0\", \"1\"]"),
                1);
        assertEquals(MarketStatus.SETTLED, published.get(0).view().status());
        assertEquals(0, published.get(0).view().resolution().yesPayout());
        List<MarketStatusChanged> split = new ArrayList<>();
        new PolymarketMarketBoard(List.of(PAIR), split::add)
                .onGamma(
                        gamma().put("conditionId", CONDITION.toUpperCase().replace("0X", "0x"))
                                .put("closed", true)
                                .put("umaResolutionStatus", "resolved")
                                .put("outcomePrices", "[\"0.5\", \"0.5\"]"),
                        2);
        assertEquals(FixedPoint.parse("0.5"), split.get(0).view().resolution().yesPayout());
    }

    @Test
    void marketResolvedFromTheDocsSettlesWithTheWinner() throws Exception {
        board.onGamma(gamma(), 1);
        String frame;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/market_resolved.json")) {
            frame = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        board.onResolvedFrame("[" + frame + "]", 2);
        MarketStatusChanged resolved = published.get(1);
        assertEquals("market_resolved", resolved.cause());
        assertEquals(MarketStatus.SETTLED, resolved.view().status());
        assertEquals(FixedPoint.ONE, resolved.view().resolution().yesPayout());
        assertEquals(
                Instant.parse("2026-12-16T00:00:00Z").toEpochMilli(),
                resolved.view().expectedResolutionMillis());
        // Gamma lagging behind does not undo it
        board.onGamma(gamma(), 3);
        assertEquals(
                MarketStatus.SETTLED, published.get(published.size() - 1).view().status());
    }

    @Test
    void otherMarketsAndBadWinnersAreNotTaken() throws Exception {
        board.onResolvedFrame(
                "{\"event_type\":\"market_resolved\",\"market\":\"0xother\",\"winning_asset_id\":\"1\"}", 1);
        assertTrue(published.isEmpty());
        assertThrows(
                MalformedFrameException.class,
                () -> board.onResolvedFrame(
                        "{\"event_type\":\"market_resolved\",\"market\":\"" + CONDITION
                                + "\",\"winning_asset_id\":\"9\"}",
                        1));
        assertThrows(MalformedFrameException.class, () -> board.onResolvedFrame("{nope", 1));
        assertNull(board.view(CONDITION));
    }

    @Test
    void resendRepublishesEveryView() {
        board.onGamma(gamma(), 1);
        board.resend(2);
        assertEquals("resend", published.get(1).cause());
    }
}

package com.doubletime.kalshi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The {@code GET /markets} fields pair discovery reads: titles, close time, strikes. */
class KalshiMarketTest {

    private static JsonObject btc() {
        return new JsonObject()
                .put("ticker", "KXBTCMAXY-26DEC31-150000")
                .put("event_ticker", "KXBTCMAXY-26DEC31")
                .put("market_type", "binary")
                .put("status", "active")
                .put("title", "Bitcoin price on Dec 31, 2026?")
                .put("subtitle", "")
                .put("yes_sub_title", "$150,000 or above")
                .put("no_sub_title", "Below $150,000")
                .put("close_time", "2026-12-31T23:59:00Z")
                .put("strike_type", "greater")
                .put("floor_strike", 150000)
                .putNull("cap_strike")
                .put("yes_bid_dollars", "0.4100")
                .put("yes_ask_dollars", "0.4300")
                .put("exchange_index", 2);
    }

    @Test
    void readsTitlesCloseTimeAndStrikes() {
        KalshiMarket market = KalshiMarket.fromJson(btc());

        assertEquals("Bitcoin price on Dec 31, 2026?", market.title());
        assertNull(market.subtitle(), "a blank subtitle is absent");
        assertEquals("$150,000 or above", market.yesSubTitle());
        assertEquals("Below $150,000", market.noSubTitle());
        assertEquals("2026-12-31T23:59:00Z", market.closeTime());
        assertEquals("greater", market.strikeType());
        assertEquals(new BigDecimal("150000"), market.floorStrike());
        assertNull(market.capStrike());
        assertEquals(2, market.exchangeIndex());
    }

    @Test
    void theListingJoinsTitleAndYesSubTitleAndClosesOnTheUtcDay() {
        MarketListing listing = KalshiMarket.fromJson(btc()).listing();

        assertEquals(Platform.KALSHI, listing.venue());
        assertEquals("KXBTCMAXY-26DEC31-150000", listing.id());
        assertEquals("Bitcoin price on Dec 31, 2026? $150,000 or above", listing.title());
        assertEquals(LocalDate.of(2026, 12, 31), listing.closes());
    }

    @Test
    void withoutAYesSubTitleTheStrikeFieldsAreSpelledOut() {
        JsonObject json = btc();
        json.remove("yes_sub_title");
        assertEquals(
                "Bitcoin price on Dec 31, 2026? above 150000",
                KalshiMarket.fromJson(json).question());

        json.put("strike_type", "less").put("cap_strike", 2.5).putNull("floor_strike");
        assertEquals(
                "Bitcoin price on Dec 31, 2026? below 2.5",
                KalshiMarket.fromJson(json).question());

        json.put("strike_type", "between").put("floor_strike", "3.25").put("cap_strike", 3.5);
        assertEquals(
                "Bitcoin price on Dec 31, 2026? between 3.25 and 3.5",
                KalshiMarket.fromJson(json).question());
    }

    @Test
    void aMarketWithoutDescriptiveFieldsStillParses() {
        KalshiMarket bare = KalshiMarket.fromJson(new JsonObject().put("ticker", "KX-1"));

        assertNull(bare.title());
        assertNull(bare.closeTime());
        assertNull(bare.floorStrike());
        assertEquals("KX-1", bare.listing().title());
        assertNull(bare.listing().closes());
        assertNull(KalshiMarket.fromJson(new JsonObject().put("ticker", "KX-2").put("close_time", "soon"))
                .listing()
                .closes());
    }

    @Test
    void aStrikeThatIsNotANumberIsRefusedByName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> KalshiMarket.fromJson(btc().put("floor_strike", "lots")));
        assertEquals("floor_strike is not a number: lots", e.getMessage());
    }
}

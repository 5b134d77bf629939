package com.doubletime.polymarket.gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Gamma fields pair discovery reads: {@code question}, {@code endDate}, the YES / NO tokens by outcome. */
class GammaMarketListingTest {

    private static JsonObject btc() {
        return PolymarketPairValidatorTest.gamma()
                .put("question", "Will Bitcoin be below $150k on December 31, 2026?")
                .put("endDate", "2026-12-31T12:00:00Z")
                .put("endDateIso", "2026-12-31");
    }

    @Test
    void readsTheQuestionAndTheEndDate() {
        GammaMarket market = GammaMarket.parse(btc());

        assertEquals("Will Bitcoin be below $150k on December 31, 2026?", market.question());
        assertEquals("2026-12-31T12:00:00Z", market.endDate());
        assertEquals(
                "2026-12-31",
                GammaMarket.parse(btc().putNull("endDate")).endDate(),
                "endDateIso when endDate is absent");
    }

    @Test
    void theListingCarriesTheQuestionTheEndDayAndTheYesAndNoTokens() {
        MarketListing listing = GammaMarket.parse(btc()).listing();

        assertEquals(Platform.POLYMARKET, listing.venue());
        assertEquals(PolymarketPairValidatorTest.CONDITION, listing.id());
        assertEquals("Will Bitcoin be below $150k on December 31, 2026?", listing.title());
        assertEquals(LocalDate.of(2026, 12, 31), listing.closes());
        assertEquals(PolymarketPairValidatorTest.YES, listing.yesTokenId());
        assertEquals(PolymarketPairValidatorTest.NO, listing.noTokenId());
    }

    @Test
    void outcomesListedNoFirstStillGiveTheYesToken() {
        JsonObject json = btc().put("outcomes", "[\"No\", \"Yes\"]")
                .put("clobTokenIds", new JsonArray().add("900").add("800").encode());

        MarketListing listing = GammaMarket.parse(json).listing();

        assertEquals("800", listing.yesTokenId());
        assertEquals("900", listing.noTokenId());
    }

    @Test
    void aProtocolV2MarketListsItsPositionIds() {
        JsonObject json = btc().put("version", "v2")
                .put("positionIds", new JsonArray().add("11").add("22"));

        assertEquals("11", GammaMarket.parse(json).listing().yesTokenId());
    }

    @Test
    void noListingWithoutAQuestionOrTwoTokens() {
        assertNull(GammaMarket.parse(btc().putNull("question")).listing());
        assertNull(GammaMarket.parse(btc().put("clobTokenIds", "[\"1\", \"2\", \"3\"]"))
                .listing());
        assertNull(GammaMarket.parse(btc().put("endDate", "someday")).listing().closes());
    }
}

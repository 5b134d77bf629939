package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.Platform;
import com.doubletime.domain.discovery.MarketListing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/discovery/candidates} over hand-made catalogues with near-misses. */
@Timeout(60)
class DiscoveryIT {
    private static final LocalDate DEC31 = LocalDate.of(2026, 12, 31);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ApiClient start(CatalogueSource source) throws Exception {
        BusCodecs.registerAll(vertx.eventBus());
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.DEFAULT.withPort(0));
        if (source != null) {
            gateway.withCatalogues(source);
        }
        vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
        return new ApiClient(vertx, gateway.actualPort(), null);
    }

    @Test
    void ranksTheTrueMatchWithItsPolarityAndADraftPairAndLeavesNearMissesOut() throws Exception {
        ApiClient api = start(venue -> Future.succeededFuture(
                venue == Platform.KALSHI
                        ? List.of(
                                MarketListing.kalshi(
                                        "KXBTC-150", "Will Bitcoin be above $150,000 on Dec 31, 2026?", DEC31),
                                MarketListing.kalshi(
                                        "KXBTC-160", "Will Bitcoin be above $160,000 on Dec 31, 2026?", DEC31))
                        : List.of(
                                MarketListing.polymarket(
                                        "0xbtc", "Bitcoin below $150k on December 31, 2026?", DEC31, "1", "2"),
                                MarketListing.polymarket(
                                        "0xbtcjan",
                                        "Bitcoin above $160k on January 31, 2027?",
                                        LocalDate.of(2027, 1, 31),
                                        "3",
                                        "4"))));

        JsonArray candidates =
                api.get("/api/discovery/candidates").bodyAsJsonObject().getJsonArray("candidates");

        assertEquals(1, candidates.size(), candidates.encodePrettily());
        JsonObject best = candidates.getJsonObject(0);
        assertEquals("KXBTC-150", best.getJsonObject("kalshi").getString("ticker"));
        assertEquals("0xbtc", best.getJsonObject("polymarket").getString("conditionId"));
        assertEquals("inverse", best.getString("polarity"));
        assertEquals("inverse", best.getJsonObject("draftPair").getString("polarity"));
        assertEquals(
                "1", best.getJsonObject("draftPair").getJsonObject("polymarket").getString("yesTokenId"));
    }

    @Test
    void answers503WhenNoCatalogueSourceIsConfigured() throws Exception {
        assertEquals(503, start(null).get("/api/discovery/candidates").statusCode());
    }
}

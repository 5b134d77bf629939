package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.FeedHealth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedHealthBoardTest {
    private static final long T0 = 1_764_054_000_000L;
    private static final List<MarketPair> PAIRS = List.of(pair("a", "KX-A"), pair("b", "KX-B"), pair("c", "KX-C"));

    private final FeedHealthBoard board = new FeedHealthBoard();

    @Test
    void instancesSplittingAVenueAreShownApartAndTheirUnionIsStaleOnlyWhereABookIsReallyMissing() {
        board.update(kalshi("kalshi-1", 600, List.of("KX-A", "KX-B"), List.of()), T0);
        board.update(kalshi("kalshi-2", 7, List.of("KX-C"), List.of("KX-C")), T0 + 10);
        // the order of the reports no longer decides what the venue looks like
        board.update(kalshi("kalshi-1", 607, List.of("KX-A", "KX-B"), List.of()), T0 + 20);

        JsonObject health = board.json(PAIRS, T0 + 30);
        JsonObject venue = health.getJsonObject("venues").getJsonObject("kalshi");

        assertEquals(2, venue.getInteger("liveInstances"));
        assertEquals(new JsonArray().add("KX-C"), venue.getJsonArray("staleInstruments"));
        assertEquals(1, venue.getInteger("staleMarkets"));
        assertEquals(614, venue.getLong("frames"), "the instances' frames added up");
        assertEquals(
                new JsonObject()
                        .put("KX-A", new JsonArray().add("kalshi-1"))
                        .put("KX-B", new JsonArray().add("kalshi-1"))
                        .put("KX-C", new JsonArray().add("kalshi-2")),
                venue.getJsonObject("heldBy"));
        JsonArray instances = venue.getJsonArray("instances");
        assertEquals("kalshi-1", instances.getJsonObject(0).getString("instanceId"));
        assertEquals(607, instances.getJsonObject(0).getLong("frames"));
        assertEquals(new JsonArray().add("KX-C"), instances.getJsonObject(1).getJsonArray("instruments"));
        JsonObject marketC = market(health, "KX-C");
        assertTrue(marketC.getBoolean("stale"));
        assertEquals(new JsonArray().add("kalshi-2"), marketC.getJsonArray("heldBy"));
        assertFalse(market(health, "KX-A").getBoolean("stale"));
    }

    @Test
    void aSilentInstancesMarketsAreStaleAndUnheldUntilASurvivorHasTheirBooks() {
        board.update(kalshi("kalshi-1", 10, List.of("KX-A"), List.of()), T0);
        board.update(kalshi("kalshi-2", 10, List.of("KX-B", "KX-C"), List.of()), T0);
        long afterDeath = T0 + FeedHealthBoard.LIVE_MILLIS;
        board.update(kalshi("kalshi-2", 20, List.of("KX-B", "KX-C"), List.of()), afterDeath);

        JsonObject orphaned = board.json(PAIRS, afterDeath);
        assertTrue(market(orphaned, "KX-A").getBoolean("stale"));
        assertEquals(new JsonArray(), market(orphaned, "KX-A").getJsonArray("heldBy"));
        JsonObject venue = orphaned.getJsonObject("venues").getJsonObject("kalshi");
        assertEquals(1, venue.getInteger("liveInstances"));
        assertEquals(new JsonArray().add("KX-A"), venue.getJsonArray("staleInstruments"));
        assertFalse(venue.getJsonArray("instances").getJsonObject(0).getBoolean("live"));

        board.update(kalshi("kalshi-2", 30, List.of("KX-A", "KX-B", "KX-C"), List.of("KX-A")), afterDeath + 500);
        assertTrue(market(board.json(PAIRS, afterDeath + 500), "KX-A").getBoolean("stale"), "no snapshot yet");

        board.update(kalshi("kalshi-2", 40, List.of("KX-A", "KX-B", "KX-C"), List.of()), afterDeath + 1_000);
        JsonObject takenOver = market(board.json(PAIRS, afterDeath + 1_000), "KX-A");
        assertFalse(takenOver.getBoolean("stale"));
        assertEquals(new JsonArray().add("kalshi-2"), takenOver.getJsonArray("heldBy"));
    }

    @Test
    void aConfiguredMarketNoInstanceHoldsIsStaleAndADisconnectedHolderMakesItsMarketsStale() {
        board.update(kalshi("kalshi-1", 10, List.of("KX-A"), List.of()), T0);
        board.update(
                new FeedHealth(
                        Platform.KALSHI,
                        "kalshi-2",
                        false,
                        T0,
                        0,
                        5,
                        0,
                        0,
                        0,
                        1,
                        List.of("KX-B"),
                        List.of(),
                        "closed",
                        Map.of(),
                        0,
                        List.of()),
                T0);

        JsonObject venue = board.json(PAIRS, T0).getJsonObject("venues").getJsonObject("kalshi");

        assertEquals(new JsonArray().add("KX-B").add("KX-C"), venue.getJsonArray("staleInstruments"));
        assertFalse(venue.getBoolean("connected"), "one live instance is disconnected");
        assertEquals("kalshi-2: closed", venue.getString("lastError"));
        assertFalse(board.json(PAIRS, T0)
                .getJsonObject("venues")
                .getJsonObject("polymarket")
                .getBoolean("reported"));
    }

    @Test
    void theVenuesCountersAddUpItsInstancesAndNeverGoBackWhenOneIsForgotten() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        board.registerMeters(registry);
        board.update(kalshi("kalshi-1", 100, List.of("KX-A"), List.of()), T0);
        board.update(kalshi("kalshi-2", 50, List.of("KX-B"), List.of()), T0);
        assertEquals(150, frames(registry));

        board.update(kalshi("kalshi-2", 70, List.of("KX-A", "KX-B"), List.of()), T0 + FeedHealthBoard.FORGET_MILLIS);

        assertEquals(170, frames(registry), "kalshi-1's 100 frames stay counted after it is forgotten");
        assertEquals(
                1,
                board.json(List.of(), T0 + FeedHealthBoard.FORGET_MILLIS)
                        .getJsonObject("venues")
                        .getJsonObject("kalshi")
                        .getJsonArray("instances")
                        .size());
    }

    private static double frames(SimpleMeterRegistry registry) {
        return registry.get("dt.feed.frames")
                .tag("venue", "kalshi")
                .functionCounter()
                .count();
    }

    private static JsonObject market(JsonObject health, String instrument) {
        for (Object market : health.getJsonArray("markets")) {
            if (instrument.equals(((JsonObject) market).getString("instrument"))) {
                return (JsonObject) market;
            }
        }
        throw new AssertionError(instrument + " not in " + health.encodePrettily());
    }

    private static FeedHealth kalshi(String instance, long frames, List<String> held, List<String> stale) {
        return new FeedHealth(
                Platform.KALSHI, instance, true, T0, 0, frames, 0, 0, 0, 0, held, stale, null, Map.of(), 0, List.of());
    }

    private static MarketPair pair(String id, String ticker) {
        return new MarketPair(
                id,
                id,
                ticker,
                70_000,
                "0x" + id,
                id + "-yes",
                id + "-no",
                40_000,
                10_000,
                5_000_000,
                false,
                Polarity.SAME,
                10_000,
                MarketPair.UNLIMITED);
    }
}

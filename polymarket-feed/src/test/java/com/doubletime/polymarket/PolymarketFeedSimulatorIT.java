package com.doubletime.polymarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.event.FeedHealth;
import com.doubletime.feed.FeedSimulatorFixture;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The feed against the exchange simulator's Polymarket server: the real wire protocol end to end. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class PolymarketFeedSimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FeedSimulatorFixture venues;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        venues = FeedSimulatorFixture.start(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        venues.close();
    }

    @Test
    void receivesABookForEveryTokenThenLevelChangesAndPongs(Vertx vertx) throws Exception {
        vertx.deployVerticle(new PolymarketFeedVerticle(
                        PolymarketFeedConfig.of(venues.simulator().polymarketWsUrl(), FeedSimulatorFixture.TOKENS)
                                .withKeepalive(200, 2_000)))
                .await(5, TimeUnit.SECONDS);

        FeedSimulatorFixture.Seen seen =
                venues.awaitSnapshotsAndLevels(Set.copyOf(FeedSimulatorFixture.TOKENS), 5, WAIT);

        assertEquals(Set.copyOf(FeedSimulatorFixture.TOKENS), seen.snapshots());
        assertTrue(seen.levelChanges() >= 5, "level changes: " + seen.levelChanges());
        // reports published before the books arrived still list them as stale
        FeedHealth report = venues.awaitHealth(h -> h.staleInstruments().isEmpty(), WAIT);
        assertTrue(report.connected(), String.valueOf(report));
        assertEquals(0, report.malformed());
        assertEquals(0, report.reconnects());
    }

    @Test
    void aTokenTheVenueHasNoBookForIsReportedRefused(Vertx vertx) throws Exception {
        List<String> tokens = new ArrayList<>(FeedSimulatorFixture.TOKENS);
        tokens.add("999");
        vertx.deployVerticle(new PolymarketFeedVerticle(
                        PolymarketFeedConfig.of(venues.simulator().polymarketWsUrl(), tokens)
                                .withKeepalive(200, 2_000)
                                .withStallMillis(500)))
                .await(5, TimeUnit.SECONDS);

        // the market channel is silent about it; REST /book answers 404
        FeedHealth report = venues.awaitHealth(h -> !h.refusedInstruments().isEmpty(), WAIT);

        assertEquals(List.of("999"), report.refusedInstruments());
        assertTrue(report.staleInstruments().contains("999"));
    }
}

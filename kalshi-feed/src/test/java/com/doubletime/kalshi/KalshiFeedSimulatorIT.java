package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.domain.event.BooksResendRequest;
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

/** The feed against the exchange simulator's Kalshi server: the real wire protocol end to end. */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class KalshiFeedSimulatorIT {
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

    private void deploy(Vertx vertx, List<String> tickers) throws Exception {
        vertx.deployVerticle(new KalshiFeedVerticle(
                        KalshiFeedConfig.of(venues.simulator().kalshiWsUrl(), tickers)))
                .await(5, TimeUnit.SECONDS);
    }

    @Test
    void receivesSnapshotsForEveryTickerThenDeltasWithoutGapsOrMalformedFrames(Vertx vertx) throws Exception {
        deploy(vertx, FeedSimulatorFixture.TICKERS);

        FeedSimulatorFixture.Seen seen =
                venues.awaitSnapshotsAndLevels(Set.copyOf(FeedSimulatorFixture.TICKERS), 5, WAIT);

        assertEquals(Set.copyOf(FeedSimulatorFixture.TICKERS), seen.snapshots());
        assertTrue(seen.levelChanges() >= 5, "deltas: " + seen.levelChanges());
        // reports published before the books arrived still list them as stale
        FeedHealth report = venues.awaitHealth(h -> h.staleInstruments().isEmpty(), WAIT);
        assertTrue(report.connected(), String.valueOf(report));
        assertEquals(0, report.malformed());
        assertEquals(0, report.gaps());
        assertEquals(List.of(), report.refusedInstruments());
    }

    @Test
    void aTickerTheVenueDoesNotKnowIsReportedRefusedAndStaleWhileTheOthersStream(Vertx vertx) throws Exception {
        List<String> tickers = new ArrayList<>(FeedSimulatorFixture.TICKERS);
        tickers.add(1, "KXNOPE-26DEC-X");
        deploy(vertx, tickers);

        FeedSimulatorFixture.Seen seen =
                venues.awaitSnapshotsAndLevels(Set.copyOf(FeedSimulatorFixture.TICKERS), 5, WAIT);
        FeedHealth report = venues.awaitHealth(h -> !h.refusedInstruments().isEmpty(), WAIT);

        // before: error 11 refused the one subscribe command, no ticker streamed, and health named none
        assertEquals(Set.copyOf(FeedSimulatorFixture.TICKERS), seen.snapshots());
        assertEquals(List.of("KXNOPE-26DEC-X"), report.refusedInstruments());
        assertEquals(
                List.of("KXNOPE-26DEC-X"),
                venues.awaitHealth(h -> h.staleInstruments().size() == 1, WAIT).staleInstruments());
        assertTrue(report.lastError().contains("KXNOPE-26DEC-X"), report.lastError());
    }

    @Test
    void aLateSubscriberAsksForTheBooksAndGetsASnapshotOfEachFromTheFeedsOwnCopy(Vertx vertx) throws Exception {
        deploy(vertx, FeedSimulatorFixture.TICKERS);
        venues.awaitSnapshotsAndLevels(Set.copyOf(FeedSimulatorFixture.TICKERS), 1, WAIT);

        // Kalshi sends a snapshot only on subscribing: before, a monitor or executor started now never got one
        vertx.eventBus().publish(Addresses.BOOKS_RESEND, new BooksResendRequest("late-executor"));

        FeedSimulatorFixture.Seen again =
                venues.awaitSnapshotsAndLevels(Set.copyOf(FeedSimulatorFixture.TICKERS), 0, WAIT);
        assertEquals(Set.copyOf(FeedSimulatorFixture.TICKERS), again.snapshots());
    }
}

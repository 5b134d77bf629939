package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookFreshnessTest {
    private static final List<String> STREAMED = List.of("B", "A");
    private final BookFreshness freshness = new BookFreshness();

    @Test
    void everyInstrumentIsStaleUntilItsFirstSnapshot() {
        assertEquals(List.of("A", "B"), freshness.staleAmong(STREAMED));

        freshness.apply(batch(snapshot("A")));

        assertEquals(List.of("B"), freshness.staleAmong(STREAMED));
    }

    @Test
    void aGapOrADisconnectMakesBooksStaleAgain() {
        freshness.apply(batch(snapshot("A"), snapshot("B")));
        freshness.apply(batch(
                new BookMarkedStale(Platform.KALSHI, "B", "gap", 2),
                new BookMarkedStale(Platform.KALSHI, "not-streamed", "gap", 2)));
        assertEquals(List.of("B"), freshness.staleAmong(STREAMED));

        freshness.apply(batch(new VenueDisconnected(Platform.KALSHI, "closed", 3)));

        assertEquals(List.of("A", "B"), freshness.staleAmong(STREAMED));
    }

    @Test
    void onlyTheInstrumentsStreamedNowAreReportedAGainedOneStaleUntilItsSnapshot() {
        freshness.apply(batch(snapshot("A"), snapshot("B")));
        // the instance gave B up (marked stale on the way out) and gained C
        freshness.apply(batch(new BookMarkedStale(Platform.KALSHI, "B", "assigned to another feed instance", 2)));
        List<String> now = List.of("A", "C");

        assertEquals(List.of("C"), freshness.staleAmong(now));

        freshness.apply(batch(snapshot("C")));

        assertEquals(List.of(), freshness.staleAmong(now));
    }

    private static OrderBookSnapshotReceived snapshot(String instrument) {
        return new OrderBookSnapshotReceived(Platform.KALSHI, instrument, Levels.EMPTY, Levels.EMPTY, 1);
    }

    private static MarketDataBatch batch(com.doubletime.domain.event.MarketDataEvent... events) {
        return new MarketDataBatch(Platform.KALSHI, 0, List.of(events));
    }
}

package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookFreshnessTest {
    private final BookFreshness freshness = new BookFreshness(List.of("B", "A"));

    @Test
    void everyInstrumentIsStaleUntilItsFirstSnapshot() {
        assertEquals(List.of("A", "B"), freshness.staleInstruments());

        freshness.apply(batch(new OrderBookSnapshotReceived(Platform.KALSHI, "A", Levels.EMPTY, Levels.EMPTY, 1)));

        assertEquals(List.of("B"), freshness.staleInstruments());
    }

    @Test
    void aGapOrADisconnectMakesBooksStaleAgain() {
        freshness.apply(batch(
                new OrderBookSnapshotReceived(Platform.KALSHI, "A", Levels.EMPTY, Levels.EMPTY, 1),
                new OrderBookSnapshotReceived(Platform.KALSHI, "B", Levels.EMPTY, Levels.EMPTY, 1)));
        freshness.apply(batch(
                new BookMarkedStale(Platform.KALSHI, "B", "gap", 2),
                new BookMarkedStale(Platform.KALSHI, "not-configured", "gap", 2)));
        assertEquals(List.of("B"), freshness.staleInstruments());

        freshness.apply(batch(new VenueDisconnected(Platform.KALSHI, "closed", 3)));

        assertEquals(List.of("A", "B"), freshness.staleInstruments());
    }

    @Test
    void anInstrumentAddedAtRunTimeIsStaleUntilItsFirstSnapshotAndOneGivenUpIsNotReported() {
        freshness.apply(batch(
                new OrderBookSnapshotReceived(Platform.KALSHI, "A", Levels.EMPTY, Levels.EMPTY, 1),
                new OrderBookSnapshotReceived(Platform.KALSHI, "B", Levels.EMPTY, Levels.EMPTY, 1)));

        freshness.follow(List.of("A", "NEW"));

        // before: a pair added over the API was never listed stale, so a market the venue refused looked usable
        assertEquals(List.of("NEW"), freshness.staleInstruments());
        freshness.apply(batch(new BookMarkedStale(Platform.KALSHI, "B", "gone", 2)));
        assertEquals(List.of("NEW"), freshness.staleInstruments());
    }

    private static MarketDataBatch batch(MarketDataEvent... events) {
        return new MarketDataBatch(Platform.KALSHI, 0, List.of(events));
    }
}

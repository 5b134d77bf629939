package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataPublisherTest {
    private final List<MarketDataBatch> published = new ArrayList<>();
    private final MarketDataPublisher publisher = new MarketDataPublisher(published::add);

    @Test
    void copiesSnapshotLevelsSoTheParsersReusedBuffersCanChange() {
        LevelBuffer bids = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        bids.add(420_000, 10_000_000);
        asks.add(440_000, 146_000_000);

        publisher.onSnapshot(Platform.KALSHI, "FED", bids, asks, 5);
        bids.clear();
        bids.add(1, 1);
        asks.clear();
        publisher.onFrameEnd(Platform.KALSHI, 5);

        OrderBookSnapshotReceived snapshot =
                (OrderBookSnapshotReceived) published.get(0).events().get(0);
        assertEquals(new Levels(new long[] {420_000}, new long[] {10_000_000}), snapshot.bids());
        assertEquals(new Levels(new long[] {440_000}, new long[] {146_000_000}), snapshot.asks());
    }

    @Test
    void publishesOneBatchPerFrameWithEveryEventOfThatFrameInOrder() {
        LevelBuffer empty = new LevelBuffer();
        publisher.onSnapshot(Platform.POLYMARKET, "yes", empty, empty, 7);
        publisher.onLevelSet(Platform.POLYMARKET, "no", Side.ASK, 530_000, 40_000_000, 7);
        publisher.onFrameEnd(Platform.POLYMARKET, 7);
        publisher.onStale(Platform.POLYMARKET, "yes", "gap", 8);
        publisher.onFrameEnd(Platform.POLYMARKET, 8);

        assertEquals(2, published.size());
        assertEquals(
                new MarketDataBatch(
                        Platform.POLYMARKET,
                        7,
                        List.of(
                                new OrderBookSnapshotReceived(
                                        Platform.POLYMARKET, "yes", Levels.EMPTY, Levels.EMPTY, 7),
                                new OrderBookDeltaReceived(
                                        Platform.POLYMARKET, "no", Side.ASK, 530_000, 40_000_000, true, 7))),
                published.get(0));
        assertEquals(
                new MarketDataBatch(
                        Platform.POLYMARKET, 8, List.of(new BookMarkedStale(Platform.POLYMARKET, "yes", "gap", 8))),
                published.get(1));
        assertEquals(2, publisher.batches());
    }

    @Test
    void publishesNothingForAFrameThatProducedNoEvent() {
        publisher.onFrameEnd(Platform.KALSHI, 1);

        assertTrue(published.isEmpty());
    }

    @Test
    void publishesVenueDisconnectedAsItsOwnBatch() {
        publisher.onVenueDisconnected(Platform.KALSHI, "closed", 9);
        publisher.onFrameEnd(Platform.KALSHI, 9);

        assertEquals(
                List.of(new VenueDisconnected(Platform.KALSHI, "closed", 9)),
                published.get(0).events());
    }
}

package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataBatchCodecTest extends RecordCodecContract<MarketDataBatch> {
    private final MarketDataBatchCodec codec = new MarketDataBatchCodec();

    @Override
    protected RecordCodec<MarketDataBatch> codec() {
        return codec;
    }

    @Override
    protected List<MarketDataBatch> samples() {
        return List.of(
                new MarketDataBatch(
                        Platform.KALSHI,
                        1L,
                        List.of(
                                new OrderBookSnapshotReceived(
                                        Platform.KALSHI,
                                        "KX",
                                        new Levels(new long[] {410_000}, new long[] {1_500_000_000}),
                                        new Levels(new long[0], new long[0]),
                                        2L),
                                new OrderBookDeltaReceived(Platform.KALSHI, "KX", Side.BID, 580_000, -7, false, 3L),
                                new BookMarkedStale(Platform.KALSHI, "KX", "seq gap", 4L),
                                new VenueDisconnected(Platform.KALSHI, "idle", 5L))),
                new MarketDataBatch(Platform.POLYMARKET, 10L, List.of()));
    }

    @Test
    void everyKindOfEventSurvivesTheClusterWireFormat() {
        MarketDataBatch batch = new MarketDataBatch(
                Platform.KALSHI,
                1_764_000_000_123_456_789L,
                List.of(
                        new OrderBookSnapshotReceived(
                                Platform.KALSHI,
                                "KXFED-26DEC-C25",
                                new Levels(new long[] {410_000, 400_000}, new long[] {1_500_000_000, 20_000_000}),
                                new Levels(new long[0], new long[0]),
                                1_764_000_000_000_000_001L),
                        new OrderBookDeltaReceived(
                                Platform.KALSHI, "KXFED-26DEC-C25", Side.BID, 580_000, -7_000_000, false, 2L),
                        new BookMarkedStale(Platform.KALSHI, "KXRAIN-26DEC-NYC", "seq gap on sid 3", 3L),
                        new VenueDisconnected(Platform.KALSHI, "idle 30000 ms", 4L)));

        Buffer buffer = Buffer.buffer().appendString("pre");
        codec.encodeToWire(buffer, batch);

        assertEquals(batch, codec.decodeFromWire(3, buffer));
        assertSame(batch, codec.transform(batch), "locally the immutable batch is handed on as is");
    }

    @Test
    void polymarketAbsoluteLevelsAndEmptyBatchesToo() {
        MarketDataBatch batch = new MarketDataBatch(
                Platform.POLYMARKET,
                9L,
                List.of(new OrderBookDeltaReceived(
                        Platform.POLYMARKET,
                        "71321045679252212594626385532706912750332728571942532289631379312455583992563",
                        Side.ASK,
                        10_000,
                        0,
                        true,
                        9L)));
        MarketDataBatch empty = new MarketDataBatch(Platform.POLYMARKET, 10L, List.of());

        Buffer buffer = Buffer.buffer();
        codec.encodeToWire(buffer, batch);
        int second = buffer.length();
        codec.encodeToWire(buffer, empty);

        assertEquals(batch, codec.decodeFromWire(0, buffer));
        assertEquals(empty, codec.decodeFromWire(second, buffer));
    }
}

package com.doubletime.bus;

import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of the feeds' per-frame batches. */
public final class MarketDataBatchCodec extends RecordCodec<MarketDataBatch> {
    /** Enums by name (version 1 is the first layout with a version byte). */
    private static final int WIRE_VERSION = 1;

    private static final int SNAPSHOT = 1;
    private static final int DELTA = 2;
    private static final int STALE = 3;
    private static final int DISCONNECTED = 4;

    @Override
    public String name() {
        return "dt.MarketDataBatch";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, MarketDataBatch batch) {
        out.enumName(batch.platform())
                .longValue(batch.receivedAtNanos())
                .intValue(batch.events().size());
        for (MarketDataEvent event : batch.events()) {
            out.enumName(event.platform());
            if (event instanceof OrderBookSnapshotReceived s) {
                out.byteValue(SNAPSHOT)
                        .string(s.instrument())
                        .longs(s.bids().prices())
                        .longs(s.bids().sizes())
                        .longs(s.asks().prices())
                        .longs(s.asks().sizes())
                        .longValue(s.receivedAtNanos());
            } else if (event instanceof OrderBookDeltaReceived d) {
                out.byteValue(DELTA)
                        .string(d.instrument())
                        .enumName(d.side())
                        .longValue(d.price())
                        .longValue(d.size())
                        .bool(d.absolute())
                        .longValue(d.receivedAtNanos());
            } else if (event instanceof BookMarkedStale stale) {
                out.byteValue(STALE)
                        .string(stale.instrument())
                        .string(stale.reason())
                        .longValue(stale.atNanos());
            } else if (event instanceof VenueDisconnected gone) {
                out.byteValue(DISCONNECTED).string(gone.reason()).longValue(gone.atNanos());
            }
        }
    }

    @Override
    protected MarketDataBatch read(WireReader in) {
        Platform platform = in.enumValue(Platform.class);
        long receivedAt = in.longValue();
        int count = in.intValue();
        List<MarketDataEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Platform eventPlatform = in.enumValue(Platform.class);
            int tag = in.byteValue();
            events.add(
                    switch (tag) {
                        case SNAPSHOT ->
                            new OrderBookSnapshotReceived(
                                    eventPlatform,
                                    in.string(),
                                    new Levels(in.longs(), in.longs()),
                                    new Levels(in.longs(), in.longs()),
                                    in.longValue());
                        case DELTA ->
                            new OrderBookDeltaReceived(
                                    eventPlatform,
                                    in.string(),
                                    in.enumValue(Side.class),
                                    in.longValue(),
                                    in.longValue(),
                                    in.bool(),
                                    in.longValue());
                        case STALE -> new BookMarkedStale(eventPlatform, in.string(), in.string(), in.longValue());
                        case DISCONNECTED -> new VenueDisconnected(eventPlatform, in.string(), in.longValue());
                        default -> throw new IllegalStateException("unknown market-data event tag " + tag);
                    });
        }
        return new MarketDataBatch(platform, receivedAt, events);
    }
}

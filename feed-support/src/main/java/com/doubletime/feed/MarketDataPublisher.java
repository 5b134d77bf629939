package com.doubletime.feed;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.LocalTradingPath;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a parser session's callbacks into one {@link MarketDataBatch} per frame: the monitor then applies a
 * frame as a unit and never evaluates a pair between two halves of it. The parsers reuse their level
 * buffers, so snapshot levels are copied here. A frame that produced no event publishes nothing.
 *
 * <p>Single-threaded: one feed connection's event loop calls it.
 */
public final class MarketDataPublisher implements MarketDataListener {
    private final Consumer<MarketDataBatch> sink;
    private final List<MarketDataEvent> pending = new ArrayList<>();
    private long batches;

    public MarketDataPublisher(Consumer<MarketDataBatch> sink) {
        this.sink = sink;
    }

    /** Publishes every batch to {@link Addresses#MARKET_DATA} (its default codec must be registered). */
    public static Consumer<MarketDataBatch> toEventBus(EventBus bus) {
        return batch -> bus.publish(Addresses.MARKET_DATA, batch);
    }

    /**
     * Hands every batch to the co-located monitor and executor on {@code local} first, then publishes it to
     * {@link Addresses#MARKET_DATA} for everything else; with {@code local} null, the bus alone.
     */
    public static Consumer<MarketDataBatch> toEventBus(EventBus bus, LocalTradingPath local) {
        if (local == null) {
            return toEventBus(bus);
        }
        return batch -> {
            local.marketData(batch);
            bus.publish(Addresses.MARKET_DATA, batch);
        };
    }

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        pending.add(new OrderBookSnapshotReceived(platform, instrument, bids.toLevels(), asks.toLevels(), atNanos));
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        pending.add(new OrderBookDeltaReceived(platform, instrument, side, price, size, true, atNanos));
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        pending.add(new OrderBookDeltaReceived(platform, instrument, side, price, delta, false, atNanos));
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        pending.add(new BookMarkedStale(platform, instrument, reason, atNanos));
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        pending.add(new VenueDisconnected(platform, reason, atNanos));
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        if (pending.isEmpty()) {
            return;
        }
        MarketDataBatch batch = new MarketDataBatch(platform, atNanos, pending);
        pending.clear();
        batches++;
        sink.accept(batch);
    }

    /** Batches handed to the sink so far. */
    public long batches() {
        return batches;
    }
}

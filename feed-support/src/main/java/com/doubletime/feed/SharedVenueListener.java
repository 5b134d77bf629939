package com.doubletime.feed;

import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * For a feed instance that streams only part of a venue (scale-out): its connection dropping says nothing
 * about the books other instances stream, so a venue-wide disconnect becomes "stale" for this instance's own
 * instruments only. Everything else passes through unchanged.
 */
public final class SharedVenueListener implements MarketDataListener {
    private final MarketDataListener target;
    private final Supplier<? extends Collection<String>> ownInstruments;

    public SharedVenueListener(MarketDataListener target, Supplier<? extends Collection<String>> ownInstruments) {
        this.target = target;
        this.ownInstruments = ownInstruments;
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        for (String instrument : ownInstruments.get()) {
            target.onStale(platform, instrument, reason, atNanos);
        }
    }

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        target.onSnapshot(platform, instrument, bids, asks, atNanos);
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        target.onLevelSet(platform, instrument, side, price, size, atNanos);
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        target.onLevelChange(platform, instrument, side, price, delta, atNanos);
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        target.onStale(platform, instrument, reason, atNanos);
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        target.onFrameEnd(platform, atNanos);
    }
}

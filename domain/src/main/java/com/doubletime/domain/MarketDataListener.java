package com.doubletime.domain;

/**
 * Receives decoded market data one frame at a time, without allocation on the parser's side: level
 * buffers are reused, so a listener that keeps them must copy. Every frame ends with
 * {@link #onFrameEnd}, after which the listener may evaluate what changed.
 *
 * <p>A level arrives in one of two forms, as the venues send it: {@link #onLevelSet} replaces the resting
 * size (Polymarket {@code price_change}), {@link #onLevelChange} adds a signed change to it (Kalshi
 * {@code orderbook_delta}). Either way a level whose size ends at zero or below is gone.
 */
public interface MarketDataListener {
    void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos);

    /** The level at {@code price} now rests {@code size}; zero removes it. */
    void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos);

    /** The level at {@code price} changed by the signed {@code delta}. */
    void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos);

    void onStale(Platform platform, String instrument, String reason, long atNanos);

    void onVenueDisconnected(Platform platform, String reason, long atNanos);

    void onFrameEnd(Platform platform, long atNanos);
}

package com.doubletime.domain;

/**
 * Receives decoded market data one frame at a time, without allocation on the parser's side: level
 * buffers are reused, so a listener that keeps them must copy. Every frame ends with
 * {@link #onFrameEnd}, after which the listener may evaluate what changed.
 */
public interface MarketDataListener {
    void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos);

    /** {@code absolute}: {@code size} replaces the level; otherwise it is a signed change. */
    void onLevel(
            Platform platform, String instrument, Side side, long price, long size, boolean absolute, long atNanos);

    void onStale(Platform platform, String instrument, String reason, long atNanos);

    void onVenueDisconnected(Platform platform, String reason, long atNanos);

    void onFrameEnd(Platform platform, long atNanos);
}

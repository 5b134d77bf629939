package com.doubletime.domain;

/**
 * One instrument's book: bids and asks, plus whether it can be trusted.
 *
 * <p>A book is fresh only after a full snapshot and until something (a sequence gap, a disconnect)
 * marks it stale; it becomes fresh again only through the next snapshot. Kalshi markets are held in
 * YES terms: YES bids as bids and NO bids as YES asks at 1 − p (the adapter converts at the edge).
 */
public final class Orderbook {
    private final Platform platform;
    private final String instrument;
    private final PriceLadder bids = PriceLadder.bids();
    private final PriceLadder asks = PriceLadder.asks();
    private boolean snapshotReceived;
    private boolean stale = true;
    private long updatedAtNanos;

    public Orderbook(Platform platform, String instrument) {
        this.platform = platform;
        this.instrument = instrument;
    }

    public void applySnapshot(LevelBuffer newBids, LevelBuffer newAsks, long atNanos) {
        bids.replace(newBids);
        asks.replace(newAsks);
        snapshotReceived = true;
        stale = false;
        updatedAtNanos = atNanos;
    }

    /** Absolute size at a level (Polymarket {@code price_change}); zero removes it. */
    public void setLevel(Side side, long price, long size, long atNanos) {
        ladder(side).set(price, size);
        updatedAtNanos = atNanos;
    }

    /**
     * Signed change of a level's size (Kalshi {@code orderbook_delta}); at zero or below it is removed.
     *
     * @return the size the change arrived at: below zero, the change was meant for another book (this one
     *     has diverged from the venue's)
     */
    public long changeLevel(Side side, long price, long delta, long atNanos) {
        updatedAtNanos = atNanos;
        return ladder(side).change(price, delta);
    }

    /**
     * A bid at or above an ask: no venue's matching engine leaves its book so, so a local book that shows it
     * has missed an update.
     */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.price(0) >= asks.price(0);
    }

    public void markStale() {
        stale = true;
    }

    public boolean isFresh() {
        return snapshotReceived && !stale;
    }

    public boolean isStale() {
        return !isFresh();
    }

    public PriceLadder ladder(Side side) {
        return side == Side.BID ? bids : asks;
    }

    public PriceLadder bids() {
        return bids;
    }

    public PriceLadder asks() {
        return asks;
    }

    public Platform platform() {
        return platform;
    }

    public String instrument() {
        return instrument;
    }

    public long updatedAtNanos() {
        return updatedAtNanos;
    }

    public boolean snapshotReceived() {
        return snapshotReceived;
    }
}

package com.doubletime.domain;

/**
 * Bids of one outcome seen as asks of the other: a YES bid at p is a NO ask at 1 − p with the same size.
 * Kalshi publishes bids only; this is how its asks are derived, without copying.
 */
public final class MirroredLadder implements AskLadder {
    private final PriceLadder bids;

    public MirroredLadder(PriceLadder bids) {
        this.bids = bids;
    }

    @Override
    public int levelCount() {
        return bids.levelCount();
    }

    @Override
    public long price(int level) {
        return FixedPoint.ONE - bids.price(level);
    }

    @Override
    public long size(int level) {
        return bids.size(level);
    }
}

package com.doubletime.simulator;

/**
 * A Kalshi book: bids only. YES bids and NO bids, each in its own outcome's price terms; an ask on one
 * outcome is a bid on the other at 1 − p.
 */
final class KalshiBook {

    private final PriceLevels yes = new PriceLevels();
    private final PriceLevels no = new PriceLevels();

    PriceLevels bids(KalshiSide side) {
        return side == KalshiSide.YES ? yes : no;
    }

    /** Best YES bid + best NO bid below one dollar; an empty side counts as zero. */
    boolean isCrossed() {
        return yes.highest(0) + no.highest(0) >= FixedPoint.ONE_DOLLAR;
    }
}

package com.doubletime.simulator;

/** The book of one Polymarket outcome token. */
final class PolymarketBook {

    /** Top-of-book sentinels the venue sends for an empty side. */
    static final long NO_BID = 0;

    static final long NO_ASK = FixedPoint.ONE_DOLLAR;

    private final PriceLevels bids = new PriceLevels();
    private final PriceLevels asks = new PriceLevels();

    PriceLevels levels(PolymarketSide side) {
        return side == PolymarketSide.BUY ? bids : asks;
    }

    PriceLevels bids() {
        return bids;
    }

    PriceLevels asks() {
        return asks;
    }

    long bestBid() {
        return bids.highest(NO_BID);
    }

    long bestAsk() {
        return asks.lowest(NO_ASK);
    }
}

package com.doubletime.simulator;

/**
 * One applied level change as Polymarket reports it: the level's new absolute size and the asset's
 * top of book right after this change.
 *
 * @param orderHash 40-hex hash of the (simulated) order that caused the change
 */
record PolymarketLevelChange(
        String assetId, PolymarketSide side, long price, long size, String orderHash, long bestBid, long bestAsk) {}

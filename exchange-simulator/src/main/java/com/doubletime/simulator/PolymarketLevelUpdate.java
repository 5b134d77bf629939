package com.doubletime.simulator;

/** A request to set one Polymarket level to an absolute size; 0 removes the level. */
record PolymarketLevelUpdate(String assetId, PolymarketSide side, long price, long size) {}

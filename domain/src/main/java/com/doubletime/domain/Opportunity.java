package com.doubletime.domain;

import java.math.BigDecimal;

/**
 * A buy-both opportunity as the detector found it (contracts §4 and §6). Money is exact decimal.
 *
 * @param quantity whole contracts on each venue
 * @param kalshiBookNanos when the Kalshi book used was last updated (receive time)
 * @param polymarketBookNanos when the Polymarket books used were last updated (receive time)
 */
public record Opportunity(
        String pairId,
        Direction direction,
        long quantity,
        Leg kalshi,
        Leg polymarket,
        BigDecimal totalCost,
        BigDecimal edge,
        BigDecimal edgePerContract,
        long kalshiBookNanos,
        long polymarketBookNanos) {

    /** Same trade as far as a trader is concerned: size, both limit prices and edge (contracts §4). */
    public boolean sameTerms(Opportunity other) {
        return other != null
                && quantity == other.quantity
                && kalshi.limitPrice() == other.kalshi.limitPrice()
                && polymarket.limitPrice() == other.polymarket.limitPrice()
                && edge.compareTo(other.edge) == 0;
    }
}

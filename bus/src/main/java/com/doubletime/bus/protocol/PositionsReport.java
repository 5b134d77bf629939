package com.doubletime.bus.protocol;

import java.math.BigDecimal;
import java.util.List;

/**
 * The executor's positions per pair and in total, folded from every trade in its journal. Contracts are whole
 * numbers; money is exact dollars.
 *
 * @param realisedToday the edge realised on the executor's current UTC day
 */
public record PositionsReport(
        List<PairPosition> pairs,
        BigDecimal totalCost,
        BigDecimal totalLockedInEdge,
        BigDecimal totalUnhedgedExposure,
        BigDecimal realisedToday) {
    public PositionsReport {
        pairs = List.copyOf(pairs);
    }

    /**
     * One pair's holdings: contracts per venue and outcome, the money outlaid (both legs and fees), the edge the
     * hedged contracts lock in, and the money in contracts held on one venue only.
     */
    public record PairPosition(
            String pairId,
            int trades,
            long kalshiYes,
            long kalshiNo,
            long polymarketYes,
            long polymarketNo,
            long hedgedContracts,
            long unhedgedContracts,
            BigDecimal cost,
            BigDecimal fees,
            BigDecimal lockedInEdge,
            BigDecimal unhedgedExposure) {}
}

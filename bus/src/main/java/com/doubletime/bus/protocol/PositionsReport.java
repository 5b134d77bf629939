package com.doubletime.bus.protocol;

import com.doubletime.domain.trade.PositionState;
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
     * hedged contracts lock in, and the money in contracts held on one venue only; once both markets resolved, the
     * state ({@code settled} or {@code diverged}), what the contracts paid and the realised P&amp;L (contracts §7).
     *
     * @param payouts what the contracts paid at settlement, null while open
     * @param realizedPnl payouts − cost (cost includes the fees), null while open
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
            BigDecimal unhedgedExposure,
            PositionState state,
            BigDecimal payouts,
            BigDecimal realizedPnl) {
        /** An open position. */
        public PairPosition(
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
                BigDecimal unhedgedExposure) {
            this(
                    pairId,
                    trades,
                    kalshiYes,
                    kalshiNo,
                    polymarketYes,
                    polymarketNo,
                    hedgedContracts,
                    unhedgedContracts,
                    cost,
                    fees,
                    lockedInEdge,
                    unhedgedExposure,
                    PositionState.OPEN,
                    null,
                    null);
        }
    }
}

package com.doubletime.executor.position;

import com.doubletime.bus.protocol.PositionsReport;
import java.util.ArrayList;
import java.util.List;

/** The answer to a positions query: every pair's holdings and the totals, with the day's realised edge. */
public final class PositionsView {
    private PositionsView() {}

    /** @param nowNanos epoch nanos whose UTC day {@code realisedToday} is */
    public static PositionsReport report(PositionBook book, long nowNanos) {
        List<PositionsReport.PairPosition> pairs = new ArrayList<>();
        for (PositionBook.Position p : book.positions()) {
            pairs.add(new PositionsReport.PairPosition(
                    p.pairId(),
                    p.trades(),
                    p.kalshiYes(),
                    p.kalshiNo(),
                    p.polymarketYes(),
                    p.polymarketNo(),
                    p.hedged(),
                    p.unhedged(),
                    p.cost(),
                    p.fees(),
                    p.lockedInEdge(),
                    p.unhedgedExposure(),
                    p.state(),
                    p.payouts(),
                    p.realizedPnl()));
        }
        return new PositionsReport(
                pairs,
                book.totalCost(),
                book.totalLockedInEdge(),
                book.totalUnhedgedExposure(),
                book.realisedOn(nowNanos));
    }
}

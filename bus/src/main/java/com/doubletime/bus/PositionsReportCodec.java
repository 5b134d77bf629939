package com.doubletime.bus;

import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.bus.protocol.PositionsReport.PairPosition;
import com.doubletime.domain.trade.PositionState;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of {@link PositionsReport}. */
public final class PositionsReportCodec extends RecordCodec<PositionsReport> {
    /** Version 2 adds each pair's state, payouts and realised P&amp;L. */
    private static final int WIRE_VERSION = 2;

    @Override
    public String name() {
        return "dt.PositionsReport";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, PositionsReport report) {
        out.intValue(report.pairs().size());
        for (PairPosition p : report.pairs()) {
            out.string(p.pairId())
                    .intValue(p.trades())
                    .longValue(p.kalshiYes())
                    .longValue(p.kalshiNo())
                    .longValue(p.polymarketYes())
                    .longValue(p.polymarketNo())
                    .longValue(p.hedgedContracts())
                    .longValue(p.unhedgedContracts())
                    .decimal(p.cost())
                    .decimal(p.fees())
                    .decimal(p.lockedInEdge())
                    .decimal(p.unhedgedExposure())
                    .enumName(p.state())
                    .optionalDecimal(p.payouts())
                    .optionalDecimal(p.realizedPnl());
        }
        out.decimal(report.totalCost())
                .decimal(report.totalLockedInEdge())
                .decimal(report.totalUnhedgedExposure())
                .decimal(report.realisedToday());
    }

    @Override
    protected PositionsReport read(WireReader in) {
        int count = in.intValue();
        List<PairPosition> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(new PairPosition(
                    in.string(),
                    in.intValue(),
                    in.longValue(),
                    in.longValue(),
                    in.longValue(),
                    in.longValue(),
                    in.longValue(),
                    in.longValue(),
                    in.decimal(),
                    in.decimal(),
                    in.decimal(),
                    in.decimal(),
                    in.enumValue(PositionState.class),
                    in.optionalDecimal(),
                    in.optionalDecimal()));
        }
        return new PositionsReport(pairs, in.decimal(), in.decimal(), in.decimal(), in.decimal());
    }
}

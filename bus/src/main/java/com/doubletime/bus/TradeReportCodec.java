package com.doubletime.bus;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of the executor's trade reports ({@link Addresses#TRADES}). */
public final class TradeReportCodec extends RecordCodec<TradeReport> {
    /** Enums by name; version 2 adds {@code realizedPnl} (settled trades). */
    private static final int WIRE_VERSION = 2;

    @Override
    public String name() {
        return "dt.TradeReport";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, TradeReport t) {
        out.string(t.tradeId())
                .string(t.opportunityId())
                .string(t.pairId())
                .enumName(t.direction())
                .enumName(t.mode())
                .enumName(t.status());
        leg(out, t.kalshi());
        leg(out, t.polymarket());
        out.decimal(t.totalCost())
                .decimal(t.realisedEdge())
                .string(t.reason())
                .longValue(t.detectedAtNanos())
                .longValue(t.decidedAtNanos())
                .longValue(t.executedAtNanos())
                .optionalDecimal(t.realizedPnl());
    }

    @Override
    protected TradeReport read(WireReader in) {
        return new TradeReport(
                in.string(),
                in.string(),
                in.string(),
                in.enumValue(Direction.class),
                in.enumValue(ExecutionMode.class),
                in.enumValue(TradeStatus.class),
                leg(in),
                leg(in),
                in.decimal(),
                in.decimal(),
                in.string(),
                in.longValue(),
                in.longValue(),
                in.longValue(),
                in.optionalDecimal());
    }

    private static void leg(WireWriter out, LegFill leg) {
        LegOrder order = leg.order();
        out.enumName(order.platform())
                .enumName(order.outcome())
                .string(order.instrument())
                .longValue(order.limitPrice())
                .longValue(leg.requestedQuantity())
                .longValue(leg.filledQuantity())
                .intValue(leg.levels().size());
        for (LevelFill level : leg.levels()) {
            out.longValue(level.price()).longValue(level.size());
        }
        out.decimal(leg.cost()).decimal(leg.fee());
    }

    private static LegFill leg(WireReader in) {
        LegOrder order =
                new LegOrder(in.enumValue(Platform.class), in.enumValue(Outcome.class), in.string(), in.longValue());
        long requested = in.longValue();
        long filled = in.longValue();
        int count = in.intValue();
        List<LevelFill> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(new LevelFill(in.longValue(), in.longValue()));
        }
        return new LegFill(order, requested, filled, levels, in.decimal(), in.decimal());
    }
}

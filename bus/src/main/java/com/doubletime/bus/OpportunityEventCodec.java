package com.doubletime.bus;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Leg;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;

/** Wire codec of the monitor's opportunity stream. */
public final class OpportunityEventCodec extends RecordCodec<OpportunityEvent> {
    /** Enums by name (version 1 is the first layout with a version byte). */
    private static final int WIRE_VERSION = 1;

    private static final int FOUND = 1;
    private static final int CLOSED = 2;

    private final String name;

    /** One instance per concrete event class: Vert.x wants a distinct codec name per default codec. */
    public OpportunityEventCodec(Class<? extends OpportunityEvent> type) {
        this.name = "dt." + type.getSimpleName();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, OpportunityEvent event) {
        if (event instanceof ArbitrageOpportunityFound found) {
            Opportunity o = found.opportunity();
            out.byteValue(FOUND)
                    .string(found.id())
                    .longValue(found.detectedAtNanos())
                    .string(o.pairId())
                    .enumName(o.direction())
                    .longValue(o.quantity());
            leg(out, o.kalshi());
            leg(out, o.polymarket());
            out.decimal(o.totalCost())
                    .decimal(o.edge())
                    .decimal(o.edgePerContract())
                    .longValue(o.kalshiBookNanos())
                    .longValue(o.polymarketBookNanos());
            ReturnOnCapital roc = found.returnOnCapital();
            out.bool(roc != null);
            if (roc != null) {
                out.longValue(roc.resolvesAtMillis())
                        .decimal(roc.daysToResolution())
                        .decimal(roc.annualizedReturn());
            }
        } else {
            ArbitrageOpportunityClosed closed = (ArbitrageOpportunityClosed) event;
            out.byteValue(CLOSED)
                    .string(closed.id())
                    .string(closed.pairId())
                    .enumName(closed.direction())
                    .longValue(closed.lifetimeNanos())
                    .longValue(closed.closedAtNanos());
        }
    }

    private static void leg(WireWriter out, Leg leg) {
        out.enumName(leg.platform())
                .enumName(leg.outcome())
                .string(leg.instrument())
                .longValue(leg.limitPrice())
                .decimal(leg.cost())
                .decimal(leg.fee());
    }

    private static Leg leg(WireReader in) {
        return new Leg(
                in.enumValue(Platform.class),
                in.enumValue(Outcome.class),
                in.string(),
                in.longValue(),
                in.decimal(),
                in.decimal());
    }

    @Override
    protected OpportunityEvent read(WireReader in) {
        int tag = in.byteValue();
        if (tag == FOUND) {
            String id = in.string();
            long detectedAt = in.longValue();
            Opportunity o = new Opportunity(
                    in.string(),
                    in.enumValue(Direction.class),
                    in.longValue(),
                    leg(in),
                    leg(in),
                    in.decimal(),
                    in.decimal(),
                    in.decimal(),
                    in.longValue(),
                    in.longValue());
            ReturnOnCapital roc = in.bool() ? new ReturnOnCapital(in.longValue(), in.decimal(), in.decimal()) : null;
            return new ArbitrageOpportunityFound(id, o, detectedAt, roc);
        }
        return new ArbitrageOpportunityClosed(
                in.string(), in.string(), in.enumValue(Direction.class), in.longValue(), in.longValue());
    }
}

package com.doubletime.bus;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;

/** Wire codec of one journaled order step ({@link Addresses#EXECUTION}). */
public final class OrderEventCodec extends RecordCodec<OrderEvent> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.OrderEvent";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, OrderEvent e) {
        out.string(e.eventId())
                .string(e.tradeId())
                .enumName(e.kind())
                .enumName(e.purpose())
                .enumName(e.platform())
                .string(e.clientOrderId())
                .string(e.venueOrderId())
                .enumName(e.action())
                .enumName(e.outcome())
                .string(e.instrument())
                .longValue(e.limitPrice())
                .longValue(e.quantity())
                .enumName(e.status())
                .longValue(e.filledQuantity())
                .longValue(e.averagePrice())
                .decimal(e.fees())
                .string(e.detail())
                .longValue(e.atNanos());
    }

    @Override
    protected OrderEvent read(WireReader in) {
        return new OrderEvent(
                in.string(),
                in.string(),
                in.enumValue(OrderEventKind.class),
                in.enumValue(LegPurpose.class),
                in.enumValue(Platform.class),
                in.string(),
                in.string(),
                in.enumValue(OrderAction.class),
                in.enumValue(Outcome.class),
                in.string(),
                in.longValue(),
                in.longValue(),
                in.enumValue(OrderStatus.class),
                in.longValue(),
                in.longValue(),
                in.decimal(),
                in.string(),
                in.longValue());
    }
}

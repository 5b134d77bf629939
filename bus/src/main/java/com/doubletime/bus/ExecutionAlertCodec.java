package com.doubletime.bus;

import com.doubletime.domain.trade.ExecutionAlert;

/** Wire codec of a journaled execution alert ({@link Addresses#EXECUTION}). */
public final class ExecutionAlertCodec extends RecordCodec<ExecutionAlert> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.ExecutionAlert";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ExecutionAlert alert) {
        out.string(alert.eventId())
                .string(alert.tradeId())
                .enumName(alert.kind())
                .string(alert.message())
                .longValue(alert.atNanos());
    }

    @Override
    protected ExecutionAlert read(WireReader in) {
        return new ExecutionAlert(
                in.string(), in.string(), in.enumValue(ExecutionAlert.AlertKind.class), in.string(), in.longValue());
    }
}

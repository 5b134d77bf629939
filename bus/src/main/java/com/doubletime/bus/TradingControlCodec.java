package com.doubletime.bus;

import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;

/** Wire codec of the executor's control state: the answer on {@link Addresses#CONTROL} and {@link Addresses#CONTROL_EVENTS}. */
public final class TradingControlCodec extends RecordCodec<TradingControl> {
    /** Version 2 adds {@code minAnnualizedReturn} and the executor's own halt. */
    private static final int WIRE_VERSION = 2;

    @Override
    public String name() {
        return "dt.TradingControl";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, TradingControl control) {
        RiskLimits limits = control.limits();
        out.enumName(control.mode())
                .bool(control.paused())
                .bool(control.killSwitch())
                .decimal(limits.maxNotionalPerTrade())
                .longValue(limits.maxPositionPerPair())
                .decimal(limits.maxTotalExposure())
                .decimal(limits.maxUnhedgedExposure())
                .decimal(limits.dailyLossLimit())
                .intValue(limits.maxTradesPerMinute())
                .decimal(limits.minAnnualizedReturn())
                .string(control.haltedBecause());
    }

    @Override
    protected TradingControl read(WireReader in) {
        return new TradingControl(
                in.enumValue(ExecutionMode.class),
                in.bool(),
                in.bool(),
                new RiskLimits(
                        in.decimal(),
                        in.longValue(),
                        in.decimal(),
                        in.decimal(),
                        in.decimal(),
                        in.intValue(),
                        in.decimal()),
                in.string());
    }
}

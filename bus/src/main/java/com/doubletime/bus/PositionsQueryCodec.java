package com.doubletime.bus;

import com.doubletime.bus.protocol.PositionsQuery;

/** Wire codec of {@link PositionsQuery}: the version byte alone. */
public final class PositionsQueryCodec extends RecordCodec<PositionsQuery> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.PositionsQuery";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, PositionsQuery query) {}

    @Override
    protected PositionsQuery read(WireReader in) {
        return PositionsQuery.INSTANCE;
    }
}

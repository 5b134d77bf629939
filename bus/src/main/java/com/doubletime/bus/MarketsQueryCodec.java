package com.doubletime.bus;

import com.doubletime.bus.protocol.MarketsQuery;

/** Wire codec of {@link MarketsQuery}: the version byte alone. */
public final class MarketsQueryCodec extends RecordCodec<MarketsQuery> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.MarketsQuery";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, MarketsQuery query) {}

    @Override
    protected MarketsQuery read(WireReader in) {
        return MarketsQuery.INSTANCE;
    }
}

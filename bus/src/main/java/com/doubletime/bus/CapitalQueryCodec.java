package com.doubletime.bus;

import com.doubletime.bus.protocol.CapitalQuery;

/** Wire codec of {@link CapitalQuery}: the version byte alone. */
public final class CapitalQueryCodec extends RecordCodec<CapitalQuery> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.CapitalQuery";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, CapitalQuery query) {}

    @Override
    protected CapitalQuery read(WireReader in) {
        return CapitalQuery.INSTANCE;
    }
}

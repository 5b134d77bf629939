package com.doubletime.bus;

import com.doubletime.bus.protocol.TradesQuery;

/** Wire codec of {@link TradesQuery}. */
public final class TradesQueryCodec extends RecordCodec<TradesQuery> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.TradesQuery";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, TradesQuery query) {
        out.intValue(query.limit());
    }

    @Override
    protected TradesQuery read(WireReader in) {
        return new TradesQuery(in.intValue());
    }
}

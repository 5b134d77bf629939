package com.doubletime.bus;

import com.doubletime.bus.protocol.ControlRefused;

/** Wire codec of {@link ControlRefused}. */
public final class ControlRefusedCodec extends RecordCodec<ControlRefused> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.ControlRefused";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ControlRefused refused) {
        out.intValue(refused.status()).string(refused.error()).string(refused.field());
    }

    @Override
    protected ControlRefused read(WireReader in) {
        return new ControlRefused(in.intValue(), in.string(), in.string());
    }
}

package com.doubletime.bus;

import com.doubletime.bus.protocol.ControlNotRecorded;

/** Wire codec of {@link ControlNotRecorded}: the state as {@link TradingControlCodec} writes it, with its version. */
public final class ControlNotRecordedCodec extends RecordCodec<ControlNotRecorded> {
    private static final int WIRE_VERSION = 1;
    private final TradingControlCodec states = new TradingControlCodec();

    @Override
    public String name() {
        return "dt.ControlNotRecorded";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, ControlNotRecorded answer) {
        states.writeNested(out, answer.state());
        out.string(answer.warning());
    }

    @Override
    protected ControlNotRecorded read(WireReader in) {
        return new ControlNotRecorded(states.readNested(in), in.string());
    }
}

package com.doubletime.bus;

import com.doubletime.domain.event.MarketStatusRequest;

/** Wire codec of {@link MarketStatusRequest}: a version byte, then who asks. */
public final class MarketStatusRequestCodec extends RecordCodec<MarketStatusRequest> {
    static final int VERSION = 1;

    @Override
    public String name() {
        return "dt.MarketStatusRequest";
    }

    @Override
    protected void write(WireWriter out, MarketStatusRequest request) {
        out.byteValue(VERSION).string(request.requester());
    }

    @Override
    protected MarketStatusRequest read(WireReader in) {
        int version = in.byteValue();
        if (version != VERSION) {
            throw new IllegalStateException("MarketStatusRequest wire version " + version + " is not " + VERSION);
        }
        return new MarketStatusRequest(in.string());
    }
}

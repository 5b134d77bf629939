package com.doubletime.bus;

import com.doubletime.domain.event.MarketStatusRequest;

/** Wire codec of {@link MarketStatusRequest}: a version byte, then who asks. */
public final class MarketStatusRequestCodec extends RecordCodec<MarketStatusRequest> {
    static final int VERSION = 1;

    @Override
    protected int wireVersion() {
        return VERSION;
    }

    @Override
    public String name() {
        return "dt.MarketStatusRequest";
    }

    @Override
    protected void write(WireWriter out, MarketStatusRequest request) {
        out.string(request.requester());
    }

    @Override
    protected MarketStatusRequest read(WireReader in) {
        return new MarketStatusRequest(in.string());
    }
}

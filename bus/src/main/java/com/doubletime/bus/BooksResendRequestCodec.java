package com.doubletime.bus;

import com.doubletime.domain.event.BooksResendRequest;

/** Wire codec of {@link BooksResendRequest}: a version byte, then who asks. */
public final class BooksResendRequestCodec extends RecordCodec<BooksResendRequest> {
    static final int VERSION = 1;

    @Override
    protected int wireVersion() {
        return VERSION;
    }

    @Override
    public String name() {
        return "dt.BooksResendRequest";
    }

    @Override
    protected void write(WireWriter out, BooksResendRequest request) {
        out.string(request.requester());
    }

    @Override
    protected BooksResendRequest read(WireReader in) {
        return new BooksResendRequest(in.string());
    }
}

package com.doubletime.bus;

import com.doubletime.domain.event.BooksResendRequest;
import java.util.List;

class BooksResendRequestCodecTest extends RecordCodecContract<BooksResendRequest> {
    @Override
    protected RecordCodec<BooksResendRequest> codec() {
        return new BooksResendRequestCodec();
    }

    @Override
    protected List<BooksResendRequest> samples() {
        return List.of(new BooksResendRequest("trade-executor"), new BooksResendRequest(""));
    }
}

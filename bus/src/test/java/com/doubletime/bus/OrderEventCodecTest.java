package com.doubletime.bus;

import com.doubletime.domain.trade.OrderEvent;
import java.util.List;

class OrderEventCodecTest extends RecordCodecContract<OrderEvent> {
    @Override
    protected RecordCodec<OrderEvent> codec() {
        return new OrderEventCodec();
    }

    @Override
    protected List<OrderEvent> samples() {
        return List.of(BusSamples.requested(), BusSamples.acknowledged());
    }
}

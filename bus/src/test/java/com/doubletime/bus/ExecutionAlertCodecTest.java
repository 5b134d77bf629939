package com.doubletime.bus;

import com.doubletime.domain.trade.ExecutionAlert;
import java.util.List;

class ExecutionAlertCodecTest extends RecordCodecContract<ExecutionAlert> {
    @Override
    protected RecordCodec<ExecutionAlert> codec() {
        return new ExecutionAlertCodec();
    }

    @Override
    protected List<ExecutionAlert> samples() {
        return List.of(BusSamples.alert("t-1"), BusSamples.alert(null));
    }
}

package com.doubletime.bus;

import com.doubletime.bus.protocol.ControlRefused;
import java.util.List;

class ControlRefusedCodecTest extends RecordCodecContract<ControlRefused> {
    @Override
    protected RecordCodec<ControlRefused> codec() {
        return new ControlRefusedCodec();
    }

    @Override
    protected List<ControlRefused> samples() {
        return List.of(
                new ControlRefused(ControlRefused.INVALID, "maxFun is not a risk limit", "maxFun"),
                new ControlRefused(ControlRefused.NOT_RECORDED, "the journal could not record pause", null));
    }
}

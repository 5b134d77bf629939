package com.doubletime.bus;

import com.doubletime.bus.protocol.ControlNotRecorded;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import java.util.List;

class ControlNotRecordedCodecTest extends RecordCodecContract<ControlNotRecorded> {
    @Override
    protected RecordCodec<ControlNotRecorded> codec() {
        return new ControlNotRecordedCodec();
    }

    @Override
    protected List<ControlNotRecorded> samples() {
        return List.of(new ControlNotRecorded(
                TradingControl.initial(ExecutionMode.LIVE, RiskLimits.DEFAULT)
                        .withKillSwitch(true)
                        .withHalt("the trade journal failed: No space left on device"),
                "the journal could not record kill-switch-on: it is in force but not persisted"));
    }
}

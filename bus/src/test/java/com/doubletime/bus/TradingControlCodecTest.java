package com.doubletime.bus;

import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import java.math.BigDecimal;
import java.util.List;

class TradingControlCodecTest extends RecordCodecContract<TradingControl> {
    @Override
    protected RecordCodec<TradingControl> codec() {
        return new TradingControlCodec();
    }

    @Override
    protected List<TradingControl> samples() {
        return List.of(
                TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT),
                new TradingControl(
                        ExecutionMode.LIVE,
                        true,
                        true,
                        new RiskLimits(
                                new BigDecimal("250.50"),
                                40,
                                new BigDecimal("1000"),
                                new BigDecimal("12.000001"),
                                new BigDecimal("5"),
                                3,
                                new BigDecimal("0.25"))),
                TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT)
                        .withKillSwitch(true)
                        .withHalt("the trade journal data/trades.jsonl is damaged: line 3: not JSON"));
    }
}

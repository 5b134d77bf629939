package com.doubletime.bus;

import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.trade.PositionState;
import java.math.BigDecimal;
import java.util.List;

class PositionsReportCodecTest extends RecordCodecContract<PositionsReport> {
    @Override
    protected RecordCodec<PositionsReport> codec() {
        return new PositionsReportCodec();
    }

    @Override
    protected List<PositionsReport> samples() {
        PositionsReport.PairPosition fed = new PositionsReport.PairPosition(
                "fed-cut-dec26",
                2,
                150,
                0,
                0,
                120,
                120,
                30,
                new BigDecimal("144.746200"),
                new BigDecimal("4.04620"),
                new BigDecimal("5.253800"),
                new BigDecimal("12.600000"));
        PositionsReport.PairPosition settled = new PositionsReport.PairPosition(
                "gdp-q4",
                1,
                0,
                0,
                0,
                0,
                0,
                0,
                new BigDecimal("48.86"),
                new BigDecimal("0.86"),
                new BigDecimal("1.14"),
                BigDecimal.ZERO,
                PositionState.SETTLED,
                new BigDecimal("50.000000"),
                new BigDecimal("1.140000"));
        return List.of(
                new PositionsReport(
                        List.of(fed, settled),
                        new BigDecimal("144.746200"),
                        new BigDecimal("5.253800"),
                        new BigDecimal("12.600000"),
                        new BigDecimal("-0.5")),
                new PositionsReport(List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }
}

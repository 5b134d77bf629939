package com.doubletime.bus;

import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.domain.Direction;
import java.util.List;
import java.util.Map;

class MarketsReportCodecTest extends RecordCodecContract<MarketsReport> {
    @Override
    protected RecordCodec<MarketsReport> codec() {
        return new MarketsReportCodec();
    }

    @Override
    protected List<MarketsReport> samples() {
        MarketsReport.MarketQuote open = new MarketsReport.MarketQuote(
                "fed-cut-dec26",
                true,
                BusSamples.TICKER,
                400_000,
                620_000,
                650_000,
                520_000,
                Map.of(Direction.KALSHI_YES_POLYMARKET_NO, 80_000L, Direction.KALSHI_NO_POLYMARKET_YES, -270_000L));
        MarketsReport.MarketQuote empty = new MarketsReport.MarketQuote(
                "rain",
                false,
                "KXRAIN",
                MarketsReport.NONE,
                MarketsReport.NONE,
                MarketsReport.NONE,
                MarketsReport.NONE,
                Map.of(
                        Direction.KALSHI_YES_POLYMARKET_NO,
                        MarketsReport.NONE,
                        Direction.KALSHI_NO_POLYMARKET_YES,
                        MarketsReport.NONE));
        return List.of(new MarketsReport(List.of(open, empty)), new MarketsReport(List.of()));
    }
}

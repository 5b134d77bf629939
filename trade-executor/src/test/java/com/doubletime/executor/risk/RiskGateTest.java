package com.doubletime.executor.risk;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.position.PositionBook;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskGateTest {
    private static final TradingControl OPEN = TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT);
    private final PositionBook positions = new PositionBook();
    private final TradeRate rate = new TradeRate();

    private static Opportunity standard() {
        return Fixtures.detect(Fixtures.standardBooks(), Direction.KALSHI_YES_POLYMARKET_NO, "x:1", T0)
                .opportunity();
    }

    @Test
    void nothingBlocksAnOpenDesk() {
        assertNull(RiskGate.blocked(OPEN, positions, rate, T0));
        RiskGate.Allowance allowance = RiskGate.allowance(OPEN.limits(), Fixtures.PAIR, standard(), positions);
        assertEquals(150, allowance.quantity());
        assertNull(allowance.reason());
    }

    @Test
    void killSwitchBlocksBeforePause() {
        assertEquals(
                "the kill switch is on",
                RiskGate.blocked(OPEN.withPaused(true).withKillSwitch(true), positions, rate, T0));
        assertEquals("trading is paused", RiskGate.blocked(OPEN.withPaused(true), positions, rate, T0));
    }

    @Test
    void tradesPerMinuteCountOnlyTheLastSixtySeconds() {
        TradingControl twoPerMinute = OPEN.withLimits(RiskLimits.DEFAULT.merge(Map.of("maxTradesPerMinute", 2)));
        rate.accepted(T0);
        rate.accepted(T0 + 1_000_000_000L);

        assertEquals(
                "max 2 trades per minute reached",
                RiskGate.blocked(twoPerMinute, positions, rate, T0 + 30_000_000_000L));
        assertNull(RiskGate.blocked(twoPerMinute, positions, rate, T0 + 60_000_000_001L));
    }

    @Test
    void positionPerPairReducesTheQuantityToTheRoomLeft() {
        positions.record(JournalSamples.PAPER_REPORT); // 102 contracts on each venue
        RiskLimits limits = RiskLimits.DEFAULT.merge(Map.of("maxPositionPerPair", 150));

        RiskGate.Allowance allowance = RiskGate.allowance(limits, Fixtures.PAIR, standard(), positions);

        assertEquals(48, allowance.quantity());
        assertEquals("max position per pair 150 contracts", allowance.reason());
    }

    @Test
    void totalExposureCapsByTheMoneyAlreadyOutlaid() {
        positions.record(JournalSamples.PAPER_REPORT); // $97.85 outlaid
        RiskLimits limits = RiskLimits.DEFAULT.merge(Map.of("maxTotalExposure", "100"));

        RiskGate.Allowance allowance = RiskGate.allowance(limits, Fixtures.PAIR, standard(), positions);

        assertEquals(2, allowance.quantity(), "$2.15 left covers two contracts at about $0.97 each, fees included");
        assertEquals("max total exposure $100", allowance.reason());
    }

    @Test
    void unhedgedExposureAndDailyLossBlockNewTrades() {
        TradeReport unhedged = new TradeReport(
                "t",
                "o",
                Fixtures.PAIR_ID,
                Direction.KALSHI_YES_POLYMARKET_NO,
                ExecutionMode.PAPER,
                TradeStatus.PARTIALLY_FILLED,
                JournalSamples.PAPER_REPORT.kalshi(),
                LegFill.notSent(JournalSamples.PAPER_REPORT.polymarket().order()),
                JournalSamples.PAPER_REPORT
                        .kalshi()
                        .cost()
                        .add(JournalSamples.PAPER_REPORT.kalshi().fee()),
                JournalSamples.PAPER_REPORT
                        .kalshi()
                        .cost()
                        .add(JournalSamples.PAPER_REPORT.kalshi().fee())
                        .negate(),
                "polymarket filled nothing",
                T0,
                T0,
                T0);
        positions.record(unhedged); // $43.65 + $1.73 on Kalshi alone, lost until unwound

        TradingControl tight = OPEN.withLimits(RiskLimits.DEFAULT.merge(Map.of("maxUnhedgedExposure", "40")));
        String blocked = RiskGate.blocked(tight, positions, rate, T0);
        assertTrue(blocked.startsWith("unhedged exposure $"), blocked);

        TradingControl lossy = OPEN.withLimits(RiskLimits.DEFAULT.merge(Map.of("dailyLossLimit", "10")));
        String lossBlocked = RiskGate.blocked(lossy, positions, rate, T0);
        assertTrue(lossBlocked.startsWith("realised loss today $"), lossBlocked);
        assertNull(RiskGate.blocked(lossy, positions, rate, T0 + 86_400_000_000_000L), "a new UTC day starts afresh");
    }
}

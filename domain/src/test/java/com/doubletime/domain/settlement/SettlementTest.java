package com.doubletime.domain.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SettlementTest {
    /** 120 Kalshi YES at 0.42 + 120 Polymarket NO at 0.53: cost 114.00, fees 2.05 + 1.19568. */
    private static final HeldPosition HELD = new HeldPosition(
            "fed",
            Outcome.YES,
            contracts(120),
            Outcome.NO,
            contracts(120),
            new BigDecimal("114.000000"),
            new BigDecimal("3.245680"));

    @Test
    void bothSettledTheSameWayPaysOneDollarPerPairAndRealizesTheEdge() {
        for (Resolution result : new Resolution[] {Resolution.YES, Resolution.NO}) {
            SettlementVerdict verdict = Settlement.evaluate(
                    HELD, kalshi(MarketStatus.SETTLED, result), polymarket(MarketStatus.SETTLED, result));
            SettlementVerdict.Settled settled = assertInstanceOf(SettlementVerdict.Settled.class, verdict);
            assertEquals(
                    0, new BigDecimal("120").compareTo(settled.kalshiPayout().add(settled.polymarketPayout())));
            assertEquals(new BigDecimal("2.754320"), settled.realizedPnl().setScale(6));
        }
    }

    @Test
    void theWinningLegPaysAndTheLosingLegPaysNothing() {
        SettlementVerdict.Settled settled = assertInstanceOf(
                SettlementVerdict.Settled.class,
                Settlement.evaluate(
                        HELD,
                        kalshi(MarketStatus.SETTLED, Resolution.YES),
                        polymarket(MarketStatus.SETTLED, Resolution.YES)));
        assertEquals(0, new BigDecimal("120").compareTo(settled.kalshiPayout()));
        assertEquals(0, BigDecimal.ZERO.compareTo(settled.polymarketPayout()));
    }

    @Test
    void agreeingResultsNotYetPaidArePending() {
        assertInstanceOf(
                SettlementVerdict.Pending.class,
                Settlement.evaluate(
                        HELD,
                        kalshi(MarketStatus.DETERMINED, Resolution.NO),
                        polymarket(MarketStatus.SETTLED, Resolution.NO)));
        assertInstanceOf(
                SettlementVerdict.Pending.class,
                Settlement.evaluate(HELD, kalshi(MarketStatus.OPEN, null), polymarket(MarketStatus.CLOSED, null)));
    }

    @Test
    void bothLegsLosingIsADivergenceWithTheWholeHedgeAtStake() {
        // Kalshi resolved NO (our YES loses), Polymarket resolved YES (our NO loses)
        SettlementVerdict.Diverged diverged = assertInstanceOf(
                SettlementVerdict.Diverged.class,
                Settlement.evaluate(
                        HELD,
                        kalshi(MarketStatus.SETTLED, Resolution.NO),
                        polymarket(MarketStatus.SETTLED, Resolution.YES)));
        assertEquals(DivergenceKind.BOTH_LEGS_LOSE, diverged.kind());
        assertEquals(0, new BigDecimal("120").compareTo(diverged.moneyAtStake()));
        assertEquals(new BigDecimal("-117.245680"), diverged.realizedPnl().setScale(6));
        assertTrue(diverged.description().contains("pays 0.0000 instead of 1.0000"), diverged.description());
    }

    @Test
    void bothLegsWinningIsAlsoADivergence() {
        SettlementVerdict.Diverged diverged = assertInstanceOf(
                SettlementVerdict.Diverged.class,
                Settlement.evaluate(
                        HELD,
                        kalshi(MarketStatus.DETERMINED, Resolution.YES),
                        polymarket(MarketStatus.SETTLED, Resolution.NO)));
        assertEquals(DivergenceKind.BOTH_LEGS_WIN, diverged.kind());
        assertEquals(0, new BigDecimal("120").compareTo(diverged.moneyAtStake()));
        assertNull(diverged.realizedPnl(), "Kalshi has not paid yet");
    }

    @Test
    void aVoidOrScalarSettlementOnOneVenueIsAPartialPayout() {
        Resolution half = new Resolution(FixedPoint.parse("0.5"), "scalar");
        SettlementVerdict.Diverged diverged = assertInstanceOf(
                SettlementVerdict.Diverged.class,
                Settlement.evaluate(
                        HELD, kalshi(MarketStatus.SETTLED, half), polymarket(MarketStatus.SETTLED, Resolution.YES)));
        assertEquals(DivergenceKind.PARTIAL_PAYOUT, diverged.kind());
        // YES on Kalshi pays 0.5, NO on Polymarket pays 0: half a dollar per pair short
        assertEquals(0, new BigDecimal("60").compareTo(diverged.moneyAtStake()));
        assertEquals(0, new BigDecimal("60").compareTo(diverged.kalshiPayout()));
        assertEquals(new BigDecimal("-57.245680"), diverged.realizedPnl().setScale(6));
    }

    @Test
    void aSettlementValueThatStillSumsToOneIsNotADivergence() {
        Resolution k = new Resolution(FixedPoint.parse("0.3"), "scalar");
        Resolution p = new Resolution(FixedPoint.parse("0.3"), "Yes 30%");
        SettlementVerdict.Settled settled = assertInstanceOf(
                SettlementVerdict.Settled.class,
                Settlement.evaluate(HELD, kalshi(MarketStatus.SETTLED, k), polymarket(MarketStatus.SETTLED, p)));
        assertEquals(0, new BigDecimal("120").compareTo(settled.kalshiPayout().add(settled.polymarketPayout())));
    }

    @Test
    void aLegSettlingWhileTheOtherMarketStillTradesIsADivergence() {
        SettlementVerdict.Diverged diverged = assertInstanceOf(
                SettlementVerdict.Diverged.class,
                Settlement.evaluate(
                        HELD, kalshi(MarketStatus.SETTLED, Resolution.NO), polymarket(MarketStatus.OPEN, null)));
        assertEquals(DivergenceKind.LEG_SETTLED_OTHER_OPEN, diverged.kind());
        // our Kalshi YES lost: the open Polymarket NO must pay all 120
        assertEquals(0, new BigDecimal("120").compareTo(diverged.moneyAtStake()));
        assertEquals(0, BigDecimal.ZERO.compareTo(diverged.kalshiPayout()));
        assertNull(diverged.polymarketPayout());

        SettlementVerdict.Diverged other = assertInstanceOf(
                SettlementVerdict.Diverged.class,
                Settlement.evaluate(
                        HELD, kalshi(MarketStatus.OPEN, null), polymarket(MarketStatus.SETTLED, Resolution.YES)));
        assertEquals(DivergenceKind.LEG_SETTLED_OTHER_OPEN, other.kind());
        assertTrue(other.description().contains("POLYMARKET"), other.description());
    }

    @Test
    void aLegSettlingWhileTheOtherIsClosedIsPending() {
        assertInstanceOf(
                SettlementVerdict.Pending.class,
                Settlement.evaluate(
                        HELD, kalshi(MarketStatus.SETTLED, Resolution.NO), polymarket(MarketStatus.CLOSED, null)));
    }

    @Test
    void anUnhedgedRemainderPaysWhatItsMarketPays() {
        HeldPosition uneven = new HeldPosition(
                "fed",
                Outcome.YES,
                contracts(100),
                Outcome.NO,
                FixedPoint.parse("120.5"),
                new BigDecimal("100"),
                new BigDecimal("2"));
        SettlementVerdict.Settled settled = assertInstanceOf(
                SettlementVerdict.Settled.class,
                Settlement.evaluate(
                        uneven,
                        kalshi(MarketStatus.SETTLED, Resolution.NO),
                        polymarket(MarketStatus.SETTLED, Resolution.NO)));
        assertEquals(0, new BigDecimal("120.5").compareTo(settled.polymarketPayout()));
        assertEquals(0, new BigDecimal("18.5").compareTo(settled.realizedPnl()));
    }

    private static long contracts(long whole) {
        return whole * FixedPoint.ONE;
    }

    private static MarketView kalshi(MarketStatus status, Resolution resolution) {
        return new MarketView(Platform.KALSHI, "KXFED", status, MarketView.UNKNOWN, MarketView.UNKNOWN, 0, resolution);
    }

    private static MarketView polymarket(MarketStatus status, Resolution resolution) {
        return new MarketView(
                Platform.POLYMARKET,
                "0xcond",
                status,
                MarketView.UNKNOWN,
                MarketView.UNKNOWN,
                MarketView.NO_SHARD,
                resolution);
    }
}

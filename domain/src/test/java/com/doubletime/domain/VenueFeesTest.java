package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.trade.LevelFill;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fee rule, one test per rounding rule (kalshi.md §5, polymarket.md §6, contracts §6). */
class VenueFeesTest {
    private static final VenueFees KALSHI = new VenueFees(Platform.KALSHI, FixedPoint.parse("0.07"));
    private static final VenueFees POLYMARKET = new VenueFees(Platform.POLYMARKET, FixedPoint.parse("0.04"));

    private static LevelFill level(String price, String size) {
        return new LevelFill(FixedPoint.parse(price), FixedPoint.parse(size));
    }

    @Test
    void kalshiRoundsAnOrdersFeeUpToTheCent() {
        // kalshi.md §5's worked examples
        assertEquals(new BigDecimal("0.18"), KALSHI.fee(List.of(level("0.50", "10"))));
        assertEquals(new BigDecimal("1.32"), KALSHI.fee(List.of(level("0.25", "100"))));
        assertEquals(new BigDecimal("0.01"), KALSHI.fee(List.of(level("0.05", "1"))));
    }

    @Test
    void polymarketRoundsAnOrdersFeeUpToOneHundredThousandthOfADollar() {
        assertEquals(new BigDecimal("1.49620"), POLYMARKET.fee(List.of(level("0.52", "80"), level("0.53", "70"))));
        assertEquals(new BigDecimal("0.00040"), POLYMARKET.fee(FixedPoint.parse("1"), FixedPoint.parse("0.01")));
        // polymarket.md §6: crypto (0.07) at p = 0.50 on 100 shares charges $1.75
        assertEquals(
                new BigDecimal("1.75000"),
                new VenueFees(Platform.POLYMARKET, FixedPoint.parse("0.07"))
                        .fee(FixedPoint.parse("100"), FixedPoint.parse("0.50")));
    }

    @Test
    void aFeeExactlyOnTheVenuesUnitIsNotRoundedUp() {
        // 0.04 × 1 × 0.5 × 0.5 = 0.01 exactly: binary arithmetic would land a hair above and round to 0.01001
        assertEquals(new BigDecimal("0.01000"), POLYMARKET.fee(FixedPoint.parse("1"), FixedPoint.parse("0.50")));
        assertEquals(
                new BigDecimal("0.07"),
                new VenueFees(Platform.KALSHI, FixedPoint.parse("0.07"))
                        .fee(FixedPoint.parse("4"), FixedPoint.parse("0.50")));
    }

    @Test
    void anOrderIsRoundedOnceNotOncePerLevel() {
        // two fills of 0.003325 each: 0.00665 rounds to one cent (per fill it would be two)
        assertEquals(new BigDecimal("0.01"), KALSHI.fee(List.of(level("0.05", "1"), level("0.05", "1"))));
    }

    @Test
    void eachLevelIsChargedAtItsOwnPriceNotTheAveragePrice() {
        // 1 @ 0.10 and 1 @ 0.90: Σ p(1−p) = 0.18 → 0.0126 → $0.02; the average 0.50 would charge 0.035 → $0.04
        assertEquals(new BigDecimal("0.02"), KALSHI.fee(List.of(level("0.10", "1"), level("0.90", "1"))));
        assertEquals(new BigDecimal("0.04"), KALSHI.fee(FixedPoint.parse("2"), FixedPoint.parse("0.50")));
    }

    @Test
    void aZeroRateChargesNothing() {
        assertEquals(
                new BigDecimal("0.00000"), new VenueFees(Platform.POLYMARKET, 0).fee(List.of(level("0.42", "1000"))));
    }

    @Test
    void thePerContractFeeOfTheDetectorsWalkIsTheSameRuleExactly() {
        long price = FixedPoint.parse("0.42");
        BigDecimal perContract =
                new BigDecimal("0.07").multiply(new BigDecimal("0.42")).multiply(new BigDecimal("0.58"));

        assertEquals(
                perContract.movePointRight(18).longValueExact(), VenueFees.perContractAtto(KALSHI.takerRate(), price));
        assertEquals(
                0,
                perContract.compareTo(VenueFees.feeBase(FixedPoint.ONE, price).multiply(new BigDecimal("0.07"))));
    }

    @Test
    void theWorstCostOfAContractFillingAtOrBelowTheLimitPeaksAtOneHalf() {
        // below 0.5: L + rate·L(1−L); from 0.5 on: L + rate·0.25 (p(1−p) peaks at 0.5)
        assertEquals(0, new BigDecimal("0.4168").compareTo(KALSHI.worstPerContract(FixedPoint.parse("0.40"))));
        assertEquals(0, new BigDecimal("0.6275").compareTo(KALSHI.worstPerContract(FixedPoint.parse("0.61"))));
        assertEquals(new BigDecimal("0.01"), KALSHI.roundingUnit());
        assertEquals(new BigDecimal("0.00001"), POLYMARKET.roundingUnit());
    }

    @Test
    void anUnknownPairsRateIsTheHighestDocumentedOneSoNoFeeIsUnderstated() {
        assertEquals(
                FixedPoint.parse("0.07"),
                VenueFees.ofOrHighest(null, Platform.POLYMARKET).takerRate());
        assertEquals(
                FixedPoint.parse("0.07"),
                VenueFees.ofOrHighest(null, Platform.KALSHI).takerRate());
        assertThrows(IllegalArgumentException.class, () -> new VenueFees(Platform.KALSHI, FixedPoint.ONE + 1));
    }
}

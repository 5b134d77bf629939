package com.doubletime.domain.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.CapitalSizing.LegQuote;
import com.doubletime.domain.capital.CapitalSizing.Sizing;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CapitalSizingTest {
    // Kalshi YES at 0.42, rate 0.07: 100 contracts cost 42.00 + ceil_cent(0.07×100×0.42×0.58 = 1.7052) = 43.71
    private static final LegQuote KALSHI =
            new LegQuote(Platform.KALSHI, FixedPoint.parse("0.42"), FixedPoint.parse("0.07"));
    // Polymarket NO at 0.53, rate 0.04: 100 cost 53.00 + ceil_5dp(0.04×100×0.53×0.47 = 0.9964) = 53.9964
    private static final LegQuote POLYMARKET =
            new LegQuote(Platform.POLYMARKET, FixedPoint.parse("0.53"), FixedPoint.parse("0.04"));

    @Test
    void legCostIsLimitPriceTimesQuantityPlusTheRoundedUpFee() {
        assertEquals(new BigDecimal("43.710000"), KALSHI.cost(100));
        assertEquals(new BigDecimal("53.996400"), POLYMARKET.cost(100));
        assertEquals(new BigDecimal("0.440000"), KALSHI.cost(1)); // 0.42 + 0.017052 → 0.02
    }

    @Test
    void fullQuantityWhenBothVenuesCanPay() {
        Sizing sizing =
                CapitalSizing.size(KALSHI, POLYMARKET, 100, 1, new BigDecimal("43.71"), 0, new BigDecimal("53.9964"));
        assertEquals(100, sizing.quantity());
        assertFalse(sizing.reduced());
        assertEquals("", sizing.reason());
    }

    @Test
    void sizedDownToWhatTheShorterVenuePaysNamingIt() {
        // Kalshi can pay 43.70: one cent short of 100 contracts
        Sizing sizing =
                CapitalSizing.size(KALSHI, POLYMARKET, 100, 1, new BigDecimal("43.70"), 2, new BigDecimal("1000"));
        assertEquals(99, sizing.quantity());
        assertTrue(sizing.reduced());
        assertEquals(1, sizing.limitedBy().size());
        assertEquals(Platform.KALSHI, sizing.limitedBy().get(0).venue());
        assertEquals(2, sizing.limitedBy().get(0).exchangeIndex());
        assertEquals(new BigDecimal("0.010000"), sizing.limitedBy().get(0).amount());
        assertEquals(
                "sized down by cash: KALSHI shard 2: 100 contracts need 43.710000, free 43.70, short 0.010000",
                sizing.reason());
    }

    @Test
    void theLargestQuantityIsExactlyTheOneThatFits() {
        for (long wanted = 1; wanted <= 300; wanted += 37) {
            for (String free : new String[] {"0.44", "10.00", "21.99", "43.71", "57.30", "200"}) {
                Sizing sizing = CapitalSizing.size(
                        KALSHI, POLYMARKET, wanted, 1, new BigDecimal(free), 0, new BigDecimal("1000000"));
                long q = sizing.quantity();
                if (q > 0) {
                    assertTrue(KALSHI.cost(q).compareTo(new BigDecimal(free)) <= 0);
                }
                if (q < wanted) {
                    assertTrue(KALSHI.cost(q + 1).compareTo(new BigDecimal(free)) > 0, wanted + " at " + free);
                }
            }
        }
    }

    @Test
    void rejectedWhenAnUnfundedShardCannotPayOneContract() {
        Sizing sizing = CapitalSizing.size(KALSHI, POLYMARKET, 100, 1, BigDecimal.ZERO, 3, new BigDecimal("1000"));
        assertTrue(sizing.rejected());
        assertEquals(
                "insufficient free cash: KALSHI shard 3: 1 contracts need 0.440000, free 0, short 0.440000",
                sizing.reason());
    }

    @Test
    void rejectedBelowPolymarketsMinimumNamingBothVenuesWhenBothAreShort() {
        // 5 shares minimum: Polymarket needs 5×0.53 + ceil(0.04×5×0.2491=0.04982) = 2.69982
        Sizing sizing =
                CapitalSizing.size(KALSHI, POLYMARKET, 100, 5, new BigDecimal("1.00"), 0, new BigDecimal("2.69"));
        assertTrue(sizing.rejected());
        assertEquals(2, sizing.limitedBy().size());
        assertEquals(Platform.POLYMARKET, sizing.limitedBy().get(1).venue());
        assertEquals(new BigDecimal("0.009820"), sizing.limitedBy().get(1).amount());
        assertTrue(sizing.reason().contains("POLYMARKET: 5 contracts need 2.699820, free 2.69, short 0.009820"));
    }

    @Test
    void negativeFreeCashIsShortByTheWholeCost() {
        Sizing sizing =
                CapitalSizing.size(KALSHI, POLYMARKET, 10, 1, new BigDecimal("100"), 0, new BigDecimal("-5.00"));
        assertTrue(sizing.rejected());
        assertEquals(POLYMARKET.cost(1), sizing.limitedBy().get(0).amount());
    }
}

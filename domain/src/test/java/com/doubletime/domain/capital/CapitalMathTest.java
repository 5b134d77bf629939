package com.doubletime.domain.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapitalMathTest {
    private static final long RATE_7 = FixedPoint.parse("0.07");

    @Test
    void aHoldLocksTheLimitPriceAndTheWorstCaseFee() {
        Hold hold = Hold.forOrder(Platform.KALSHI, 0, "c1", RATE_7, FixedPoint.parse("10"), FixedPoint.parse("0.5"));
        // 5.00 + ceil_cent(0.07 × 10 × 0.25 = 0.175) = 5.18
        assertEquals(new BigDecimal("5.180000"), hold.amount());
    }

    @Test
    void kalshiFreeCashIsPerShard() {
        VenueCash cash = VenueCash.kalshi(
                new BigDecimal("1000.00"),
                List.of(new ShardCash(0, new BigDecimal("900.00")), new ShardCash(2, new BigDecimal("100.00"))),
                1L);
        List<Hold> holds = List.of(
                new Hold(Platform.KALSHI, 0, "a", new BigDecimal("25.40")),
                new Hold(Platform.KALSHI, 2, "b", new BigDecimal("100.50")),
                new Hold(Platform.POLYMARKET, -1, "c", new BigDecimal("7")));
        VenueCapital capital = CapitalMath.capital(cash, holds);
        assertEquals(new BigDecimal("125.90"), capital.locked());
        assertEquals(new BigDecimal("874.10"), capital.free());
        assertEquals(new BigDecimal("874.60"), capital.freeFor(0));
        assertEquals(new BigDecimal("-0.50"), capital.freeFor(2));
        assertEquals(BigDecimal.ZERO, capital.freeFor(3));
        assertEquals(2, capital.shards().size());
    }

    @Test
    void anAccountWithoutBreakdownHoldsEverythingOnTheDefaultShard() {
        VenueCash cash = VenueCash.kalshi(new BigDecimal("50"), List.of(), 1L);
        VenueCapital capital =
                CapitalMath.capital(cash, List.of(new Hold(Platform.KALSHI, 1, "x", new BigDecimal("1"))));
        assertEquals(new BigDecimal("50"), capital.freeFor(0));
        assertEquals(new BigDecimal("-1"), capital.freeFor(1));
    }

    @Test
    void polymarketFreeCashIsCappedByTheAllowance() {
        VenueCash cash = VenueCash.polymarket(new BigDecimal("800.000000"), new BigDecimal("300.000000"), 1L);
        VenueCapital capital =
                CapitalMath.capital(cash, List.of(new Hold(Platform.POLYMARKET, -1, "h", new BigDecimal("50"))));
        assertEquals(new BigDecimal("250.000000"), capital.free());
        assertEquals(new BigDecimal("250.000000"), capital.freeFor(7));
        assertEquals(new BigDecimal("800.000000"), capital.cash());
    }
}

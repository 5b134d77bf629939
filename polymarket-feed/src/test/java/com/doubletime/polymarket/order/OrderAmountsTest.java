package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderAmountsTest {
    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** polymarket.md §5.4, CCv2 buildOrderCreationArgs.test.ts. */
    @ParameterizedTest(name = "limit {0} {2} @ {1}, tick {3}")
    @CsvSource({
        "BUY, 0.5, 21.04, 0.1, 10520000, 21040000",
        "BUY, 0.56, 21.04, 0.01, 11782400, 21040000",
        "BUY, 0.056, 21.04, 0.001, 1178240, 21040000",
        "BUY, 0.0056, 21.04, 0.0001, 117824, 21040000",
        "SELL, 0.56, 21.04, 0.01, 21040000, 11782400",
        "BUY, 0.7, 170, 0.1, 119000000, 170000000",
        "BUY, 0.7, 12.8205, 0.1, 8974000, 12820000",
        "BUY, 0.3, 2435.89, 0.1, 730767000, 2435890000"
    })
    void limitOrderAmountsMatchTheOfficialVectors(
            ClobSide side, String price, String size, String tick, long maker, long taker) {
        assertEquals(new OrderAmounts(maker, taker), OrderAmounts.limit(side, d(price), d(size), d(tick)));
    }

    /** polymarket.md §5.4, CCv2 buildMarketOrderCreationArgs.test.ts. */
    @ParameterizedTest(name = "market {0} {2} @ {1}, tick {3}")
    @CsvSource({
        "BUY, 0.5, 100, 0.1, 100000000, 200000000",
        "BUY, 0.56, 100, 0.01, 100000000, 178571400",
        "SELL, 0.56, 100, 0.01, 100000000, 56000000"
    })
    void marketOrderAmountsMatchTheOfficialVectors(
            ClobSide side, String price, String amount, String tick, long maker, long taker) {
        assertEquals(new OrderAmounts(maker, taker), OrderAmounts.market(side, d(price), d(amount), d(tick)));
    }

    @Test
    void legBuyOnACentTickIsExactlyQuantityAtPrice() {
        assertEquals(
                new OrderAmounts(52_000_000, 100_000_000),
                OrderAmounts.forLeg(ClobSide.BUY, d("0.52"), d("100"), d("0.01")));
    }

    @Test
    void legBuyOnAFineTickKeepsMakerToTwoAndTakerToFourDecimalsWithoutOverspending() {
        OrderAmounts amounts = OrderAmounts.forLeg(ClobSide.BUY, d("0.123"), d("7"), d("0.001"));

        assertEquals(860_000, amounts.makerAmount()); // 0.861 rounded down to the cent: never above 7 × 0.123
        assertEquals(6_991_800, amounts.takerAmount()); // 0.86 / 0.123 = 6.99186… → 4 decimals, down
        assertEquals(0, amounts.makerAmount() % 10_000);
        assertEquals(0, amounts.takerAmount() % 100);
    }

    @Test
    void legSellGivesTheSharesAndAsksForAtLeastTheirValue() {
        assertEquals(
                new OrderAmounts(7_000_000, 861_000),
                OrderAmounts.forLeg(ClobSide.SELL, d("0.123"), d("7"), d("0.001")));
    }

    @Test
    void refusesPricesOffTheTickOrOutsideTheTradableRange() {
        assertThrows(
                IllegalArgumentException.class, () -> OrderAmounts.forLeg(ClobSide.BUY, d("0.525"), d("1"), d("0.01")));
        assertThrows(
                IllegalArgumentException.class, () -> OrderAmounts.forLeg(ClobSide.BUY, d("0.995"), d("1"), d("0.01")));
        assertThrows(
                IllegalArgumentException.class, () -> OrderAmounts.forLeg(ClobSide.BUY, d("0"), d("1"), d("0.01")));
        assertThrows(
                IllegalArgumentException.class, () -> OrderAmounts.limit(ClobSide.BUY, d("0.5"), d("1"), d("0.02")));
    }
}

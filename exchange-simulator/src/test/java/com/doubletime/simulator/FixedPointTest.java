package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FixedPointTest {

    @Test
    void kalshiPricesHaveFourDecimalsAndSizesTwo() {
        assertEquals("0.0800", FixedPoint.kalshiPrice(FixedPoint.parsePrice("0.08")));
        assertEquals("1.0000", FixedPoint.kalshiPrice(FixedPoint.ONE_DOLLAR));
        assertEquals("300.00", FixedPoint.kalshiSize(FixedPoint.parseSize("300")));
        assertEquals("-54.00", FixedPoint.kalshiSize(FixedPoint.parseSize("-54")));
        assertEquals("24.64", FixedPoint.kalshiSize(FixedPoint.parseSize("24.64")));
    }

    @Test
    void polymarketDecimalsCarryNoTrailingZeros() {
        assertEquals("0.5", FixedPoint.polymarketPrice(FixedPoint.parsePrice("0.5000")));
        assertEquals("0.52", FixedPoint.polymarketPrice(FixedPoint.parsePrice(".52")));
        assertEquals("0", FixedPoint.polymarketPrice(0));
        assertEquals("1", FixedPoint.polymarketPrice(FixedPoint.ONE_DOLLAR));
        assertEquals("100", FixedPoint.polymarketSize(FixedPoint.parseSize("100.00")));
        assertEquals("12.5", FixedPoint.polymarketSize(FixedPoint.parseSize("12.5")));
        assertEquals("0", FixedPoint.polymarketSize(0));
    }

    @Test
    void parsingRejectsExcessPrecisionAndPricesOutsideADollar() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parsePrice("0.00001"));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parsePrice("1.01"));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parseSize("1.001"));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parseSize("ten"));
    }
}

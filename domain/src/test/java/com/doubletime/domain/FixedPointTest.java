package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FixedPointTest {
    @Test
    void parsesEveryEquivalentDecimalSpelling() {
        assertEquals(440_000, FixedPoint.parse("0.44"));
        assertEquals(440_000, FixedPoint.parse("0.4400"));
        assertEquals(440_000, FixedPoint.parse(".44"));
        assertEquals(120_000_000, FixedPoint.parse("120"));
        assertEquals(-15_820_000, FixedPoint.parse("-15.82"));
        assertEquals(219_217_767, FixedPoint.parse("219.217767"));
        assertEquals(5_000_000, FixedPoint.parse("5."));
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse(""));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("abc"));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("1e-2"));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("."));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("0.1234567"));
    }

    @Test
    void acceptsTrailingZerosBeyondSixDecimals() {
        assertEquals(100_000, FixedPoint.parse("0.10000000"));
    }

    @Test
    void formatsWithMinimumDecimalsAndNoLostDigits() {
        assertEquals("0.4200", FixedPoint.format(420_000, 4));
        assertEquals("0.12345", FixedPoint.format(123_450, 4));
        assertEquals("120", FixedPoint.format(120_000_000, 0));
        assertEquals("10.00", FixedPoint.format(10_000_000, 2));
        assertEquals("-0.5", FixedPoint.format(-500_000, 1));
    }
}

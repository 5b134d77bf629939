package com.doubletime.domain.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {
    @Test
    void mergeReplacesOnlyTheFieldsGiven() {
        RiskLimits changed = RiskLimits.DEFAULT.merge(Map.of("maxNotionalPerTrade", "250.50", "maxTradesPerMinute", 5));

        assertEquals(new BigDecimal("250.50"), changed.maxNotionalPerTrade());
        assertEquals(5, changed.maxTradesPerMinute());
        assertEquals(RiskLimits.DEFAULT.maxTotalExposure(), changed.maxTotalExposure());
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() {
        InvalidFieldException e =
                assertThrows(InvalidFieldException.class, () -> RiskLimits.DEFAULT.merge(Map.of("maxNotional", "1")));

        assertEquals("maxNotional", e.field());
    }

    @Test
    void rejectsMoneyThatIsNotADecimalString() {
        assertEquals(
                "dailyLossLimit",
                assertThrows(InvalidFieldException.class, () -> RiskLimits.DEFAULT.merge(Map.of("dailyLossLimit", 0.1)))
                        .field());
        assertEquals(
                "dailyLossLimit",
                assertThrows(
                                InvalidFieldException.class,
                                () -> RiskLimits.DEFAULT.merge(Map.of("dailyLossLimit", "lots")))
                        .field());
    }

    @Test
    void rejectsLimitsThatAreNotPositive() {
        assertEquals(
                "maxUnhedgedExposure",
                assertThrows(
                                InvalidFieldException.class,
                                () -> RiskLimits.DEFAULT.merge(Map.of("maxUnhedgedExposure", "0")))
                        .field());
        assertEquals(
                "maxPositionPerPair",
                assertThrows(
                                InvalidFieldException.class,
                                () -> RiskLimits.DEFAULT.merge(Map.of("maxPositionPerPair", -3)))
                        .field());
        assertEquals(
                "maxTradesPerMinute",
                assertThrows(
                                InvalidFieldException.class,
                                () -> RiskLimits.DEFAULT.merge(Map.of("maxTradesPerMinute", "7")))
                        .field());
    }

    @Test
    void rejectsAnExplicitNull() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("maxTotalExposure", null);

        assertEquals(
                "maxTotalExposure",
                assertThrows(InvalidFieldException.class, () -> RiskLimits.DEFAULT.merge(changes))
                        .field());
    }

    @Test
    void wireFormReadsBack() {
        assertEquals(RiskLimits.DEFAULT, RiskLimits.fromMap(RiskLimits.DEFAULT.toMap()));
    }

    // --- bounded inputs (issue 14): before, each of these was stored

    private static InvalidFieldException refused(String field, Object value) {
        InvalidFieldException e =
                assertThrows(InvalidFieldException.class, () -> RiskLimits.DEFAULT.merge(Map.of(field, value)));
        assertEquals(field, e.field(), String.valueOf(value));
        return e;
    }

    @Test
    void dollarsMustBeCanonicalAsciiDecimals() {
        for (String bad : new String[] {
            "1e400",
            "1E3",
            "25e1",
            "\u0661\u0660\u0660",
            "+250",
            "-5",
            " 250",
            "250 ",
            "0x10",
            "1,000",
            ".5",
            "5.",
            "0250",
            "NaN",
            "Infinity",
            "0.0000000000000000001",
            "1.0000001"
        }) {
            InvalidFieldException e = refused("maxNotionalPerTrade", bad);
            assertTrue(e.getMessage().contains("ASCII digits"), e.getMessage());
        }
        assertEquals(
                new BigDecimal("0.000001"),
                RiskLimits.DEFAULT
                        .merge(Map.of("maxNotionalPerTrade", "0.000001"))
                        .maxNotionalPerTrade());
    }

    @Test
    void dollarsAboveTheDocumentedBoundAreRefusedNotStored() {
        InvalidFieldException e = refused("maxTotalExposure", "1000000000.01");
        assertTrue(e.getMessage().contains("at most 1000000000"), e.getMessage());
        refused("maxTotalExposure", "1" + "0".repeat(38));
        InvalidFieldException huge = refused("dailyLossLimit", "9".repeat(401));
        assertTrue(huge.getMessage().length() < 300, "the message does not echo 401 digits");
        assertEquals(
                RiskLimits.MAX_DOLLARS,
                RiskLimits.DEFAULT
                        .merge(Map.of("maxTotalExposure", "1000000000"))
                        .maxTotalExposure());
    }

    @Test
    void countsBeyondTheirBoundsAreRefusedNeverClamped() {
        InvalidFieldException clamped = refused("maxTradesPerMinute", 1L << 31);
        assertTrue(clamped.getMessage().contains("from 1 to 6000"), clamped.getMessage());
        refused("maxTradesPerMinute", RiskLimits.MAX_TRADES_PER_MINUTE + 1);
        refused("maxPositionPerPair", BigInteger.TEN.pow(38));
        refused("maxPositionPerPair", RiskLimits.MAX_POSITION_PER_PAIR + 1);
        refused("maxPositionPerPair", new BigDecimal("5.0"));
        assertEquals(
                RiskLimits.MAX_TRADES_PER_MINUTE,
                RiskLimits.DEFAULT
                        .merge(Map.of("maxTradesPerMinute", RiskLimits.MAX_TRADES_PER_MINUTE))
                        .maxTradesPerMinute());
    }

    @Test
    void theBoundsHoldForLimitsBuiltInCodeToo() {
        assertThrows(
                InvalidFieldException.class, () -> RiskLimits.DEFAULT.withMaxNotionalPerTrade(new BigDecimal("1e400")));
        assertThrows(
                InvalidFieldException.class,
                () -> RiskLimits.DEFAULT.withMaxNotionalPerTrade(new BigDecimal("0.0000000000000000001")));
    }

    // --- minAnnualizedReturn (issue 12)

    @Test
    void minAnnualizedReturnIsARatioFromZeroToItsBound() {
        assertEquals(BigDecimal.ZERO, RiskLimits.DEFAULT.minAnnualizedReturn());
        assertEquals(false, RiskLimits.DEFAULT.requiresReturn());
        RiskLimits set = RiskLimits.DEFAULT.merge(Map.of("minAnnualizedReturn", "0.25"));
        assertEquals(new BigDecimal("0.25"), set.minAnnualizedReturn());
        assertTrue(set.requiresReturn());
        assertEquals(
                BigDecimal.ZERO,
                set.merge(Map.of("minAnnualizedReturn", "0"))
                        .minAnnualizedReturn()
                        .stripTrailingZeros());
        assertTrue(refused("minAnnualizedReturn", "1000.000001").getMessage().contains("at most 1000"));
        assertTrue(refused("minAnnualizedReturn", "-0.1").getMessage().contains("ASCII digits"));
        assertTrue(refused("minAnnualizedReturn", "25%").getMessage().contains("ASCII digits"));
        assertTrue(refused("minAnnualizedReturn", 0.25).getMessage().contains("decimal string"));
        assertThrows(
                InvalidFieldException.class,
                () -> new RiskLimits(
                        BigDecimal.ONE, 1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, new BigDecimal("-1")));
    }

    @Test
    void limitsJournaledBeforeMinAnnualizedReturnExistedReadBackWithoutAMinimum() {
        Map<String, Object> old = new HashMap<>(RiskLimits.DEFAULT.toMap());
        old.remove("minAnnualizedReturn");

        assertEquals(RiskLimits.DEFAULT, RiskLimits.fromMap(old));
        Map<String, Object> set = new HashMap<>(RiskLimits.DEFAULT.toMap());
        set.put("minAnnualizedReturn", "0.5");
        assertEquals(new BigDecimal("0.5"), RiskLimits.fromMap(set).minAnnualizedReturn());
    }
}

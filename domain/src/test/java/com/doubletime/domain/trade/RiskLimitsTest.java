package com.doubletime.domain.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
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
}

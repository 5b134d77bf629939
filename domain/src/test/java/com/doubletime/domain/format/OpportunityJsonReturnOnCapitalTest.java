package com.doubletime.domain.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Leg;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpportunityJsonReturnOnCapitalTest {
    private static final Opportunity OPPORTUNITY = new Opportunity(
            "fed",
            Direction.KALSHI_YES_POLYMARKET_NO,
            120,
            new Leg(
                    Platform.KALSHI,
                    Outcome.YES,
                    "K",
                    FixedPoint.parse("0.42"),
                    new BigDecimal("50.4"),
                    new BigDecimal("2.05")),
            new Leg(
                    Platform.POLYMARKET,
                    Outcome.NO,
                    "5211",
                    FixedPoint.parse("0.53"),
                    new BigDecimal("63.6"),
                    new BigDecimal("1.19568")),
            new BigDecimal("117.245680"),
            new BigDecimal("2.754320"),
            new BigDecimal("0.022952"),
            1,
            2);
    private static final long DETECTED = Instant.parse("2026-12-04T16:00:00Z").toEpochMilli() * 1_000_000L;

    @Test
    void theSection7FieldsFollowTheOpportunityWhenBothTimesAreKnown() {
        long resolves = Instant.parse("2026-12-16T18:55:00Z").toEpochMilli();
        ArbitrageOpportunityFound found = new ArbitrageOpportunityFound("fed:X:1", OPPORTUNITY, DETECTED)
                .withReturnOnCapital(ReturnOnCapital.of(
                        OPPORTUNITY.edge(), OPPORTUNITY.totalCost(), resolves, resolves - 1000, DETECTED));
        String json = OpportunityJson.write(found);
        assertTrue(
                json.endsWith(",\"resolvesAt\":\"2026-12-16T18:55:00Z\",\"daysToResolution\":\"12.1215\","
                        + "\"annualizedReturn\":\"0.707382\"}"),
                json);
    }

    @Test
    void theFieldsAreAbsentWhenATimeIsUnknown() {
        String json = OpportunityJson.write(new ArbitrageOpportunityFound("fed:X:1", OPPORTUNITY, DETECTED));
        assertFalse(json.contains("resolvesAt"), json);
        assertFalse(json.contains("annualizedReturn"), json);
    }
}

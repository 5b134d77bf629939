package com.doubletime.gateway;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Leg;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import java.math.BigDecimal;

/** Opportunity events as the monitor publishes them (the contracts §4 example). */
final class Opportunities {
    static final String PAIR_ID = "fed-cut-dec26";
    static final String NO_TOKEN = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    private Opportunities() {}

    static ArbitrageOpportunityFound found(int n) {
        Opportunity opportunity = new Opportunity(
                PAIR_ID,
                Direction.KALSHI_YES_POLYMARKET_NO,
                120,
                new Leg(
                        Platform.KALSHI,
                        Outcome.YES,
                        "KXFEDDECISION-26DEC-C25",
                        FixedPoint.parse("0.42"),
                        new BigDecimal("50.400000"),
                        new BigDecimal("2.050000")),
                new Leg(
                        Platform.POLYMARKET,
                        Outcome.NO,
                        NO_TOKEN,
                        FixedPoint.parse("0.53"),
                        new BigDecimal("63.600000"),
                        new BigDecimal("1.195680")),
                new BigDecimal("117.245680"),
                new BigDecimal("2.754320"),
                new BigDecimal("0.022952"),
                1_764_054_000_124_000_000L,
                1_764_054_000_123_000_000L);
        return new ArbitrageOpportunityFound(
                PAIR_ID + ":KALSHI_YES_POLYMARKET_NO:" + n, opportunity, 1_764_054_000_124_100_000L + n);
    }

    static ArbitrageOpportunityClosed closed(int n) {
        return new ArbitrageOpportunityClosed(
                PAIR_ID + ":KALSHI_YES_POLYMARKET_NO:" + n,
                PAIR_ID,
                Direction.KALSHI_YES_POLYMARKET_NO,
                5_000_000L,
                1_764_054_000_129_100_000L + n);
    }
}

package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The executor's reasons, read into the report's categories (one per rejection the executor writes). */
class MissReasonTest {
    @Test
    void readsEachOfTheExecutorsRejections() {
        assertEquals(MissReason.RISK_LIMIT, MissReason.ofReason("max 60 trades per minute reached"));
        assertEquals(MissReason.RISK_LIMIT, MissReason.ofReason("the kill switch is on"));
        assertEquals(MissReason.RISK_LIMIT, MissReason.ofReason("trading is paused"));
        assertEquals(
                MissReason.RISK_LIMIT,
                MissReason.ofReason("realised loss today $501.000000 reached the daily loss limit $500"));
        assertEquals(MissReason.RISK_LIMIT, MissReason.ofReason("unhedged exposure $1.000000 reached its limit $1"));
        assertEquals(
                MissReason.RISK_LIMIT,
                MissReason.ofReason(
                        "max notional per trade $0.5 does not cover one contract at limit prices 0.4200 / 0.5300"));
        assertEquals(
                MissReason.RISK_LIMIT,
                MissReason.ofReason("re-check before sending: quantity 600 is above the max quantity 500 of pair p"));
        assertEquals(
                MissReason.MIN_SIZE,
                MissReason.ofReason("quantity 3 is below Polymarket's minimum order size 5 (reduced from 120 by max"
                        + " position per pair 3 contracts)"));
        assertEquals(
                MissReason.CLOSED_BEFORE_ARRIVAL,
                MissReason.ofReason("re-check before sending: polymarket book 5211 now holds 0 of 120 contracts at or"
                        + " below 0.5300 (the opportunity closed)"));
        assertEquals(MissReason.BOOK_NOT_USABLE, MissReason.ofReason("kalshi book KXT has no snapshot"));
        assertEquals(MissReason.BOOK_NOT_USABLE, MissReason.ofReason("polymarket book 5211 is stale"));
        assertEquals(MissReason.BOOK_NOT_USABLE, MissReason.ofReason("kalshi book KXT is 61000 ms old (max 60000 ms)"));
        assertEquals(
                MissReason.CAPITAL,
                MissReason.ofReason("insufficient free cash: KALSHI shard 0: 10 contracts need 5.35, free 0.00"));
        assertEquals(
                MissReason.MARKET_SUSPENDED,
                MissReason.ofReason(
                        "pair p is suspended: kalshi KXT is closed (trading resumes when both markets" + " are open)"));
        assertEquals(MissReason.OTHER, MissReason.ofReason("unknown pair 'p'"));
    }

    @Test
    void namesItsSummaryKeysInCamelCase() {
        assertEquals("closedBeforeArrival", MissReason.CLOSED_BEFORE_ARRIVAL.key());
        assertEquals("minSize", MissReason.MIN_SIZE.key());
        assertEquals("other", MissReason.OTHER.key());
    }
}

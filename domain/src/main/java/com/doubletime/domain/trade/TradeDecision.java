package com.doubletime.domain.trade;

import com.doubletime.domain.Direction;

/**
 * The executor's verdict on one opportunity, journaled before any order is sent.
 *
 * @param opportunityQuantity the size the detector found (whole contracts)
 * @param quantity the size approved after risk limits; 0 when rejected
 * @param reason why it was rejected or reduced; null when accepted as found
 * @param detectedAtNanos when the monitor detected the opportunity (epoch nanos)
 * @param decidedAtNanos when the executor decided (epoch nanos)
 */
public record TradeDecision(
        String tradeId,
        String opportunityId,
        String pairId,
        Direction direction,
        boolean accepted,
        long opportunityQuantity,
        long quantity,
        LegOrder kalshi,
        LegOrder polymarket,
        String reason,
        long detectedAtNanos,
        long decidedAtNanos)
        implements JournalEntry {}

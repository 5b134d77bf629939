package com.doubletime.domain.trade;

/** What the trade journal records, in order: a decision, then (when accepted) the trade's outcome. */
public sealed interface JournalEntry permits TradeDecision, TradeReport {
    String tradeId();

    String opportunityId();
}

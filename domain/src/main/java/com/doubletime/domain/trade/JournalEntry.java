package com.doubletime.domain.trade;

/**
 * What the trade journal records, in order: a decision, then (when accepted and live) every step of its
 * orders and any alert, then the trade's outcome; and every operator change to the executor's controls.
 */
public sealed interface JournalEntry permits TradeDecision, TradeReport, ControlChange, OrderEvent, ExecutionAlert {
    /** The trade this entry is about; null for entries that are not about one trade. */
    default String tradeId() {
        return null;
    }

    /** The opportunity this entry is about; null for entries that are not about one opportunity. */
    default String opportunityId() {
        return null;
    }
}

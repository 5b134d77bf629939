package com.doubletime.domain.trade;

/**
 * What the trade journal records, in order: a decision, then (when accepted and live) every step of its
 * orders and any alert, then the trade's outcome; every operator change to the executor's controls; and, once a
 * pair's markets resolve, its settlement, any resolution divergence and each on-chain redemption.
 */
public sealed interface JournalEntry
        permits TradeDecision,
                TradeReport,
                ControlChange,
                OrderEvent,
                ExecutionAlert,
                PositionSettled,
                ResolutionDivergence,
                PositionRedeemed {
    /** The trade this entry is about; null for entries that are not about one trade. */
    default String tradeId() {
        return null;
    }

    /** The opportunity this entry is about; null for entries that are not about one opportunity. */
    default String opportunityId() {
        return null;
    }
}

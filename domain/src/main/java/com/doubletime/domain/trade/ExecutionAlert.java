package com.doubletime.domain.trade;

/**
 * Something a trader must look at, journaled and published loudly: a trade left unhedged, what the
 * leg-risk policy did about it, a trade recovered after a restart, positions that differ from the
 * venue's, a venue's free cash below its floor, the executor halting or resuming on its own, a damaged journal, or a
 * venue's fill that contradicts its answer.
 *
 * @param tradeId the trade concerned, or null (reconciliation)
 * @param atNanos epoch nanos
 */
public record ExecutionAlert(String eventId, String tradeId, AlertKind kind, String message, long atNanos)
        implements JournalEntry {
    /** What the alert is about. */
    public enum AlertKind {
        /**
         * An executor became the active one under a new fencing epoch (at start, or taking over from one whose lease
         * lapsed); the message names the instance, the epoch and the one it replaced.
         */
        FAILOVER,
        /** One leg filled more than the other: contracts held on one venue only. */
        UNHEDGED,
        /** The leg-risk policy ran; the message says whether exposure is back within its limits. */
        LEG_RISK_HANDLED,
        /** A trade interrupted by a restart was reconciled from the venues' answers. */
        RECOVERED,
        /** The journal's positions differ from a venue's positions endpoint. */
        POSITION_MISMATCH,
        /** A venue's free cash fell below its configured floor (issue 12): new trades there may soon be refused. */
        FREE_CASH_LOW,
        /**
         * The executor stopped trading on its own: the journal failed or stopped answering (published at once, and
         * journaled once the journal records again).
         */
        TRADING_HALTED,
        /** The journal records again after an outage: trading resumed, or waits for an operator (the message says). */
        TRADING_RESUMED,
        /** Start-up found journal lines that cannot be read: the kill switch is on until an operator acknowledges. */
        JOURNAL_DAMAGED,
        /** A venue's record of an order contradicts the fill its answer reported; the venue's record was used. */
        FILL_MISMATCH
    }

    public ExecutionAlert {
        if (eventId == null || kind == null || message == null) {
            throw new IllegalArgumentException("alert: eventId, kind and message are required");
        }
    }
}

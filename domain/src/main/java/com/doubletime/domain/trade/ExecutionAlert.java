package com.doubletime.domain.trade;

/**
 * Something a trader must look at, journaled and published loudly: a trade left unhedged, what the
 * leg-risk policy did about it, a trade recovered after a restart, or positions that differ from the
 * venue's.
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
        POSITION_MISMATCH
    }

    public ExecutionAlert {
        if (eventId == null || kind == null || message == null) {
            throw new IllegalArgumentException("alert: eventId, kind and message are required");
        }
    }
}

package com.doubletime.domain.trade;

/** The steps of an order the journal records. */
public enum OrderEventKind {
    /** About to be sent; journaled first so that a crash right after sending is found again on restart. */
    REQUESTED,
    /** The venue's answer to the placement, or a later status poll (a Polymarket {@code delayed} order). */
    ACKNOWLEDGED,
    /** A cancel was asked for (a leg that rested, or timed out) and this is the order's state afterwards. */
    CANCELLED,
    /** No usable answer: the order may or may not exist at the venue. */
    ERROR,
    /** After a restart: what the venue says about an order whose answer the journal never got. */
    RECONCILED,
    /**
     * Requested but never sent: by the time its request was recorded the trade could no longer go (its decision had
     * grown too old waiting for the journal, or trading was stopped meanwhile). Nothing exists at the venue.
     */
    NOT_SENT
}

package com.doubletime.domain.order;

/** Where an order stands, from the venue's answer. */
public enum OrderStatus {
    /** Everything filled. */
    FILLED,
    /** Some filled, the rest cancelled (IOC) or still open. */
    PARTIALLY_FILLED,
    /** Nothing filled and nothing open (IOC/FOK that found no liquidity). */
    UNFILLED,
    /** Accepted and resting on the book. */
    RESTING,
    /** Accepted but matching is delayed (Polymarket {@code delayed}); ask again later. */
    DELAYED,
    /** Refused by the venue (validation, funds, auth, rate limit). */
    REJECTED,
    /** No usable answer (timeout, connection lost): the order may or may not exist. */
    UNKNOWN
}

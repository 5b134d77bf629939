package com.doubletime.domain.order;

/** Arbitrage legs never rest on a book. */
public enum TimeInForce {
    /** Fill what can be filled now, cancel the rest (Kalshi {@code immediate_or_cancel}, Polymarket FAK). */
    IMMEDIATE_OR_CANCEL,
    /** Fill everything now or nothing (Kalshi {@code fill_or_kill}, Polymarket FOK). */
    FILL_OR_KILL
}

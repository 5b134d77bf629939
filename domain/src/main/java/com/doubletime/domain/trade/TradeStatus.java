package com.doubletime.domain.trade;

/** How a buy-both trade ended. */
public enum TradeStatus {
    /** Both legs filled the whole requested quantity. */
    FILLED,
    /** At least one leg filled something but not both everything; the legs may differ (unhedged). */
    PARTIALLY_FILLED,
    /** Both immediate-or-cancel orders found nothing at or below their limit prices. */
    UNFILLED,
    /** The executor decided not to trade; no order was sent. */
    REJECTED,
    /**
     * Both markets of the trade's pair resolved and its position was settled (contracts §7): what it filled is
     * unchanged, {@code realizedPnl} says what it made. Never journaled as a report of its own: the journal's
     * settlement record turns a trade's report into this on reading (recent trades, the trades stream).
     */
    SETTLED
}

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
    REJECTED
}

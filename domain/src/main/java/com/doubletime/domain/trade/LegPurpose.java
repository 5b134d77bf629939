package com.doubletime.domain.trade;

/** Why an order was sent: one of the trade's two legs, or the leg-risk policy acting on an unhedged one. */
public enum LegPurpose {
    /** One of the two buy legs of the opportunity. */
    ENTRY,
    /** Buys the missing contracts on the short venue so the trade becomes hedged. */
    REHEDGE,
    /** Sells the excess contracts on the long venue to close the unhedged exposure. */
    UNWIND
}

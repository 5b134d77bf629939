package com.doubletime.polymarket.order;

/** The order side: the string {@code "BUY"}/{@code "SELL"} in JSON, uint8 0/1 in the signed struct. */
public enum ClobSide {
    BUY,
    SELL;

    public int signedValue() {
        return ordinal();
    }
}

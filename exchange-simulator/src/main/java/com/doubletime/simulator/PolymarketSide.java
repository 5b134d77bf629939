package com.doubletime.simulator;

/** BUY is a bid level, SELL an ask level, as in Polymarket's {@code price_change}. */
enum PolymarketSide {
    BUY,
    SELL;

    PolymarketSide opposite() {
        return this == BUY ? SELL : BUY;
    }

    static PolymarketSide fromWire(String text) {
        for (PolymarketSide side : values()) {
            if (side.name().equals(text)) {
                return side;
            }
        }
        throw new IllegalArgumentException("Polymarket side must be \"BUY\" or \"SELL\": " + text);
    }
}

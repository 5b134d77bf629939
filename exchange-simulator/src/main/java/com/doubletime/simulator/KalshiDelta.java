package com.doubletime.simulator;

/**
 * A signed change of the size resting at one Kalshi bid level, as applied to the book.
 *
 * @param price NO-side prices are in NO terms; servers convert for {@code use_yes_price}
 * @param delta signed size change (fixed-point)
 */
record KalshiDelta(String ticker, KalshiSide side, long price, long delta) {}

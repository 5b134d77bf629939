package com.doubletime.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The simulator's two fixed-point scales and their wire spellings.
 *
 * <p>Prices are {@code long} hundredths of a cent (scale 4, {@link #ONE_DOLLAR} = 10 000), the finest
 * precision Kalshi prints. Sizes are {@code long} hundredths of a contract or share (scale 2), the
 * finest Kalshi count. Both venues' values fit these scales exactly; anything finer is rejected
 * rather than rounded so a scenario never silently differs from what it states.
 */
final class FixedPoint {

    static final int PRICE_SCALE = 4;
    static final long ONE_DOLLAR = 10_000;
    /** One cent, the tick of the random walk. */
    static final long CENT = 100;

    static final int SIZE_SCALE = 2;
    static final long ONE_CONTRACT = 100;

    private FixedPoint() {}

    static long parsePrice(String text) {
        long price = parse(text, PRICE_SCALE, "price");
        if (price < 0 || price > ONE_DOLLAR) {
            throw new IllegalArgumentException("price out of [0, 1]: " + text);
        }
        return price;
    }

    /** A signed size: scenario deltas may be negative. */
    static long parseSize(String text) {
        return parse(text, SIZE_SCALE, "size");
    }

    private static long parse(String text, int scale, String what) {
        try {
            return new BigDecimal(text.trim())
                    .setScale(scale, RoundingMode.UNNECESSARY)
                    .unscaledValue()
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a " + what + " with at most " + scale + " decimals: " + text, e);
        }
    }

    /** Kalshi {@code _dollars}: always 4 decimals, "0.5600". */
    static String kalshiPrice(long price) {
        return BigDecimal.valueOf(price, PRICE_SCALE).toPlainString();
    }

    /** Kalshi {@code _fp}: always 2 decimals, "146.00" or "-54.00". */
    static String kalshiSize(long size) {
        return BigDecimal.valueOf(size, SIZE_SCALE).toPlainString();
    }

    /** Polymarket prices carry no trailing zeros: "0.5", "0.52", "1". */
    static String polymarketPrice(long price) {
        return plain(BigDecimal.valueOf(price, PRICE_SCALE));
    }

    /** Polymarket sizes carry no trailing zeros: "100", "12.5". */
    static String polymarketSize(long size) {
        return plain(BigDecimal.valueOf(size, SIZE_SCALE));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}

package com.doubletime.domain;

import java.util.Arrays;

/** An immutable list of price levels as carried by events (fixed-point, see {@link FixedPoint}). */
public record Levels(long[] prices, long[] sizes) {
    public static final Levels EMPTY = new Levels(new long[0], new long[0]);

    public Levels {
        if (prices.length != sizes.length) {
            throw new IllegalArgumentException("prices and sizes differ in length");
        }
    }

    public int count() {
        return prices.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Levels that && Arrays.equals(prices, that.prices) && Arrays.equals(sizes, that.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prices) + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < prices.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(FixedPoint.format(prices[i], 2)).append('x').append(FixedPoint.format(sizes[i], 0));
        }
        return out.append(']').toString();
    }
}

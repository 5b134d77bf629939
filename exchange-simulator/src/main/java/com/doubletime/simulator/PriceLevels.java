package com.doubletime.simulator;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Aggregated resting size per price on one side of one book (fixed-point, see {@link FixedPoint}).
 * Empty levels are never stored.
 */
final class PriceLevels {

    private final TreeMap<Long, Long> sizeByPrice = new TreeMap<>();

    long size(long price) {
        return sizeByPrice.getOrDefault(price, 0L);
    }

    /** Sets an absolute size; zero or less removes the level. */
    void set(long price, long size) {
        if (size > 0) {
            sizeByPrice.put(price, size);
        } else {
            sizeByPrice.remove(price);
        }
    }

    /**
     * Adds a signed change and returns the change actually applied: a level cannot go below zero,
     * so removing more than rests only removes what rests.
     */
    long add(long price, long delta) {
        long before = size(price);
        long after = Math.max(0, before + delta);
        set(price, after);
        return after - before;
    }

    boolean isEmpty() {
        return sizeByPrice.isEmpty();
    }

    /** Highest price, or {@code absent} when the side is empty. */
    long highest(long absent) {
        return sizeByPrice.isEmpty() ? absent : sizeByPrice.lastKey();
    }

    /** Lowest price, or {@code absent} when the side is empty. */
    long lowest(long absent) {
        return sizeByPrice.isEmpty() ? absent : sizeByPrice.firstKey();
    }

    /** Read-only view, ascending by price. */
    NavigableMap<Long, Long> ascending() {
        return Collections.unmodifiableNavigableMap(sizeByPrice);
    }

    @Override
    public String toString() {
        return sizeByPrice.toString();
    }
}

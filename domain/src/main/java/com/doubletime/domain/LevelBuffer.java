package com.doubletime.domain;

import java.util.Arrays;

/** A reusable, growable list of (price, size) pairs that parsers fill without allocating per frame. */
public final class LevelBuffer {
    private long[] prices = new long[32];
    private long[] sizes = new long[32];
    private int count;

    public void clear() {
        count = 0;
    }

    public void add(long price, long size) {
        if (count == prices.length) {
            prices = Arrays.copyOf(prices, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        prices[count] = price;
        sizes[count] = size;
        count++;
    }

    public int count() {
        return count;
    }

    public long price(int i) {
        return prices[i];
    }

    public long size(int i) {
        return sizes[i];
    }

    public Levels toLevels() {
        return new Levels(Arrays.copyOf(prices, count), Arrays.copyOf(sizes, count));
    }

    public LevelBuffer copyFrom(Levels levels) {
        clear();
        for (int i = 0; i < levels.count(); i++) {
            add(levels.prices()[i], levels.sizes()[i]);
        }
        return this;
    }
}

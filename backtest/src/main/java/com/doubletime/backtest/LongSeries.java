package com.doubletime.backtest;

import java.util.Arrays;

/** A growable list of longs, without boxing: lifetimes, edges and times of a long capture. */
final class LongSeries {
    private static final int INITIAL = 64;

    private long[] values = new long[INITIAL];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    /** A sorted copy. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}

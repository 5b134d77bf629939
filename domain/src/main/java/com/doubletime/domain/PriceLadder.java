package com.doubletime.domain;

import java.util.Arrays;

/**
 * One side of a book: price levels kept sorted best-first in two parallel primitive arrays.
 *
 * <p>Books of prediction markets are shallow (at most a hundred ticks per side), so a sorted array with
 * binary search beats a tree and allocates nothing once it has grown to the book's depth.
 */
public final class PriceLadder implements AskLadder {
    private final boolean descending;
    private long[] prices = new long[16];
    private long[] sizes = new long[16];
    private int count;

    private PriceLadder(boolean descending) {
        this.descending = descending;
    }

    /** Bids: highest price first. */
    public static PriceLadder bids() {
        return new PriceLadder(true);
    }

    /** Asks: lowest price first. */
    public static PriceLadder asks() {
        return new PriceLadder(false);
    }

    @Override
    public int levelCount() {
        return count;
    }

    @Override
    public long price(int level) {
        return prices[level];
    }

    @Override
    public long size(int level) {
        return sizes[level];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public void clear() {
        count = 0;
    }

    /** Sets the resting size at {@code price}; a size of zero or less removes the level. */
    public void set(long price, long size) {
        int at = find(price);
        if (at >= 0) {
            if (size <= 0) {
                remove(at);
            } else {
                sizes[at] = size;
            }
        } else if (size > 0) {
            insert(-at - 1, price, size);
        }
    }

    /**
     * Adds a signed change to the resting size; the level goes when the result is zero or less.
     *
     * @return the size the change arrived at, negative when it took away more than rested there (the book
     *     it was meant for is not this one)
     */
    public long change(long price, long delta) {
        int at = find(price);
        if (at >= 0) {
            long size = sizes[at] + delta;
            if (size <= 0) {
                remove(at);
            } else {
                sizes[at] = size;
            }
            return size;
        }
        if (delta > 0) {
            insert(-at - 1, price, delta);
        }
        return delta;
    }

    /** Replaces the ladder with levels given in any order; later duplicates of a price win. */
    public void replace(LevelBuffer levels) {
        count = 0;
        for (int i = 0; i < levels.count(); i++) {
            set(levels.price(i), levels.size(i));
        }
    }

    public long sizeAt(long price) {
        int at = find(price);
        return at >= 0 ? sizes[at] : 0;
    }

    public Levels toLevels() {
        return new Levels(Arrays.copyOf(prices, count), Arrays.copyOf(sizes, count));
    }

    private int find(long price) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long p = prices[mid];
            if (p == price) {
                return mid;
            }
            boolean before = descending ? p > price : p < price;
            if (before) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }

    private void insert(int at, long price, long size) {
        if (count == prices.length) {
            prices = Arrays.copyOf(prices, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        System.arraycopy(prices, at, prices, at + 1, count - at);
        System.arraycopy(sizes, at, sizes, at + 1, count - at);
        prices[at] = price;
        sizes[at] = size;
        count++;
    }

    private void remove(int at) {
        System.arraycopy(prices, at + 1, prices, at, count - at - 1);
        System.arraycopy(sizes, at + 1, sizes, at, count - at - 1);
        count--;
    }
}

package com.doubletime.feed;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential reconnect delays with jitter: initial, 2×, 4× … capped at the maximum. Each delay is drawn
 * from [d/2, d], so many feeds that lost the same venue at once do not reconnect in lockstep, and no
 * delay collapses to zero against a venue that keeps refusing.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final LongUnaryOperator random;
    private int attempt;

    public Backoff(long initialMillis, long maxMillis) {
        this(initialMillis, maxMillis, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** @param random given a bound b, returns a value in [0, b] (tests pass a fixed one) */
    public Backoff(long initialMillis, long maxMillis, LongUnaryOperator random) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < initial <= max, got " + initialMillis + ", " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    public long nextDelayMillis() {
        long ceiling = Math.min(maxMillis, initialMillis << Math.min(attempt, 30));
        if (ceiling <= 0) { // shifted past Long.MAX_VALUE
            ceiling = maxMillis;
        }
        attempt++;
        long half = ceiling / 2;
        return Math.max(1, ceiling - half + random.applyAsLong(half));
    }

    /** After a connection proved healthy: the next failure starts again from the initial delay. */
    public void reset() {
        attempt = 0;
    }
}

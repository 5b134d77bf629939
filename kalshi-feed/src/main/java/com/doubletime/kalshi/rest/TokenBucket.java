package com.doubletime.kalshi.rest;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket that hands out reservations: {@link #reserve} takes the tokens at once and says how long
 * the caller must wait before sending, so requests leave in order and never faster than the venue
 * refills. The balance may go negative: that is the queue. Thread-safe.
 */
public final class TokenBucket {
    /** Tokens are counted in billionths, so a refill by elapsed nanoseconds is exact. */
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final long capacity;
    private final long tokensPerSecond;
    private final LongSupplier nanoTime;
    /** Tokens in billionths, so refill over a few nanoseconds is not lost to rounding. */
    private long nanoTokens;

    private long lastRefillNanos;

    public TokenBucket(long capacity, long tokensPerSecond) {
        this(capacity, tokensPerSecond, System::nanoTime);
    }

    public TokenBucket(long capacity, long tokensPerSecond, LongSupplier nanoTime) {
        if (capacity <= 0 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("a token bucket needs a positive capacity and refill rate");
        }
        this.capacity = capacity;
        this.tokensPerSecond = tokensPerSecond;
        this.nanoTime = nanoTime;
        this.nanoTokens = capacity * NANOS_PER_SECOND;
        this.lastRefillNanos = nanoTime.getAsLong();
    }

    /** Takes {@code cost} tokens; returns the milliseconds to wait before the request may go (0 = now). */
    public synchronized long reserve(int cost) {
        refill();
        nanoTokens -= cost * NANOS_PER_SECOND;
        if (nanoTokens >= 0) {
            return 0;
        }
        long waitNanos = -nanoTokens / tokensPerSecond;
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + NANOS_PER_MILLI - 1));
    }

    /** Whole tokens available now (negative while requests are queued). */
    public synchronized long available() {
        refill();
        return Math.floorDiv(nanoTokens, NANOS_PER_SECOND);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastRefillNanos;
        if (elapsed > 0) {
            lastRefillNanos = now;
            // elapsed ns × tokens/s = billionths of a token; cap before multiplying to avoid overflow
            long add = Math.min(elapsed, NANOS_PER_SECOND * capacity) * tokensPerSecond;
            nanoTokens = Math.min(capacity * NANOS_PER_SECOND, nanoTokens + add);
        }
    }
}

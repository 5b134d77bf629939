package com.doubletime.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the simulated Kalshi injects on demand, switchable from a test thread at any time. Counted
 * faults hit the next {@code n} occasions and then switch themselves off; the immediate ones
 * ({@link #dropConnections}, {@link #endSubscriptions}) act at once on the simulator's event loop.
 */
public final class KalshiFaults {

    private final AtomicInteger skipSeq = new AtomicInteger();
    private final AtomicInteger repeatFrames = new AtomicInteger();
    private final AtomicInteger malformedFrames = new AtomicInteger();
    private final AtomicInteger rateLimitRequests = new AtomicInteger();
    private final AtomicLong restDelayMillis = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile Runnable dropConnections = () -> {};
    private volatile Runnable endSubscriptions = () -> {};

    /** The next {@code n} book deltas each skip one {@code seq} (the client sees a gap). */
    public KalshiFaults skipSeq(int n) {
        skipSeq.addAndGet(n);
        return this;
    }

    /** The next {@code n} book deltas are sent twice with the same {@code seq}. */
    public KalshiFaults repeatFrames(int n) {
        repeatFrames.addAndGet(n);
        return this;
    }

    /** The next {@code n} book deltas are each preceded by a frame that is not valid JSON. */
    public KalshiFaults malformedFrames(int n) {
        malformedFrames.addAndGet(n);
        return this;
    }

    /** The next {@code n} REST requests are answered 429 {@code {"error":"too many requests"}}, no Retry-After. */
    public KalshiFaults rateLimitNextRequests(int n) {
        rateLimitRequests.addAndGet(n);
        return this;
    }

    /** Every REST answer waits this long first (0 = off). */
    public KalshiFaults answerSlowly(long millis) {
        restDelayMillis.set(Math.max(0, millis));
        return this;
    }

    /** Closes every Kalshi WebSocket now, as a network drop would. */
    public void dropConnections() {
        dropConnections.run();
    }

    /** Ends every order-book subscription now with error 25 (subscription buffer overflow). */
    public void endSubscriptions() {
        endSubscriptions.run();
    }

    /** 429 answers sent so far. */
    public long rateLimitedAnswers() {
        return rateLimited.get();
    }

    void onDrop(Runnable action) {
        dropConnections = action;
    }

    void onEndSubscriptions(Runnable action) {
        endSubscriptions = action;
    }

    boolean takeSkipSeq() {
        return take(skipSeq);
    }

    boolean takeRepeat() {
        return take(repeatFrames);
    }

    boolean takeMalformed() {
        return take(malformedFrames);
    }

    boolean takeRateLimit() {
        boolean hit = take(rateLimitRequests);
        if (hit) {
            rateLimited.incrementAndGet();
        }
        return hit;
    }

    long restDelayMillis() {
        return restDelayMillis.get();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}

package com.doubletime.domain;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Receive timestamps in epoch nanoseconds that never go backwards: the wall clock is read once, at
 * construction, and {@link System#nanoTime()} measures from there. Captures then carry real epoch
 * {@code recv_ns} values while intervals between frames stay monotonic (an NTP step cannot reorder them).
 */
public final class EpochNanoClock {
    private final long anchorEpochNanos;
    private final long anchorNanoTime;

    public EpochNanoClock() {
        Instant now = Instant.now();
        this.anchorNanoTime = System.nanoTime();
        this.anchorEpochNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    public long nowNanos() {
        return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
    }

    /** The epoch-nanos reading {@code nanoTime} corresponds to. */
    public long toEpochNanos(long nanoTime) {
        return anchorEpochNanos + (nanoTime - anchorNanoTime);
    }
}

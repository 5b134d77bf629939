package com.doubletime.domain;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Receive timestamps in epoch nanoseconds that never go backwards: the wall clock is read once, at
 * construction, and {@link System#nanoTime()} measures from there. Captures then carry real epoch
 * {@code recv_ns} values while intervals between frames stay monotonic (an NTP step cannot reorder them).
 */
public final class EpochNanoClock {
    /**
     * One anchor for the whole process: two clocks anchored apart disagree by the jitter between their wall-clock
     * and {@code nanoTime} reads (microseconds, milliseconds if a thread was preempted in between), which is more
     * than a co-located feed-to-monitor interval; a feed's receive time and the monitor's decision time must come
     * from the same one.
     */
    private static final EpochNanoClock PROCESS = new EpochNanoClock();

    private final long anchorEpochNanos;
    private final long anchorNanoTime;

    public EpochNanoClock() {
        Instant now = Instant.now();
        this.anchorNanoTime = System.nanoTime();
        this.anchorEpochNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    /** The process's clock: what every timestamp compared with another in this JVM must be read from. */
    public static EpochNanoClock process() {
        return PROCESS;
    }

    public long nowNanos() {
        return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
    }

    /** The epoch-nanos reading {@code nanoTime} corresponds to. */
    public long toEpochNanos(long nanoTime) {
        return anchorEpochNanos + (nanoTime - anchorNanoTime);
    }
}

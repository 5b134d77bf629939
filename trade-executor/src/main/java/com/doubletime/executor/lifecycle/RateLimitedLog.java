package com.doubletime.executor.lifecycle;

import java.util.function.LongSupplier;

/**
 * One log line per interval for a condition that repeats (every opportunity refused while trading is halted): the
 * first occurrence is logged at once, later ones are counted and the count logged with the next line, so a halt
 * costs a few lines a minute instead of one per event. Single writer.
 */
public final class RateLimitedLog {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final System.Logger log;
    private final System.Logger.Level level;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastNanos;
    private boolean logged;
    private long suppressed;

    /** @param clock epoch (or any monotonic) nanoseconds */
    public RateLimitedLog(System.Logger log, System.Logger.Level level, long intervalNanos, LongSupplier clock) {
        this.log = log;
        this.level = level;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** Logs {@code message} now, or counts it until the interval since the last line has passed. */
    public void log(String message) {
        long now = clock.getAsLong();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        log.log(
                level,
                suppressed == 0
                        ? message
                        : message + " (" + suppressed + " more like it since the last line, "
                                + (now - lastNanos) / NANOS_PER_SECOND + " s ago)");
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }

    /** Occurrences not logged since the last line. */
    public long suppressed() {
        return suppressed;
    }
}

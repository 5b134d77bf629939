package com.doubletime.feed;

import java.util.function.LongSupplier;

/**
 * Runs a resend (every book again, for a late subscriber) at most once per interval: a request inside the
 * interval is folded into one trailing resend at its end, so several services starting together cost one resend
 * and none of them is left without one. Single-threaded (the feed's event loop).
 */
public final class ResendThrottle {
    /** Runs {@code task} once after {@code delayMillis}. */
    @FunctionalInterface
    public interface Timer {
        void after(long delayMillis, Runnable task);
    }

    private final long minIntervalMillis;
    private final LongSupplier clockMillis;
    private final Timer timer;
    private boolean everRan;
    private long lastMillis;
    private boolean trailing;

    public ResendThrottle(long minIntervalMillis, LongSupplier clockMillis, Timer timer) {
        if (minIntervalMillis <= 0) {
            throw new IllegalArgumentException("the resend interval must be positive: " + minIntervalMillis);
        }
        this.minIntervalMillis = minIntervalMillis;
        this.clockMillis = clockMillis;
        this.timer = timer;
    }

    public void request(Runnable resend) {
        if (trailing) {
            return;
        }
        long now = clockMillis.getAsLong();
        long wait = everRan ? lastMillis + minIntervalMillis - now : 0;
        if (wait <= 0) {
            run(resend, now);
            return;
        }
        trailing = true;
        timer.after(wait, () -> {
            trailing = false;
            run(resend, clockMillis.getAsLong());
        });
    }

    private void run(Runnable resend, long now) {
        everRan = true;
        lastMillis = now;
        resend.run();
    }
}

package com.doubletime.backtest;

import com.doubletime.executor.lifecycle.Scheduler;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The backtest's clock, timers and thread: time is the capture's {@code recv_ns}, moved forward only by the replay
 * loop, and a timer fires when the replay reaches its due time — before a frame received at the same nanosecond (an
 * order that arrives as the venue changes its book is taken to find the book as it stood). Tasks for the executor's
 * thread run at once: the replay is that thread. Never goes back: a capture whose {@code recv_ns} goes back keeps
 * the latest time seen.
 */
public final class CaptureClock implements Scheduler, LongSupplier, Executor {
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private static final class Timer implements Cancellable {
        private final long dueNanos;
        private final long order;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long dueNanos, long order, Runnable task) {
            this.dueNanos = dueNanos;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long nowNanos = Long.MIN_VALUE;
    private long scheduled;

    /** Epoch nanoseconds on the capture's clock. */
    @Override
    public long getAsLong() {
        return nowNanos;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        long from = nowNanos == Long.MIN_VALUE ? 0 : nowNanos;
        Timer timer = new Timer(from + Math.max(0, delayMillis) * NANOS_PER_MILLI, scheduled++, task);
        timers.add(timer);
        return timer;
    }

    /** The executor's thread is the replay's: a task runs now. */
    @Override
    public void execute(Runnable task) {
        task.run();
    }

    /**
     * Fires the earliest timer due by {@code nanos}, at its due time (time moves there, never back). False when none
     * is due: the caller handles what each timer caused before asking for the next.
     */
    public boolean fireNext(long nanos) {
        while (!timers.isEmpty() && timers.peek().dueNanos <= nanos) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                nowNanos = Math.max(nowNanos, timer.dueNanos);
                timer.task.run();
                return true;
            }
        }
        return false;
    }

    /** Moves time to {@code nanos}, never back; timers due by then must have been fired ({@link #fireNext}). */
    public void moveTo(long nanos) {
        nowNanos = nowNanos == Long.MIN_VALUE ? nanos : Math.max(nowNanos, nanos);
    }

    /** Timers scheduled and not yet fired (cancelled ones included until their time). */
    public int pending() {
        return timers.size();
    }
}

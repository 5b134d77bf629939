package com.doubletime.executor.lifecycle;

/**
 * Runs a task later on the executor's own thread: Vert.x timers in the verticle, a virtual clock in a
 * backtest, an executor service in tests. The lifecycle never sleeps and never reads a wall clock for waits.
 */
@FunctionalInterface
public interface Scheduler {
    /** @return a handle that cancels the task if it has not run yet */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that may be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}

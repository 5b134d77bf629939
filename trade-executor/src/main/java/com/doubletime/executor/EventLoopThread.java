package com.doubletime.executor;

import com.doubletime.executor.lifecycle.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * A verticle's event loop as the executor's single thread for the plain parts: tasks run at once when already on
 * its thread (from any context on it: co-located feeds hand frames over on their own contexts of the same loop),
 * else are queued there; timers are Vert.x timers (at least 1 ms).
 */
final class EventLoopThread implements Executor, Scheduler {
    private final Vertx vertx;
    private final Context context;
    private final Thread thread;

    /** Made on {@code context}'s event loop thread. */
    EventLoopThread(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
        this.thread = Thread.currentThread();
    }

    @Override
    public void execute(Runnable task) {
        if (Vertx.currentContext() == context || Thread.currentThread() == thread) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        long timer = vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
        return () -> vertx.cancelTimer(timer);
    }
}

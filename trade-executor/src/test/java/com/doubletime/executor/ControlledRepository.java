package com.doubletime.executor;

import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A journal whose writes complete only when the test says so, on the caller's context like the real one. */
final class ControlledRepository implements TradeRepository {
    final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<JournalEntry> existing;
    private final boolean autoComplete;
    private final RuntimeException failure;

    ControlledRepository(List<JournalEntry> existing, boolean autoComplete, RuntimeException failure) {
        this.existing = existing;
        this.autoComplete = autoComplete;
        this.failure = failure;
    }

    static ControlledRepository manual() {
        return new ControlledRepository(List.of(), false, null);
    }

    static ControlledRepository automatic(List<JournalEntry> existing) {
        return new ControlledRepository(existing, true, null);
    }

    static ControlledRepository failing() {
        return new ControlledRepository(List.of(), true, new IllegalStateException("disk full"));
    }

    @Override
    public Future<Void> append(JournalEntry entry) {
        Pending write = new Pending(entry, Vertx.currentContext(), Promise.promise());
        pending.add(write);
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        return autoComplete ? Future.succeededFuture() : write.promise.future();
    }

    @Override
    public Future<List<JournalEntry>> recent(int limit) {
        return Future.succeededFuture(existing);
    }

    @Override
    public Future<Void> forEach(java.util.function.Consumer<JournalEntry> visitor) {
        existing.forEach(visitor);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    Pending next() throws InterruptedException {
        Pending write = pending.poll(5, TimeUnit.SECONDS);
        if (write == null) {
            throw new AssertionError("no journal write within 5 s");
        }
        return write;
    }

    record Pending(JournalEntry entry, Context context, Promise<Void> promise) {
        void complete() {
            context.runOnContext(v -> promise.complete());
        }
    }
}

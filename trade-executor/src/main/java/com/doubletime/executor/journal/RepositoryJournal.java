package com.doubletime.executor.journal;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.lifecycle.TradeJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link TradeRepository} as the Vert.x-free parts see their journal: appends are issued on the executor's
 * thread {@code loop} (the repository keeps call order per thread), and each entry, once durable, is handed to
 * {@code recorded} (the verticle publishes execution steps on the bus).
 *
 * <p>Already on that thread (the engine's chains mostly are), there is no hop through its task queue. The caller
 * is told first: its next step (sending the orders once their requests are on disk) runs on this thread before
 * {@code recorded} sees the entries, so that work and the subscribers it wakes are not in front of the orders.
 */
public final class RepositoryJournal implements TradeJournal {
    private static final System.Logger LOG = System.getLogger(RepositoryJournal.class.getName());

    private final TradeRepository repository;
    private final Executor loop;
    private final Consumer<JournalEntry> recorded;

    /** @param loop the executor's thread: runs a task at once when already on it, else queues it there */
    public RepositoryJournal(TradeRepository repository, Executor loop, Consumer<JournalEntry> recorded) {
        this.repository = repository;
        this.loop = loop;
        this.recorded = recorded;
    }

    /** A journal that only records. */
    public RepositoryJournal(TradeRepository repository, Executor loop) {
        this(repository, loop, entry -> {});
    }

    @Override
    public CompletionStage<Void> append(JournalEntry entry) {
        return write(() -> repository.append(entry), List.of(entry));
    }

    /** One write and one flush where the repository can ({@link TradeRepository#appendAll}). */
    @Override
    public CompletionStage<Void> appendAll(List<JournalEntry> entries) {
        return write(() -> repository.appendAll(entries), entries);
    }

    /**
     * Completes once the entries are written (the process dying cannot lose them); {@code recorded} sees them only
     * once they are durable.
     */
    @Override
    public CompletionStage<Void> appendWritten(List<JournalEntry> entries) {
        Promise<Void> written = Promise.promise();
        loop.execute(() -> {
            TradeRepository.Appended appended = repository.appendWritten(entries);
            appended.written().onComplete(written); // the caller first: its orders go before anything is published
            appended.durable().onSuccess(done -> publish(entries));
        });
        return written.future().toCompletionStage();
    }

    private CompletionStage<Void> write(Supplier<Future<Void>> append, List<JournalEntry> entries) {
        Promise<Void> durable = Promise.promise();
        Runnable write = () -> append.get().onComplete(durable).onSuccess(done -> publish(entries));
        loop.execute(write);
        return durable.future().toCompletionStage();
    }

    /** Each entry to {@code recorded}: one that cannot be published is logged, never un-records the others. */
    private void publish(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            try {
                recorded.accept(entry);
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "journaled " + entry.getClass().getSimpleName() + " " + TradeJournalJson.eventId(entry)
                                + " could not be published: " + e.getMessage());
            }
        }
    }
}

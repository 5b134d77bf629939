package com.doubletime.executor.journal;

import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.lifecycle.TradeJournal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link TradeRepository} as the Vert.x-free parts see their journal: appends are issued on the executor's
 * context (the repository keeps call order per context), and each entry, once durable, is handed to
 * {@code recorded} (the verticle publishes execution steps on the bus).
 *
 * <p>Already on that context (the engine's chains mostly are), there is no hop through its task queue. The caller
 * is told first: its next step (sending the orders once their requests are on disk) runs on this thread before
 * {@code recorded} sees the entries, so that work and the subscribers it wakes are not in front of the orders.
 */
public final class RepositoryJournal implements TradeJournal {
    private final TradeRepository repository;
    private final Context context;
    private final Consumer<JournalEntry> recorded;

    public RepositoryJournal(TradeRepository repository, Context context, Consumer<JournalEntry> recorded) {
        this.repository = repository;
        this.context = context;
        this.recorded = recorded;
    }

    /** A journal that only records. */
    public RepositoryJournal(TradeRepository repository, Context context) {
        this(repository, context, entry -> {});
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

    private CompletionStage<Void> write(Supplier<Future<Void>> append, List<JournalEntry> entries) {
        Promise<Void> durable = Promise.promise();
        Runnable write = () -> append.get().onComplete(durable).onSuccess(done -> entries.forEach(recorded));
        if (Vertx.currentContext() == context) {
            write.run();
        } else {
            context.runOnContext(v -> write.run());
        }
        return durable.future().toCompletionStage();
    }
}

package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RepositoryJournalTest {
    /** A store whose order-path writes are written at once and flushed when the test says. */
    private static final class SlowFlushStore implements TradeRepository {
        final Promise<Void> flushed = Promise.promise();

        @Override
        public Appended appendWritten(List<JournalEntry> entries) {
            return new Appended(Future.succeededFuture(), flushed.future());
        }

        @Override
        public Future<Void> append(JournalEntry entry) {
            return flushed.future();
        }

        @Override
        public Future<List<JournalEntry>> recent(int limit) {
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Void> forEach(Consumer<JournalEntry> visitor) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }

    @Test
    void theOrdersMayGoOnceTheRequestsAreWrittenButNobodyHearsOfThemBeforeTheirFlush() {
        SlowFlushStore store = new SlowFlushStore();
        List<String> seen = new ArrayList<>();
        RepositoryJournal journal = new RepositoryJournal(store, Runnable::run, entry -> seen.add("published"));

        CompletionStage<Void> written =
                journal.appendWritten(List.of(JournalSamples.order(1), JournalSamples.order(2)));
        written.thenRun(() -> seen.add("orders sent"));

        assertTrue(written.toCompletableFuture().isDone());
        assertEquals(List.of("orders sent"), seen, "the steps are published only once durable");
        store.flushed.complete();
        assertEquals(List.of("orders sent", "published", "published"), seen);
    }

    @Test
    void anEntryThatCannotBePublishedNeitherFailsTheAppendNorKeepsTheNextEntriesFromTheirSubscribers() {
        SlowFlushStore store = new SlowFlushStore();
        List<JournalEntry> seen = new ArrayList<>();
        JournalEntry first = JournalSamples.order(1);
        RepositoryJournal journal = new RepositoryJournal(store, Runnable::run, entry -> {
            if (entry == first) {
                throw new IllegalArgumentException("No message codec for type: " + entry.getClass());
            }
            seen.add(entry);
        });
        store.flushed.complete();

        CompletionStage<Void> appended = journal.appendAll(List.of(first, JournalSamples.order(2)));

        assertTrue(appended.toCompletableFuture().isDone());
        assertTrue(!appended.toCompletableFuture().isCompletedExceptionally(), "the entries are on record");
        assertEquals(List.of(JournalSamples.order(2)), seen);
    }
}

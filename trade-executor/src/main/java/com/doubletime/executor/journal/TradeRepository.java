package com.doubletime.executor.journal;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where the executor records every decision and fill. An entry counts as recorded only when
 * {@link #append} has completed: the executor acknowledges nothing (publishes no report, sends no order)
 * before that.
 */
public interface TradeRepository {
    /** Durably records one entry; entries appended from one context are recorded in call order. */
    Future<Void> append(JournalEntry entry);

    /**
     * Durably records several entries together, in list order and in call order with {@link #append}; an entry
     * already recorded (same {@linkplain TradeJournalJson#eventId event id}) is not recorded again. Completes when
     * all of them are durable. A store that can (the file, PostgreSQL) writes them in one write and one flush:
     * the executor journals both legs' requests before sending either order, and one flush instead of two is
     * the difference on its latency path. This default appends them one by one (each append keeps call order).
     */
    default Future<Void> appendAll(List<JournalEntry> entries) {
        List<Future<Void>> writes = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            writes.add(append(entry));
        }
        return Future.all(writes).mapEmpty();
    }

    /** The last {@code limit} entries recorded (including those read back at start-up), oldest first. */
    Future<List<JournalEntry>> recent(int limit);

    /**
     * Visits every entry recorded, oldest first (positions, P&amp;L and the operator's controls are rebuilt from
     * the whole journal at start-up). The visitor may run on a worker thread; the future completes after it.
     */
    Future<Void> forEach(Consumer<JournalEntry> visitor);

    /**
     * Reads every entry back oldest first, as {@link #forEach}, telling {@code readBack} where each one is and every
     * line or row that cannot be read (the stores that can find one override this; this default numbers the
     * entries). Duplicates are passed on as found: the reader decides by event id.
     */
    default Future<Void> readBack(ReadBack readBack) {
        AtomicLong number = new AtomicLong();
        return forEach(entry -> readBack.entry(entry, "entry " + number.incrementAndGet()));
    }

    Future<Void> close();
}

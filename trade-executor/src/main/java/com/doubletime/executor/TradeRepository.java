package com.doubletime.executor;

import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where the executor records every decision and fill. An entry counts as recorded only when
 * {@link #append} has completed: the executor acknowledges nothing (publishes no report, sends no order)
 * before that.
 */
public interface TradeRepository {
    /** Durably records one entry; entries appended from one context are recorded in call order. */
    Future<Void> append(JournalEntry entry);

    /** The last {@code limit} entries recorded (including those read back at start-up), oldest first. */
    Future<List<JournalEntry>> recent(int limit);

    /**
     * Visits every entry recorded, oldest first (positions, P&amp;L and the operator's controls are rebuilt from
     * the whole journal at start-up). The visitor may run on a worker thread; the future completes after it.
     */
    Future<Void> forEach(java.util.function.Consumer<JournalEntry> visitor);

    Future<Void> close();
}

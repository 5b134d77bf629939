package com.doubletime.executor.lifecycle;

import com.doubletime.domain.trade.JournalEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The journal as the trade lifecycle sees it: an entry counts once its stage completed, and nothing that
 * depends on an entry (an order leaving, a report being published) happens before. The verticle adapts the
 * executor's {@code TradeRepository}; a backtest may journal to memory.
 *
 * <p>Seam for the latency work: this is the only place the lifecycle waits for the disk. A journal that answers
 * once an entry is written and flushes in the background changes what "counts" means here, and must say so.
 */
public interface TradeJournal {
    CompletionStage<Void> append(JournalEntry entry);

    /**
     * The entries, in order, all durable when the stage completes (one write and one flush where the store can:
     * the live legs' two order requests are journaled this way before either order is sent). This default
     * appends them one after the other.
     */
    default CompletionStage<Void> appendAll(List<JournalEntry> entries) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (JournalEntry entry : entries) {
            chain = chain.thenCompose(done -> append(entry));
        }
        return chain;
    }
}

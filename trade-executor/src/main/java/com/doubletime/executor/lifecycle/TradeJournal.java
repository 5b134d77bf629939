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
 * <p>This is the only place the lifecycle waits for the disk. {@link #appendWritten} is the one write that does not
 * wait for the flush: what the order path journals right before an order leaves (the durability contract in the
 * trade-executor README).
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

    /**
     * The entries, in order, written where the process dying cannot lose them when the stage completes; their flush
     * runs on, and nothing that reports them to anyone (a published step, a report) happens before it completes. A
     * failed flush is the journal's outage (trading halts). This default waits for the flush ({@link #appendAll}).
     */
    default CompletionStage<Void> appendWritten(List<JournalEntry> entries) {
        return appendAll(entries);
    }
}

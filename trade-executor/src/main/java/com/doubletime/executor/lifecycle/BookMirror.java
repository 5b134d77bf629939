package com.doubletime.executor.lifecycle;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * The executor's own copy of every book, from the feeds' market data, and the wait of a decision for its books
 * to catch up with its opportunity's. Single writer: the executor's thread.
 *
 * <p>The opportunity can overtake the market data it was computed from: when the feed and the monitor share an
 * event loop, the monitor gets the batch inline and publishes the opportunity before the same batch is queued
 * for the executor. Without the wait, the last look would see the book before the window opened and reject a
 * live opportunity; with a slow journal flush in front of it that rarely showed, with a fast one it does.
 */
public final class BookMirror {
    /** How long a decision waits for this executor's books to catch up with its opportunity's at most. */
    public static final long CATCH_UP_MILLIS = 50;

    private final OrderbookSet books = new OrderbookSet();
    private final Scheduler scheduler;
    /** Decisions waiting for market data; each answers true once done (caught up or timed out). */
    private final List<BooleanSupplier> waiting = new ArrayList<>();

    public BookMirror(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public OrderbookSet books() {
        return books;
    }

    public void apply(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            books.apply(event);
        }
        if (!waiting.isEmpty()) {
            waiting.removeIf(BooleanSupplier::getAsBoolean);
        }
    }

    /**
     * Completes once this copy of the pair's books is at least as new as the books the opportunity was found on,
     * or after {@link #CATCH_UP_MILLIS} (the last look then judges the books as they are). At once when there is
     * nothing to wait for (no pair, no opportunity, or the books are already as new).
     */
    public CompletionStage<Void> caughtUp(MarketPair pair, Opportunity opportunity) {
        if (pair == null || opportunity == null || asNewAs(pair, opportunity)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(CATCH_UP_MILLIS, () -> caughtUp.complete(null));
        waiting.add(() -> {
            if (caughtUp.isDone()) {
                return true;
            }
            if (!asNewAs(pair, opportunity)) {
                return false;
            }
            timer.cancel();
            caughtUp.complete(null);
            return true;
        });
        return caughtUp;
    }

    private boolean asNewAs(MarketPair pair, Opportunity opportunity) {
        return updatedAt(Platform.KALSHI, pair.kalshiTicker()) >= opportunity.kalshiBookNanos()
                && Math.max(
                                updatedAt(Platform.POLYMARKET, pair.yesTokenId()),
                                updatedAt(Platform.POLYMARKET, pair.noTokenId()))
                        >= opportunity.polymarketBookNanos();
    }

    private long updatedAt(Platform platform, String instrument) {
        Orderbook book = books.find(platform, instrument);
        return book == null ? Long.MIN_VALUE : book.updatedAtNanos();
    }
}

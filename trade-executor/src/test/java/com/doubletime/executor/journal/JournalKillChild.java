package com.doubletime.executor.journal;

import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The process {@link JournalKillIT} kills: writes trades' order-path entries (three a trade) to the journal at
 * {@code args[0]} as the executor does, printing {@code WRITTEN n} once trade n's write has answered (what an order
 * waits for), and waits for the flush of every 50th only, so most kills land while flushes are in flight.
 */
public final class JournalKillChild {
    private static final int ENTRIES_PER_TRADE = 3;
    private static final int FLUSH_WAITED_EVERY = 50;

    private JournalKillChild() {}

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        JsonLinesTradeRepository journal =
                JsonLinesTradeRepository.open(vertx, Path.of(args[0]), 10).await(30, TimeUnit.SECONDS);
        for (int trade = 0; ; trade++) {
            int first = ENTRIES_PER_TRADE * trade;
            TradeRepository.Appended appended = journal.appendWritten(List.of(
                    JournalSamples.order(first), JournalSamples.order(first + 1), JournalSamples.order(first + 2)));
            appended.written().await(30, TimeUnit.SECONDS);
            System.out.println("WRITTEN " + trade);
            System.out.flush();
            if (trade % FLUSH_WAITED_EVERY == 0) {
                appended.durable().await(30, TimeUnit.SECONDS);
            }
        }
    }
}

package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL journal against the repository contract, on a real server ({@link LocalPostgres}). */
class PostgresTradeRepositoryIT extends TradeRepositoryContract {
    private PostgresJournalConfig config;

    @BeforeEach
    void database() throws Exception {
        config = LocalPostgres.shared().newDatabase("trade_journal");
    }

    @Override
    protected TradeRepository openStorage() throws Exception {
        return PostgresTradeRepository.open(vertx, config).await(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void failsToOpenNamingTheServerButNotThePassword() {
        Vertx other = vertx;
        PostgresJournalConfig unreachable =
                new PostgresJournalConfig("127.0.0.1", 1, "nope", "trader", "s3cret-pw", "trade_journal", 2_000);
        Exception failure = Assertions.assertThrows(
                Exception.class,
                () -> PostgresTradeRepository.open(other, unreachable).await(WAIT, TimeUnit.SECONDS));
        String message =
                failure instanceof ExecutionException ? failure.getCause().getMessage() : failure.getMessage();
        assertTrue(message.contains("127.0.0.1:1/nope"), message);
        assertTrue(!message.contains("s3cret-pw"), message);
    }

    @Test
    void aRowThatCannotBeDecodedIsReportedWithItsTableAndSeqAndAnOverLongBodyIsNotFetched() throws Exception {
        TradeRepository repository = openStorage();
        repository.append(JournalSamples.PAPER_DECISION).await(WAIT, TimeUnit.SECONDS);
        Pool pool = LocalPostgres.pool(vertx, config);
        try {
            pool.query("INSERT INTO trade_journal (event_id, type, trade_id, body) VALUES "
                            + "('hand-edit', 'trade', 'trade-1', '{\"type\":\"trade\",\"tradeId\":1}'), "
                            + "('huge', 'alert', null, repeat('x', 2000000))")
                    .execute()
                    .await(WAIT, TimeUnit.SECONDS);
        } finally {
            pool.close().await(WAIT, TimeUnit.SECONDS);
        }
        repository.append(JournalSamples.PAPER_REPORT).await(WAIT, TimeUnit.SECONDS);
        List<String> read = new ArrayList<>();

        repository
                .readBack(new ReadBack() {
                    @Override
                    public void entry(JournalEntry entry, String where) {
                        read.add(where + " " + TradeJournalJson.type(entry));
                    }

                    @Override
                    public void unreadable(String where, String problem) {
                        read.add(where + ": " + problem);
                    }
                })
                .await(WAIT, TimeUnit.SECONDS);
        repository.close().await(WAIT, TimeUnit.SECONDS);

        assertEquals(4, read.size(), read.toString());
        assertEquals("trade_journal seq 1 trade_decision", read.get(0));
        assertEquals("trade_journal seq 2: missing field 'opportunityId'", read.get(1));
        assertEquals(
                "trade_journal seq 3: body of 2000000 bytes, over the 1048576-byte limit of a journal entry",
                read.get(2));
        assertEquals("trade_journal seq 4 trade", read.get(3));
    }
}

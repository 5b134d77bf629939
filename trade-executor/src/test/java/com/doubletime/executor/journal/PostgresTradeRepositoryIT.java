package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
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
}

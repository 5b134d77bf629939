package com.doubletime.executor.journal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** The file journal against the repository contract. */
class JsonLinesTradeRepositoryContractTest extends TradeRepositoryContract {
    @TempDir
    Path dir;

    @Override
    protected TradeRepository openStorage() throws Exception {
        return JsonLinesTradeRepository.open(vertx, dir.resolve("trades.jsonl"), 1_000)
                .await(WAIT, TimeUnit.SECONDS);
    }
}

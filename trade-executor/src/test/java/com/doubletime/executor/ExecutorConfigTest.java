package com.doubletime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.executor.journal.JournalSync;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecutorConfigTest {
    @Test
    void defaultsToPaperModeAndAThousandDollarsPerTrade() {
        ExecutorConfig config = ExecutorConfig.fromJson(new JsonObject());

        assertEquals(ExecutionMode.PAPER, config.mode());
        assertEquals(0, new BigDecimal("1000").compareTo(config.maxNotionalPerTrade()));
        assertEquals(Path.of("data", "trades.jsonl"), config.journalPath());
        assertEquals(Duration.ofSeconds(60), config.maxBookAge());
        assertEquals(ExecutorConfig.DEFAULT, config);
    }

    @Test
    void readsEveryField() {
        ExecutorConfig config = ExecutorConfig.fromJson(new JsonObject()
                .put("mode", "LIVE")
                .put("maxNotionalPerTrade", "250.50")
                .put("journalPath", "/tmp/j.jsonl")
                .put("maxBookAgeMillis", 1500)
                .put("recentTrades", 20));

        assertEquals(
                new ExecutorConfig(
                        ExecutionMode.LIVE,
                        new BigDecimal("250.50"),
                        Path.of("/tmp/j.jsonl"),
                        Duration.ofMillis(1500),
                        20),
                config);
    }

    @Test
    void theJournalIsForcedToDiskUnlessWriteOnlyIsChosenByName() {
        assertEquals(
                JournalSync.FDATASYNC, ExecutorConfig.fromJson(new JsonObject()).journalSync());
        assertEquals(JournalSync.FDATASYNC, ExecutorConfig.DEFAULT.journalSync());
        assertEquals(
                JournalSync.WRITE_ONLY,
                ExecutorConfig.fromJson(new JsonObject().put("journalSync", "write-only"))
                        .journalSync());
        assertEquals(
                "executor.journalSync must be fdatasync or write-only, got async",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject().put("journalSync", "async")))
                        .getMessage());
    }

    @Test
    void rejectsInvalidFieldsNamingThem() {
        assertEquals(
                "executor.mode must be paper or live, got sim",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject().put("mode", "sim")))
                        .getMessage());
        assertEquals(
                "executor.maxNotionalPerTrade must be a positive number of dollars",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject().put("maxNotionalPerTrade", "-1")))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ExecutorConfig.fromJson(new JsonObject().put("maxNotionalPerTrade", "lots")));
    }
}

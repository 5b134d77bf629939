package com.doubletime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.executor.journal.JournalSync;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void capitalDefaultsToTenThousandPaperDollarsPerVenueAndReadsEveryField() {
        CapitalSettings defaults = ExecutorConfig.fromJson(new JsonObject()).capital();
        assertEquals(Map.of(0, new BigDecimal("10000")), defaults.paperKalshiCash());
        assertEquals(new BigDecimal("10000"), defaults.paperPolymarketCash());
        assertEquals(Map.of(), defaults.freeCashFloor());

        CapitalSettings read = ExecutorConfig.fromJson(new JsonObject()
                        .put(
                                "capital",
                                new JsonObject()
                                        .put(
                                                "paperCash",
                                                new JsonObject()
                                                        .put(
                                                                "kalshi",
                                                                new JsonObject()
                                                                        .put("0", "800")
                                                                        .put("2", "200"))
                                                        .put("polymarket", "750.50"))
                                        .put("refreshIntervalMillis", 5000)
                                        .put("freeCashFloor", new JsonObject().put("polymarket", "100"))
                                        .put("rankingWindowMillis", 0)))
                .capital();

        assertEquals(Map.of(0, new BigDecimal("800"), 2, new BigDecimal("200")), read.paperKalshiCash());
        assertEquals(new BigDecimal("750.50"), read.paperPolymarketCash());
        assertEquals(5000, read.refreshIntervalMillis());
        assertEquals(Map.of(Platform.POLYMARKET, new BigDecimal("100")), read.freeCashFloor());
        assertEquals(0, read.rankingWindowMillis());
    }

    @Test
    void refusesCapitalSettingsNamingTheField() {
        assertEquals(
                "executor.capital.paperCash.polymarket must not be below 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject()
                                        .put(
                                                "capital",
                                                new JsonObject()
                                                        .put("paperCash", new JsonObject().put("polymarket", "-1")))))
                        .getMessage());
        assertEquals(
                "executor.capital.freeCashFloor.binance is not a venue (kalshi, polymarket)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject()
                                        .put(
                                                "capital",
                                                new JsonObject()
                                                        .put("freeCashFloor", new JsonObject().put("binance", "1")))))
                        .getMessage());
        assertEquals(
                "executor.capital.paperCash.kalshi.x is not a shard (exchange_index 0, 1, 2, …)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExecutorConfig.fromJson(new JsonObject()
                                        .put(
                                                "capital",
                                                new JsonObject()
                                                        .put(
                                                                "paperCash",
                                                                new JsonObject()
                                                                        .put(
                                                                                "kalshi",
                                                                                new JsonObject().put("x", "1"))))))
                        .getMessage());
    }
}

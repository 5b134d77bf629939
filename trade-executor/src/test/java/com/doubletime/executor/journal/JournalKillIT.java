package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durability contract's first half (trade-executor README): an entry the order path's write has answered for
 * survives the process dying, flushed or not. A child process writes trades as the executor does and is killed with
 * SIGKILL right after a chosen trade's write answered (the first, before any flush was waited for; one deep in a
 * stream of writes whose flushes are in flight); the journal reopened holds every entry of every trade the child said
 * was written, and nothing it cannot read.
 */
@Timeout(120)
class JournalKillIT {
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "killed right after trade {0} was written")
    @ValueSource(ints = {0, 737})
    void everyEntryWrittenBeforeAKillMinusNineIsInTheJournalReopened(int killAfter) throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalKillChild.class.getName(),
                        journal.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int lastWritten = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("WRITTEN ")) {
                    lastWritten = Integer.parseInt(line.substring("WRITTEN ".length()));
                    if (lastWritten == killAfter) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing more written
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(killAfter, lastWritten, "the child stopped before the chosen trade");

        JsonLinesTradeRepository reopened =
                JsonLinesTradeRepository.open(vertx, journal, 10).await(30, TimeUnit.SECONDS);
        Set<String> recorded = new HashSet<>();
        reopened.forEach(entry -> recorded.add(TradeJournalJson.eventId(entry))).await(30, TimeUnit.SECONDS);
        reopened.close().await(10, TimeUnit.SECONDS);
        assertEquals(0, reopened.skippedLines());
        for (int entry = 0; entry < 3 * (killAfter + 1); entry++) {
            String id = TradeJournalJson.eventId(JournalSamples.order(entry));
            assertTrue(recorded.contains(id), "entry " + id + " was written before the kill and is missing");
        }
    }
}

package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class JsonLinesTradeRepositoryTest {
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private JsonLinesTradeRepository open(Path path, int retained) throws Exception {
        return JsonLinesTradeRepository.open(vertx, path, retained).await(10, TimeUnit.SECONDS);
    }

    @Test
    void writesOneLinePerEntryAndReadsThemBackAfterReopening() throws Exception {
        Path journal = dir.resolve("journal/trades.jsonl");
        JsonLinesTradeRepository repository = open(journal, 100);
        repository.append(JournalSamples.PAPER_DECISION).await(10, TimeUnit.SECONDS);
        repository.append(JournalSamples.PAPER_REPORT).await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertEquals(
                List.of(
                        TradeJournalJson.write(JournalSamples.PAPER_DECISION),
                        TradeJournalJson.write(JournalSamples.PAPER_REPORT)),
                lines);

        JsonLinesTradeRepository reopened = open(journal, 100);
        List<JournalEntry> recent = reopened.recent(10).await(10, TimeUnit.SECONDS);
        assertEquals(lines, recent.stream().map(TradeJournalJson::write).toList());
        reopened.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void recentReturnsTheLastEntriesOldestFirst() throws Exception {
        JsonLinesTradeRepository repository = open(dir.resolve("trades.jsonl"), 2);
        for (JournalEntry entry :
                List.of(JournalSamples.decision(1), JournalSamples.report(1), JournalSamples.decision(2))) {
            repository.append(entry).await(10, TimeUnit.SECONDS);
        }

        List<JournalEntry> recent = repository.recent(5).await(10, TimeUnit.SECONDS);

        assertEquals(List.of(JournalSamples.report(1), JournalSamples.decision(2)), recent);
        assertEquals(List.of(JournalSamples.decision(2)), repository.recent(1).await(10, TimeUnit.SECONDS));
        repository.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void cutsOffALastLineTornByACrashAndStartsTheNextEntryOnAFreshLine() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        String good = TradeJournalJson.write(JournalSamples.PAPER_REPORT);
        Files.writeString(journal, good + "\n" + good.substring(0, 40), StandardOpenOption.CREATE_NEW);

        JsonLinesTradeRepository repository = open(journal, 100);
        assertEquals(0, repository.skippedLines(), "a write cut short was never acknowledged: not damage");
        assertEquals(good + "\n", Files.readString(journal), "the torn write is cut off");
        assertEquals(1, repository.recent(10).await(10, TimeUnit.SECONDS).size());
        repository.append(JournalSamples.PAPER_DECISION).await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);

        JsonLinesTradeRepository reopened = open(journal, 100);
        List<JournalEntry> recent = reopened.recent(10).await(10, TimeUnit.SECONDS);
        assertEquals(2, recent.size());
        assertTrue(recent.get(1) instanceof TradeDecision);
        assertEquals(0, reopened.skippedLines());
        reopened.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aCompleteLastLineThatCannotBeReadIsKeptAsDamageNotCutOff() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        String good = TradeJournalJson.write(JournalSamples.PAPER_DECISION);
        String bad = TradeJournalJson.write(JournalSamples.PAPER_REPORT).replace("\"97.847930\"", "\"9x\"");
        Files.writeString(journal, good + "\n" + bad, StandardOpenOption.CREATE_NEW);

        JsonLinesTradeRepository repository = open(journal, 100);
        List<String> unreadable = new ArrayList<>();
        repository
                .readBack(new ReadBack() {
                    @Override
                    public void entry(JournalEntry entry, String where) {}

                    @Override
                    public void unreadable(String where, String problem) {
                        unreadable.add(where + ": " + problem);
                    }
                })
                .await(10, TimeUnit.SECONDS);
        repository.close().await(10, TimeUnit.SECONDS);

        assertEquals(1, repository.skippedLines());
        assertEquals(good + "\n" + bad + "\n", Files.readString(journal), "kept, and ended so the next entry is whole");
        assertEquals(1, unreadable.size());
        assertTrue(unreadable.get(0).startsWith(journal + " line 2: malformed trade entry"), unreadable.get(0));
    }

    @Test
    void aRepeatedLineIsOneRecentEntry() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        String line = TradeJournalJson.write(JournalSamples.PAPER_REPORT) + "\n";
        Files.writeString(journal, line + line, StandardOpenOption.CREATE_NEW);

        JsonLinesTradeRepository repository = open(journal, 100);

        assertEquals(1, repository.recent(10).await(10, TimeUnit.SECONDS).size());
        repository.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void keepsAppendOrderForEntriesAppendedWithoutWaiting() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        JsonLinesTradeRepository repository = open(journal, 1000);
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                writes.add(repository.append(i % 2 == 0 ? JournalSamples.decision(i) : JournalSamples.report(i)));
            }
            Future.all(writes).<Void>mapEmpty().onComplete(done);
        });
        done.future().await(20, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(journal);
        assertEquals(50, lines.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i % 2 == 0 ? "trade_decision" : "trade", new JsonObject(lines.get(i)).getString("type"));
        }
        repository.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void entriesAppendedTogetherAreForcedToDiskOnceAndSkipWhatIsAlreadyRecorded() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        JsonLinesTradeRepository repository = open(journal, 1000);
        repository.append(JournalSamples.order(1)).await(10, TimeUnit.SECONDS);
        assertEquals(1, repository.forces());

        repository
                .appendAll(List.of(JournalSamples.order(2), JournalSamples.order(3)))
                .await(10, TimeUnit.SECONDS);
        assertEquals(2, repository.forces(), "two entries, one fdatasync");

        repository
                .appendAll(List.of(JournalSamples.order(2), JournalSamples.order(3)))
                .await(10, TimeUnit.SECONDS);
        assertEquals(2, repository.forces(), "nothing new to write, nothing forced");
        assertEquals(
                List.of(
                        TradeJournalJson.write(JournalSamples.order(1)),
                        TradeJournalJson.write(JournalSamples.order(2)),
                        TradeJournalJson.write(JournalSamples.order(3))),
                Files.readAllLines(journal));
        repository.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aWriteOnlyJournalRecordsEveryEntryWithoutForcingTheDisk() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        JsonLinesTradeRepository repository = JsonLinesTradeRepository.open(vertx, journal, 100, JournalSync.WRITE_ONLY)
                .await(10, TimeUnit.SECONDS);
        repository.append(JournalSamples.decision(1)).await(10, TimeUnit.SECONDS);
        repository
                .appendAll(List.of(JournalSamples.order(2), JournalSamples.order(3)))
                .await(10, TimeUnit.SECONDS);

        assertEquals(0, repository.forces());
        assertEquals(
                List.of(
                        TradeJournalJson.write(JournalSamples.decision(1)),
                        TradeJournalJson.write(JournalSamples.order(2)),
                        TradeJournalJson.write(JournalSamples.order(3))),
                Files.readAllLines(journal));
        repository.close().await(10, TimeUnit.SECONDS);
    }
}

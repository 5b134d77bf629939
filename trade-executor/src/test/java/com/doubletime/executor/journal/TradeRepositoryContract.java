package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Entries are compared by their journal line: that is what is recorded (a read-back decimal may differ
 * from the written one in scale only).
 *
 * <p>What every {@link TradeRepository} must do, run against each implementation (exchange-core's
 * abstract-suite style): entries of every kind come back equal and in call order, after reopening too;
 * appends not awaited keep their order; an entry written twice is recorded once; {@code recent} and
 * {@code forEach} agree with what was written; entries appended together ({@code appendAll}) are recorded in
 * list order, in call order with single appends, and once per event id.
 */
@Timeout(180)
abstract class TradeRepositoryContract {
    static final long WAIT = 60;
    protected final Vertx vertx = Vertx.vertx();
    private final List<TradeRepository> opened = new ArrayList<>();

    /** Opens the implementation's storage for this test; a second call reopens the same storage. */
    protected abstract TradeRepository openStorage() throws Exception;

    protected TradeRepository open() throws Exception {
        TradeRepository repository = openStorage();
        opened.add(repository);
        return repository;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (TradeRepository repository : opened) {
            try {
                repository.close().await(WAIT, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closed by the test already
            }
        }
        vertx.close().await(WAIT, TimeUnit.SECONDS);
    }

    private static List<String> lines(List<JournalEntry> entries) {
        return entries.stream().map(TradeJournalJson::write).toList();
    }

    private static List<JournalEntry> all(TradeRepository repository) throws Exception {
        List<JournalEntry> visited = new ArrayList<>();
        repository
                .forEach(entry -> {
                    synchronized (visited) {
                        visited.add(entry);
                    }
                })
                .await(WAIT, TimeUnit.SECONDS);
        return visited;
    }

    @Test
    void readsBackEveryKindOfEntryEqualAndInOrderAfterReopening() throws Exception {
        List<JournalEntry> written =
                IntStream.range(0, 10).mapToObj(JournalSamples::mixed).toList();
        TradeRepository repository = open();
        for (JournalEntry entry : written) {
            repository.append(entry).await(WAIT, TimeUnit.SECONDS);
        }
        assertEquals(lines(written), lines(all(repository)));
        repository.close().await(WAIT, TimeUnit.SECONDS);

        TradeRepository reopened = open();
        assertEquals(lines(written), lines(all(reopened)));
        assertEquals(lines(written), lines(reopened.recent(100).await(WAIT, TimeUnit.SECONDS)));
    }

    @Test
    void recentAnswersTheLastEntriesOldestFirst() throws Exception {
        TradeRepository repository = open();
        for (int n = 0; n < 5; n++) {
            repository.append(JournalSamples.mixed(n)).await(WAIT, TimeUnit.SECONDS);
        }
        assertEquals(
                lines(List.of(JournalSamples.mixed(3), JournalSamples.mixed(4))),
                lines(repository.recent(2).await(WAIT, TimeUnit.SECONDS)));
        assertEquals(5, repository.recent(50).await(WAIT, TimeUnit.SECONDS).size());
        assertEquals(List.of(), repository.recent(0).await(WAIT, TimeUnit.SECONDS));
    }

    @Test
    void keepsCallOrderForAppendsNotAwaited() throws Exception {
        TradeRepository repository = open();
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> {
            List<Future<Void>> writes = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                writes.add(repository.append(JournalSamples.mixed(n)));
            }
            Future.all(writes).<Void>mapEmpty().onComplete(done);
        });
        done.future().await(WAIT, TimeUnit.SECONDS);

        assertEquals(
                lines(IntStream.range(0, 60).mapToObj(JournalSamples::mixed).toList()), lines(all(repository)));
    }

    @Test
    void recordsAnEntryWrittenTwiceOnceEvenAfterReopening() throws Exception {
        TradeRepository repository = open();
        repository.append(JournalSamples.order(1)).await(WAIT, TimeUnit.SECONDS);
        repository.append(JournalSamples.order(1)).await(WAIT, TimeUnit.SECONDS);
        repository.append(JournalSamples.decision(2)).await(WAIT, TimeUnit.SECONDS);
        repository.close().await(WAIT, TimeUnit.SECONDS);

        TradeRepository reopened = open();
        reopened.append(JournalSamples.decision(2)).await(WAIT, TimeUnit.SECONDS);
        reopened.append(JournalSamples.alert(3)).await(WAIT, TimeUnit.SECONDS);

        assertEquals(
                lines(List.of(JournalSamples.order(1), JournalSamples.decision(2), JournalSamples.alert(3))),
                lines(all(reopened)));
    }

    @Test
    void recordsEntriesAppendedTogetherInListOrderAfterReopening() throws Exception {
        TradeRepository repository = open();
        repository.append(JournalSamples.decision(1)).await(WAIT, TimeUnit.SECONDS);
        repository
                .appendAll(List.of(JournalSamples.order(2), JournalSamples.order(3)))
                .await(WAIT, TimeUnit.SECONDS);
        repository.append(JournalSamples.report(4)).await(WAIT, TimeUnit.SECONDS);
        List<JournalEntry> expected = List.of(
                JournalSamples.decision(1), JournalSamples.order(2), JournalSamples.order(3), JournalSamples.report(4));
        assertEquals(lines(expected), lines(all(repository)));
        assertEquals(lines(expected), lines(repository.recent(10).await(WAIT, TimeUnit.SECONDS)));
        repository.close().await(WAIT, TimeUnit.SECONDS);

        assertEquals(lines(expected), lines(all(open())));
    }

    @Test
    void entriesAppendedTogetherKeepCallOrderWithAppendsNotAwaited() throws Exception {
        TradeRepository repository = open();
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> Future.all(List.of(
                        repository.append(JournalSamples.mixed(0)),
                        repository.appendAll(List.of(JournalSamples.mixed(1), JournalSamples.mixed(2))),
                        repository.append(JournalSamples.mixed(3)),
                        repository.appendAll(
                                List.of(JournalSamples.mixed(4), JournalSamples.mixed(5), JournalSamples.mixed(6)))))
                .<Void>mapEmpty()
                .onComplete(done));
        done.future().await(WAIT, TimeUnit.SECONDS);

        assertEquals(lines(IntStream.range(0, 7).mapToObj(JournalSamples::mixed).toList()), lines(all(repository)));
    }

    @Test
    void entriesAppendedTogetherAreRecordedOnceByEventId() throws Exception {
        TradeRepository repository = open();
        repository.append(JournalSamples.order(1)).await(WAIT, TimeUnit.SECONDS);
        // one already recorded, one repeated inside the list: each recorded once, the new one still recorded
        repository
                .appendAll(List.of(JournalSamples.order(1), JournalSamples.order(2), JournalSamples.order(2)))
                .await(WAIT, TimeUnit.SECONDS);
        repository.close().await(WAIT, TimeUnit.SECONDS);

        TradeRepository reopened = open();
        reopened.appendAll(List.of(JournalSamples.order(2), JournalSamples.alert(3)))
                .await(WAIT, TimeUnit.SECONDS);

        assertEquals(
                lines(List.of(JournalSamples.order(1), JournalSamples.order(2), JournalSamples.alert(3))),
                lines(all(reopened)));
    }

    @Test
    void visitsAJournalLongerThanOneReadPage() throws Exception {
        TradeRepository repository = open();
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> {
            List<Future<Void>> writes = new ArrayList<>();
            for (int n = 0; n < 1_100; n++) {
                writes.add(repository.append(JournalSamples.order(n)));
            }
            Future.all(writes).<Void>mapEmpty().onComplete(done);
        });
        done.future().await(WAIT * 2, TimeUnit.SECONDS);

        List<JournalEntry> visited = all(repository);
        assertEquals(1_100, visited.size());
        assertEquals(TradeJournalJson.write(JournalSamples.order(0)), TradeJournalJson.write(visited.get(0)));
        assertEquals(TradeJournalJson.write(JournalSamples.order(1_099)), TradeJournalJson.write(visited.get(1_099)));
    }
}

package com.doubletime.executor.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.executor.fixtures.JournalSamples;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PostgreSQL journal's fencing epoch on a real server ({@link LocalPostgres}): each claim is the next epoch, a
 * write under an older epoch is refused and records nothing, and the two races that make it sound — a write in
 * flight while an epoch is claimed, and a claim in flight while a write starts — both end with every row of the old
 * epoch committed before the new epoch, never after.
 */
@Timeout(120)
class JournalEpochsIT {
    private static final long WAIT = 60;
    private static final String TABLE = "trade_journal";
    /** Long enough for a statement that is not blocked to have finished on the shared machine. */
    private static final long BLOCKED_MILLIS = 500;

    private final Vertx vertx = Vertx.vertx();
    private final List<PostgresTradeRepository> opened = new ArrayList<>();
    private PostgresJournalConfig config;
    private Pool raw;

    @BeforeEach
    void database() throws Exception {
        config = LocalPostgres.shared().newDatabase(TABLE);
        raw = LocalPostgres.pool(vertx, config);
    }

    @AfterEach
    void close() throws Exception {
        for (PostgresTradeRepository repository : opened) {
            repository.close().await(WAIT, TimeUnit.SECONDS);
        }
        raw.close().await(WAIT, TimeUnit.SECONDS);
        vertx.close().await(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void eachClaimIsTheNextEpochAndNamesThePreviousHolder() throws Exception {
        PostgresTradeRepository a = open();
        PostgresTradeRepository b = open();
        assertEquals(0, a.epoch(), "not fenced before a claim");

        JournalEpochs.Claimed first = a.claimEpoch("executor-1").await(WAIT, TimeUnit.SECONDS);
        JournalEpochs.Claimed second = b.claimEpoch("executor-2").await(WAIT, TimeUnit.SECONDS);

        assertEquals(1, first.epoch());
        assertNull(first.previousHolder());
        assertEquals(2, second.epoch());
        assertEquals("executor-1", second.previousHolder());
        assertTrue(second.sinceMillis() >= first.sinceMillis());
        assertEquals(2, b.epoch());
    }

    @Test
    void aWriteUnderAnOlderEpochIsRefusedAndRecordsNothingWhileTheNewHoldersWritesCarryItsEpoch() throws Exception {
        PostgresTradeRepository stale = open();
        List<JournalFencedException> told = new CopyOnWriteArrayList<>();
        stale.onFencedOut(told::add);
        stale.claimEpoch("executor-1").await(WAIT, TimeUnit.SECONDS);
        stale.append(JournalSamples.decision(1)).await(WAIT, TimeUnit.SECONDS);
        PostgresTradeRepository active = open();
        active.claimEpoch("executor-2").await(WAIT, TimeUnit.SECONDS);

        JournalFencedException refused = refusal(stale.append(JournalSamples.order(2)));
        JournalFencedException refusedBoth =
                refusal(stale.appendAll(List.of(JournalSamples.order(3), JournalSamples.order(4))));
        active.appendAll(List.of(JournalSamples.order(5), JournalSamples.report(5)))
                .await(WAIT, TimeUnit.SECONDS);

        assertEquals(1, refused.epoch());
        assertEquals(2, refused.newerEpoch());
        assertEquals("executor-2", refused.newerHolder());
        assertTrue(refused.getMessage().contains("epoch 2 was claimed by executor-2"), refused.getMessage());
        assertEquals(2, refusedBoth.newerEpoch());
        assertEquals(1, told.size(), "the owner is told once");
        assertEquals(
                List.of(
                        eventId(JournalSamples.decision(1)) + "@1",
                        eventId(JournalSamples.order(5)) + "@2",
                        eventId(JournalSamples.report(5)) + "@2"),
                rows());
    }

    @Test
    void aWriteInFlightWhenAnEpochIsClaimedCommitsBeforeTheClaimAndTheNewHolderReadsIt() throws Exception {
        PostgresTradeRepository old = open();
        old.claimEpoch("executor-1").await(WAIT, TimeUnit.SECONDS);
        // the old holder's write, caught between its share lock on the epoch and its commit
        SqlConnection writer = raw.getConnection().await(WAIT, TimeUnit.SECONDS);
        Transaction inFlight = writer.begin().await(WAIT, TimeUnit.SECONDS);
        writer.query("SELECT epoch FROM " + TABLE + "_epoch WHERE id = 1 FOR SHARE")
                .execute()
                .await(WAIT, TimeUnit.SECONDS);
        PostgresTradeRepository next = open();

        Future<JournalEpochs.Claimed> claim = next.claimEpoch("executor-2");
        Thread.sleep(BLOCKED_MILLIS);
        assertFalse(claim.isComplete(), "the claim waits for the write holding the epoch");
        JournalEntry late = JournalSamples.order(7);
        writer.preparedQuery("INSERT INTO " + TABLE + " (event_id, type, trade_id, body, epoch) "
                        + "VALUES ($1, $2, $3, $4, 1)")
                .execute(Tuple.of(
                        TradeJournalJson.eventId(late),
                        TradeJournalJson.type(late),
                        late.tradeId(),
                        TradeJournalJson.write(late)))
                .await(WAIT, TimeUnit.SECONDS);
        inFlight.commit().await(WAIT, TimeUnit.SECONDS);
        writer.close().await(WAIT, TimeUnit.SECONDS);

        assertEquals(2, claim.await(WAIT, TimeUnit.SECONDS).epoch());
        List<String> read = new ArrayList<>();
        next.forEach(entry -> read.add(TradeJournalJson.eventId(entry))).await(WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(TradeJournalJson.eventId(late)), read, "the new holder reads the old epoch's last row");
    }

    @Test
    void aWriteThatStartsWhileAClaimIsInFlightWaitsAndIsRefusedOnceTheClaimCommits() throws Exception {
        PostgresTradeRepository old = open();
        old.claimEpoch("executor-1").await(WAIT, TimeUnit.SECONDS);
        // the new holder's claim, caught between its update of the epoch and its commit
        SqlConnection claimer = raw.getConnection().await(WAIT, TimeUnit.SECONDS);
        Transaction claiming = claimer.begin().await(WAIT, TimeUnit.SECONDS);
        claimer.query("UPDATE " + TABLE + "_epoch SET epoch = epoch + 1, holder = 'executor-2' WHERE id = 1")
                .execute()
                .await(WAIT, TimeUnit.SECONDS);

        Future<Void> write = old.append(JournalSamples.decision(8));
        Thread.sleep(BLOCKED_MILLIS);
        assertFalse(write.isComplete(), "the write waits for the claim");
        claiming.commit().await(WAIT, TimeUnit.SECONDS);
        claimer.close().await(WAIT, TimeUnit.SECONDS);

        assertEquals(2, refusal(write).newerEpoch());
        assertEquals(List.of(), rows(), "nothing of the old epoch after the claim");
    }

    private PostgresTradeRepository open() throws Exception {
        PostgresTradeRepository repository =
                PostgresTradeRepository.open(vertx, config).await(WAIT, TimeUnit.SECONDS);
        opened.add(repository);
        return repository;
    }

    /** Every row as {@code eventId@epoch}, in journal order. */
    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        for (Row row : raw.query("SELECT event_id, epoch FROM " + TABLE + " ORDER BY seq")
                .execute()
                .await(WAIT, TimeUnit.SECONDS)) {
            out.add(row.getString("event_id") + "@" + row.getLong("epoch"));
        }
        return out;
    }

    private static String eventId(JournalEntry entry) {
        return TradeJournalJson.eventId(entry);
    }

    private static JournalFencedException refusal(Future<Void> write) throws Exception {
        try {
            write.await(WAIT, TimeUnit.SECONDS);
        } catch (JournalFencedException e) {
            return e;
        } catch (RuntimeException e) {
            return assertInstanceOf(JournalFencedException.class, e.getCause() == null ? e : e.getCause());
        }
        throw new AssertionError("the write was not refused");
    }
}

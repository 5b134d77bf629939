package com.doubletime.executor.journal;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fencing epoch of a PostgreSQL trade journal: one row in {@code <table>_epoch} holding the number of the
 * latest executor activation and who claimed it. An executor that takes over claims the next epoch before it reads
 * the journal; from then on each row it writes carries its epoch and is inserted by one statement that first takes
 * a share lock on the epoch row and inserts only while the epoch there is still its own.
 *
 * <p>Why that is sound: claiming updates the epoch row, which waits for every insert holding the share lock and
 * makes every later insert wait for the claim; an insert that waited then reads the claimed epoch (PostgreSQL
 * re-reads a row locked by a committed update). So in commit order every row of epoch N precedes the claim of
 * N + 1, and the new holder's read of the journal, which follows its claim, sees all of them. A previous holder
 * that wakes up after a pause, a split or a GC finds its writes refused ({@link JournalFencedException}) whatever
 * its own clock or lease says: its decisions, its order requests and its reports never reach the journal, and since
 * an order leaves only once its request is journaled, no order of its leaves either. Each write is a single
 * statement, so no transaction is ever held open across a pause.
 */
public final class JournalEpochs {
    private static final System.Logger LOG = System.getLogger(JournalEpochs.class.getName());
    private static final int COLUMNS = 4;

    /**
     * An epoch claimed.
     *
     * @param previousHolder who held the epoch before, or null for the first claim on this journal
     * @param sinceMillis    when it was claimed, by the database's clock
     */
    public record Claimed(long epoch, String holder, String previousHolder, long sinceMillis) {}

    private final Pool pool;
    private final String table;
    private volatile long epoch;
    private Consumer<JournalFencedException> fencedOut = refused -> {};
    private boolean toldFencedOut;

    JournalEpochs(Pool pool, String table) {
        this.pool = pool;
        this.table = table;
    }

    /** The epoch table and the journal's epoch column, created when missing. */
    static List<String> schema(String table) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + "_epoch (id smallint PRIMARY KEY CHECK (id = 1), "
                        + "epoch bigint NOT NULL, holder text NOT NULL, since timestamptz NOT NULL)",
                "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS epoch bigint");
    }

    boolean fenced() {
        return epoch > 0;
    }

    long epoch() {
        return epoch;
    }

    void onFencedOut(Consumer<JournalFencedException> listener) {
        this.fencedOut = listener;
    }

    Future<Claimed> claim(String holder) {
        String epochs = table + "_epoch";
        // two statements in one transaction: a data-modifying CTE cannot read the row it updates as it was before
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT holder FROM " + epochs + " WHERE id = 1 FOR UPDATE")
                        .execute()
                        .compose(previous -> connection
                                .preparedQuery(
                                        "INSERT INTO " + epochs + " AS e (id, epoch, holder, since) VALUES (1, 1,"
                                                + " $1, clock_timestamp()) ON CONFLICT (id) DO UPDATE SET epoch = e.epoch + 1,"
                                                + " holder = EXCLUDED.holder, since = EXCLUDED.since RETURNING epoch,"
                                                + " (extract(epoch FROM since) * 1000)::bigint AS since_millis, $2::text AS"
                                                + " previous")
                                .execute(Tuple.of(
                                        holder,
                                        previous.iterator().hasNext()
                                                ? previous.iterator().next().getString("holder")
                                                : null))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Claimed claimed = new Claimed(
                            row.getLong("epoch"), holder, row.getString("previous"), row.getLong("since_millis"));
                    epoch = claimed.epoch();
                    toldFencedOut = false;
                    LOG.log(
                            System.Logger.Level.INFO,
                            "trade journal " + table + ": epoch " + claimed.epoch() + " claimed by " + holder
                                    + (claimed.previousHolder() == null
                                            ? ""
                                            : " (previous holder " + claimed.previousHolder() + ")"));
                    return claimed;
                });
    }

    /**
     * One statement inserting {@code rows} rows (parameters {@code $1..$4n}: event id, type, trade id, body each; then
     * the epoch), only while the epoch row still holds that epoch, and answering the epoch row as it is.
     */
    static String fencedInsert(String table, int rows) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int p = COLUMNS * i;
            values.append(i == 0 ? "" : ", ")
                    .append("($")
                    .append(p + 1)
                    .append("::text, $")
                    .append(p + 2)
                    .append("::text, $")
                    .append(p + 3)
                    .append("::text, $")
                    .append(p + 4)
                    .append("::text)");
        }
        String epochParameter = "$" + (COLUMNS * rows + 1) + "::bigint";
        return "WITH fence AS (SELECT epoch, holder FROM " + table + "_epoch WHERE id = 1 FOR SHARE), "
                + "written AS (INSERT INTO " + table + " (event_id, type, trade_id, body, epoch) "
                + "SELECT v.event_id, v.type, v.trade_id, v.body, " + epochParameter + " FROM (VALUES " + values
                + ") AS v (event_id, type, trade_id, body) WHERE EXISTS (SELECT 1 FROM fence WHERE fence.epoch = "
                + epochParameter + ") ON CONFLICT (event_id) DO NOTHING) "
                + "SELECT epoch, holder FROM fence";
    }

    /** Succeeds when the rows were written under this repository's epoch; fails when a newer one was claimed. */
    Future<Void> checkWritten(RowSet<Row> answer) {
        long mine = epoch;
        Row row = answer.iterator().hasNext() ? answer.iterator().next() : null;
        long current = row == null ? 0 : row.getLong("epoch");
        if (current == mine) {
            return Future.succeededFuture();
        }
        JournalFencedException refused =
                new JournalFencedException(table, mine, current, row == null ? null : row.getString("holder"));
        if (!toldFencedOut) {
            toldFencedOut = true;
            LOG.log(System.Logger.Level.ERROR, refused.getMessage());
            fencedOut.accept(refused);
        }
        return Future.failedFuture(refused);
    }
}

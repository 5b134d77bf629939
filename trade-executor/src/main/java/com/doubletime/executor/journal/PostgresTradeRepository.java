package com.doubletime.executor.journal;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cluster's trade journal: one row per entry in PostgreSQL, the entry's JSON line
 * ({@link TradeJournalJson}) as its body and its {@linkplain TradeJournalJson#eventId event id} as a unique
 * key, so a write retried after a lost answer records nothing new ({@code ON CONFLICT DO NOTHING}).
 *
 * <p>An append completes when its transaction committed, which with PostgreSQL's default
 * {@code synchronous_commit = on} means the WAL record is flushed. Appends are sent one after another
 * (each waits for the previous commit) so that the {@code seq} order is the call order, as the port
 * promises; a failed append does not block the next one, but the executor halts trading on the first
 * failure anyway.
 *
 * <p>The schema is created on start when missing: {@code (seq bigserial primary key, event_id text unique,
 * type text, trade_id text, body text, recorded_at timestamptz, epoch bigint)}, and the fencing epoch's table
 * ({@link JournalEpochs}). Fail-over: an executor taking over {@linkplain #claimEpoch claims} the next epoch, and
 * from then on each of its rows carries that epoch and commits only while no newer one was claimed.
 */
public final class PostgresTradeRepository implements TradeRepository {
    private static final int PAGE = 1_000;

    private final Pool pool;
    private final String table;
    private final JournalEpochs epochs;
    private final Object order = new Object();
    private Future<Void> tail = Future.succeededFuture();

    private PostgresTradeRepository(Pool pool, String table) {
        this.pool = pool;
        this.table = table;
        this.epochs = new JournalEpochs(pool, table);
    }

    /** Connects, creates the table if needed, and fails (naming the server, never the password) when it cannot. */
    public static Future<PostgresTradeRepository> open(Vertx vertx, PostgresJournalConfig config) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setDatabase(config.database())
                .setUser(config.user());
        if (config.password() != null) {
            connect.setPassword(config.password());
        }
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                // PgConnectOptions has no connect timeout in Vert.x 5 (stack-notes §7.14)
                .with(new NetClientOptions().setConnectTimeout(config.connectTimeoutMillis()))
                .connectingTo(connect)
                .using(vertx)
                .build();
        PostgresTradeRepository repository = new PostgresTradeRepository(pool, config.table());
        String t = config.table();
        return pool.query(
                        "CREATE TABLE IF NOT EXISTS " + t
                                + " (seq bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, "
                                + "type text NOT NULL, trade_id text, body text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())")
                .execute()
                .compose(done -> pool.query("CREATE INDEX IF NOT EXISTS " + t + "_trade_id ON " + t + " (trade_id)")
                        .execute())
                .compose(done -> pool.query(JournalEpochs.schema(t).get(0)).execute())
                .compose(done -> pool.query(JournalEpochs.schema(t).get(1)).execute())
                .<PostgresTradeRepository>map(done -> repository)
                .recover(failure -> pool.close()
                        .transform(closed -> Future.failedFuture(new IllegalStateException(
                                "trade journal " + config + " unavailable: " + failure.getMessage(), failure))));
    }

    @Override
    public Future<Void> append(JournalEntry entry) {
        String body = TradeJournalJson.write(entry);
        String type = TradeJournalJson.type(entry);
        Tuple row = Tuple.of(TradeJournalJson.eventId(entry), type, entry.tradeId(), body);
        if (epochs.fenced()) {
            return fencedInsert(List.of(entry), row);
        }
        synchronized (order) {
            Future<Void> write = tail.transform(previous -> pool.preparedQuery(
                            "INSERT INTO " + table + " (event_id, type, trade_id, body) VALUES ($1, $2, $3, $4) "
                                    + "ON CONFLICT (event_id) DO NOTHING")
                    .execute(row)
                    .mapEmpty());
            tail = write;
            return write;
        }
    }

    /**
     * Claims the next fencing epoch for {@code holder} (an executor taking over) and fences every later write of
     * this repository with it: from now on a write commits only while no newer epoch has been claimed
     * ({@link JournalEpochs}). Call before reading the journal back, so nothing a previous holder writes can land
     * after the read.
     */
    public Future<JournalEpochs.Claimed> claimEpoch(String holder) {
        return epochs.claim(holder);
    }

    /** The epoch this repository's writes are fenced with, or 0 when they are not. */
    public long epoch() {
        return epochs.epoch();
    }

    /** Told once when a write is refused because a newer epoch was claimed (another executor took over). */
    public PostgresTradeRepository onFencedOut(Consumer<JournalFencedException> listener) {
        epochs.onFencedOut(listener);
        return this;
    }

    /** The fenced form of {@link #append} and {@link #appendAll}: same rows, same order, one statement. */
    private Future<Void> fencedInsert(List<JournalEntry> entries, Tuple rows) {
        String statement = JournalEpochs.fencedInsert(table, entries.size());
        Tuple bound = rows.addLong(epochs.epoch());
        synchronized (order) {
            Future<Void> write = tail.transform(
                    previous -> pool.preparedQuery(statement).execute(bound).compose(epochs::checkWritten));
            tail = write;
            return write;
        }
    }

    /**
     * One multi-row {@code INSERT … ON CONFLICT DO NOTHING}: one statement, so one transaction and one commit
     * (one WAL flush) for all of them; rows get their {@code seq} in list order. An event id repeated inside
     * the list is recorded once, like one recorded before.
     */
    @Override
    public Future<Void> appendAll(List<JournalEntry> entries) {
        if (entries.size() == 1) {
            return append(entries.get(0));
        }
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        if (epochs.fenced()) {
            Tuple rows = Tuple.tuple();
            for (JournalEntry entry : entries) {
                rows.addString(TradeJournalJson.eventId(entry))
                        .addString(TradeJournalJson.type(entry))
                        .addString(entry.tradeId())
                        .addString(TradeJournalJson.write(entry));
            }
            return fencedInsert(entries, rows);
        }
        StringBuilder sql =
                new StringBuilder("INSERT INTO ").append(table).append(" (event_id, type, trade_id, body) VALUES ");
        Tuple row = Tuple.tuple();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            int p = 4 * i;
            sql.append(i == 0 ? "" : ", ")
                    .append("($")
                    .append(p + 1)
                    .append(", $")
                    .append(p + 2)
                    .append(", $")
                    .append(p + 3)
                    .append(", $")
                    .append(p + 4)
                    .append(')');
            row.addString(TradeJournalJson.eventId(entry))
                    .addString(TradeJournalJson.type(entry))
                    .addString(entry.tradeId())
                    .addString(TradeJournalJson.write(entry));
        }
        sql.append(" ON CONFLICT (event_id) DO NOTHING");
        String statement = sql.toString();
        synchronized (order) {
            Future<Void> write = tail.transform(
                    previous -> pool.preparedQuery(statement).execute(row).mapEmpty());
            tail = write;
            return write;
        }
    }

    @Override
    public Future<List<JournalEntry>> recent(int limit) {
        return pool.preparedQuery("SELECT CASE WHEN octet_length(body) > $2 THEN NULL ELSE body END AS body FROM "
                        + table + " ORDER BY seq DESC LIMIT $1")
                .execute(Tuple.of(Math.max(0, limit), JournalFileLines.MAX_LINE_BYTES))
                .map(rows -> {
                    List<JournalEntry> newestFirst = new ArrayList<>();
                    for (Row row : rows) {
                        read(row, newestFirst::add);
                    }
                    Collections.reverse(newestFirst);
                    return newestFirst;
                });
    }

    @Override
    public Future<Void> forEach(Consumer<JournalEntry> visitor) {
        return readBack(new ReadBack() {
            @Override
            public void entry(JournalEntry entry, String where) {
                visitor.accept(entry);
            }

            @Override
            public void unreadable(String where, String problem) {
                // reported to the executor by readBack; forEach lists what can be read
            }
        });
    }

    /** Every row back in {@code seq} order; a row that cannot be decoded is reported with its table and seq. */
    @Override
    public Future<Void> readBack(ReadBack readBack) {
        return page(0, readBack);
    }

    /**
     * Keyset pages: a journal of any length is read in bounded memory. A body over the line limit is not even
     * fetched (its length is), like an over-long line in the file journal.
     */
    private Future<Void> page(long afterSeq, ReadBack readBack) {
        return pool.preparedQuery("SELECT seq, CASE WHEN octet_length(body) > $2 THEN NULL ELSE body END AS body, "
                        + "octet_length(body) AS bytes FROM " + table + " WHERE seq > $1 ORDER BY seq LIMIT " + PAGE)
                .execute(Tuple.of(afterSeq, JournalFileLines.MAX_LINE_BYTES))
                .compose((RowSet<Row> rows) -> {
                    long last = afterSeq;
                    for (Row row : rows) {
                        last = row.getLong("seq");
                        String where = table + " seq " + last;
                        String body = row.getString("body");
                        if (body == null) {
                            readBack.unreadable(
                                    where,
                                    "body of " + row.getInteger("bytes") + " bytes, over the "
                                            + JournalFileLines.MAX_LINE_BYTES + "-byte limit of a journal entry");
                            continue;
                        }
                        try {
                            readBack.entry(JournalLines.read(body), where);
                        } catch (IllegalArgumentException e) {
                            readBack.unreadable(where, e.getMessage());
                        }
                    }
                    return rows.size() < PAGE ? Future.succeededFuture() : page(last, readBack);
                });
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    private static void read(Row row, Consumer<JournalEntry> visitor) {
        if (row.getString("body") == null) {
            return; // over the length limit: readBack reports it
        }
        try {
            visitor.accept(JournalLines.read(row.getString("body")));
        } catch (IllegalArgumentException e) {
            // recent() lists what can be read; readBack reports the row as damage at start-up
            System.getLogger(PostgresTradeRepository.class.getName())
                    .log(System.Logger.Level.WARNING, "trade journal row cannot be read: " + e.getMessage());
        }
    }
}

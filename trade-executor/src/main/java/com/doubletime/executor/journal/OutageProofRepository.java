package com.doubletime.executor.journal;

import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The executor's journal through an outage of its store (PostgreSQL stopped, the disk full, the store not answering):
 * a write the store failed, or has not answered within {@code stallMillis}, starts an <em>outage</em>; from then on
 * every write is held, in call order, behind the ones that failed, and the held writes are sent again every
 * {@code retryMillis}, all together in call order, until the store takes them. Only then does each write complete,
 * so nothing that depends on an entry (an order leaving, a report published) happens before the entry is recorded,
 * and nothing acknowledged is lost while the process lives. The stores are idempotent by event id, so a write that
 * was in fact recorded before its answer was lost records nothing twice.
 *
 * <p>The {@link Listener} hears of the outage once when it starts (the executor halts trading and says why) and once
 * when the store has recorded everything held (the executor resumes, or waits for an operator).
 *
 * <p>Single writer: every call and callback runs on the executor's event loop ({@code context}'s thread, made there);
 * the stores complete on the caller's context, and a completion elsewhere is moved there.
 */
public final class OutageProofRepository implements TradeRepository {
    /** What the executor is told of the journal's outages. */
    public interface Listener {
        /** The store failed or stopped answering: why. Writes are held from now on. */
        void down(String reason);

        /** Everything held was recorded: how long the outage lasted and what was written late. */
        void back(String summary);

        /**
         * The journal refused a write because another executor claimed a newer fencing epoch
         * ({@link JournalFencedException}): nothing of this executor will ever be recorded again, so nothing it holds
         * is retried and its writes never complete. Told once; {@link #down} until overridden.
         */
        default void fencedOut(String reason) {
            down(reason);
        }
    }

    /** Entries sent in one retry write at most: PostgreSQL binds four parameters per row, at most 65,535. */
    static final int MAX_RETRY_ENTRIES = 1_000;

    private static final System.Logger LOG = System.getLogger(OutageProofRepository.class.getName());
    private static final long RETRY_LOG_INTERVAL_MILLIS = 30_000;
    private static final long MILLIS_PER_SECOND = 1_000;

    private final TradeRepository store;
    private final Vertx vertx;
    private final Context context;
    /** The context's event loop thread: co-located feeds call in from their own contexts on it. */
    private final Thread thread;

    private final long retryMillis;
    private final long stallMillis;
    private Listener listener = new Listener() {
        @Override
        public void down(String reason) {}

        @Override
        public void back(String summary) {}
    };

    private long nextSeq;
    private final Map<Long, Write> inFlight = new LinkedHashMap<>();
    private final TreeMap<Long, Write> held = new TreeMap<>();
    private String outage;
    /** Why this executor may write no more (a newer fencing epoch), or null. */
    private String fenced;

    private long outageSinceMillis;
    private long heldEntriesWritten;
    private long retries;
    private long lastRetryLogMillis;
    private long lastAttemptMillis;
    private boolean retrying;
    private final long timer;

    private record Write(long seq, List<JournalEntry> entries, Promise<Void> done, long sentAtMillis) {}

    /**
     * @param context the executor's context, where every call comes from (created there too: its timer runs there)
     * @param retryMillis how often held writes are sent again during an outage
     * @param stallMillis a write not answered for this long starts an outage (it stays in flight)
     */
    public OutageProofRepository(
            TradeRepository store, Vertx vertx, Context context, long retryMillis, long stallMillis) {
        this.store = store;
        this.vertx = vertx;
        this.context = context;
        this.thread = Thread.currentThread();
        this.retryMillis = retryMillis;
        this.stallMillis = stallMillis;
        this.timer = vertx.setPeriodic(Math.max(1, Math.min(retryMillis, stallMillis / 2)), id -> tick());
    }

    public OutageProofRepository onOutage(Listener listener) {
        this.listener = listener;
        return this;
    }

    /** Why the store is in an outage, or null when it records. */
    public String outage() {
        return outage;
    }

    /** Writes held for the store (not yet recorded). */
    public int held() {
        return held.values().stream().mapToInt(w -> w.entries.size()).sum();
    }

    @Override
    public Future<Void> append(JournalEntry entry) {
        return appendAll(List.of(entry));
    }

    @Override
    public Future<Void> appendAll(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        Write write = new Write(nextSeq++, List.copyOf(entries), Promise.promise(), System.currentTimeMillis());
        if (outage != null || fenced != null || !held.isEmpty()) {
            held.put(write.seq, write);
        } else {
            send(write);
        }
        return write.done.future();
    }

    /**
     * {@code written} as the store answers it, or, when the store could not write them, once they are recorded after
     * all (held, as any failed write); {@code durable} once they are recorded. A failed flush after a good write is an
     * outage like any failed write: held, trading halted, the flush tried again until it succeeds.
     */
    @Override
    public Appended appendWritten(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return new Appended(Future.succeededFuture(), Future.succeededFuture());
        }
        Write write = new Write(nextSeq++, List.copyOf(entries), Promise.promise(), System.currentTimeMillis());
        if (outage != null || !held.isEmpty()) {
            held.put(write.seq, write);
            return new Appended(write.done.future(), write.done.future());
        }
        inFlight.put(write.seq, write);
        Appended sent = store.appendWritten(write.entries);
        Promise<Void> written = Promise.promise();
        sent.written()
                .onComplete(result -> onContext(() -> {
                    if (result.succeeded()) {
                        written.complete();
                    } else {
                        write.done.future().onComplete(written);
                    }
                }));
        sent.durable().onComplete(result -> onContext(() -> onAnswer(write, result.cause())));
        return new Appended(written.future(), write.done.future());
    }

    private void send(Write write) {
        inFlight.put(write.seq, write);
        Future<Void> sent =
                write.entries.size() == 1 ? store.append(write.entries.get(0)) : store.appendAll(write.entries);
        sent.onComplete(result -> onContext(() -> onAnswer(write, result.cause())));
    }

    /** The store's answer to a write: recorded ({@code failure} null), or held for a retry and the outage begun. */
    private void onAnswer(Write write, Throwable failure) {
        inFlight.remove(write.seq);
        if (failure == null) {
            write.done.complete();
            backIfDone();
        } else {
            held.put(write.seq, write);
            failed(failure);
        }
    }

    /** Checks for a stalled write and sends held writes again during an outage. */
    private void tick() {
        long now = System.currentTimeMillis();
        if (outage == null && !inFlight.isEmpty()) {
            Write oldest = inFlight.values().iterator().next();
            if (now - oldest.sentAtMillis >= stallMillis) {
                down("the trade journal has not answered a write for " + (now - oldest.sentAtMillis) + " ms");
            }
        }
        if (outage != null
                && fenced == null
                && !retrying
                && inFlight.isEmpty()
                && !held.isEmpty()
                && now - lastAttemptMillis >= retryMillis) {
            retry(now);
        }
    }

    /** The held writes, oldest first, in one store write (bounded); on success the next batch follows at once. */
    private void retry(long now) {
        retrying = true;
        lastAttemptMillis = now;
        List<Write> batch = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        for (Write write : held.values()) {
            if (!batch.isEmpty() && entries.size() + write.entries.size() > MAX_RETRY_ENTRIES) {
                break;
            }
            batch.add(write);
            entries.addAll(write.entries);
        }
        Future<Void> sent = entries.size() == 1 ? store.append(entries.get(0)) : store.appendAll(entries);
        sent.onComplete(result -> onContext(() -> {
            retrying = false;
            if (result.failed() && result.cause() instanceof JournalFencedException) {
                failed(result.cause());
                return;
            }
            if (result.failed()) {
                retries++;
                if (now - lastRetryLogMillis >= RETRY_LOG_INTERVAL_MILLIS) {
                    lastRetryLogMillis = now;
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "trade journal still unavailable after " + retries + " attempts over "
                                    + (now - outageSinceMillis) / MILLIS_PER_SECOND + " s (" + held()
                                    + " entries held, trading halted): "
                                    + result.cause().getMessage());
                }
                return;
            }
            for (Write write : batch) {
                held.remove(write.seq);
                heldEntriesWritten += write.entries.size();
                write.done.complete();
            }
            if (!held.isEmpty()) {
                retry(System.currentTimeMillis());
            } else {
                backIfDone();
            }
        }));
    }

    /** A failed write: an outage, or, when the journal refused it for a newer epoch, the end of this executor. */
    private void failed(Throwable cause) {
        if (!(cause instanceof JournalFencedException)) {
            down("the trade journal failed: " + cause.getMessage());
            return;
        }
        if (fenced != null) {
            return;
        }
        fenced = cause.getMessage();
        outage = fenced;
        LOG.log(System.Logger.Level.ERROR, fenced + ": " + held() + " entries held will never be written");
        listener.fencedOut(fenced);
    }

    private void down(String reason) {
        if (outage != null) {
            return;
        }
        outage = reason;
        outageSinceMillis = System.currentTimeMillis();
        lastAttemptMillis = outageSinceMillis;
        lastRetryLogMillis = outageSinceMillis;
        retries = 0;
        heldEntriesWritten = 0;
        LOG.log(
                System.Logger.Level.ERROR,
                reason + ": writes are held and sent again every " + retryMillis + " ms until it records them");
        listener.down(reason);
    }

    private void backIfDone() {
        if (outage == null || !held.isEmpty() || !inFlight.isEmpty()) {
            return;
        }
        long lasted = System.currentTimeMillis() - outageSinceMillis;
        String summary = "the trade journal records again after " + lasted + " ms (" + outage + "); "
                + heldEntriesWritten + " entries held during the outage were recorded in order";
        outage = null;
        LOG.log(System.Logger.Level.WARNING, summary);
        listener.back(summary);
    }

    private void onContext(Runnable task) {
        if (Vertx.currentContext() == context || Thread.currentThread() == thread) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    @Override
    public Future<List<JournalEntry>> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public Future<Void> forEach(Consumer<JournalEntry> visitor) {
        return store.forEach(visitor);
    }

    @Override
    public Future<Void> readBack(ReadBack readBack) {
        return store.readBack(readBack);
    }

    /** Stops retrying; the store is the caller's to close. */
    @Override
    public Future<Void> close() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }
}

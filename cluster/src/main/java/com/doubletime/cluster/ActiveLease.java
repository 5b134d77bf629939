package com.doubletime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One instance of a role is active; the others stand by. The active instance holds one lease in the cluster's
 * shared data ({@link #mapName}, a Hazelcast map in a cluster) and renews it every {@code renewEveryMillis}; a
 * standby reads it as often and takes it over once it has expired ({@link ActiveLeaseRules}). Runs on the event
 * loop of the verticle that calls {@link #start}; the {@link Listener} is called there.
 *
 * <p>What the holder may rely on: {@link #holds()} is true only until {@code leaseMillis - marginMillis} after the
 * start of its last successful renewal, measured on this process's monotonic clock. A standby takes over only once
 * the lease's wall-clock expiry ({@code leaseMillis} after that same start) has passed on its own clock, so while
 * {@link #holds()} is true no other instance can have taken over, provided the hosts' wall clocks differ by less
 * than the margin. A holder that cannot renew (the cluster unreachable, a long GC pause, the process stopped) stops
 * holding by itself; when it runs again and finds the lease still its own, it renews and holds again; when it finds
 * another holder it is told {@link Listener#lost}. A stopped process's monotonic clock keeps running, so a
 * process that resumes after a long pause sees at once that it no longer holds the lease, before any renewal.
 *
 * <p>This is election, not fencing: whatever the active instance writes elsewhere must also carry the epoch it
 * was given there (the executor's journal does), because a paused holder cannot know it lost until it looks.
 */
public final class ActiveLease {
    private static final System.Logger LOG = System.getLogger(ActiveLease.class.getName());
    private static final String KEY = "lease";

    /**
     * @param renewEveryMillis how often the lease is renewed (active) or read (standby)
     * @param leaseMillis      how long a lease lasts without renewal: a dead holder's successor takes over after
     *                         at most {@code leaseMillis + renewEveryMillis}
     * @param marginMillis     how much sooner than its expiry the holder stops relying on it: the largest wall-clock
     *                         difference between hosts this tolerates
     */
    public record Timing(long renewEveryMillis, long leaseMillis, long marginMillis) {
        public static final Timing DEFAULT = new Timing(500, 3_000, 1_000);

        public Timing {
            if (renewEveryMillis <= 0 || marginMillis < 0 || leaseMillis - marginMillis <= 2 * renewEveryMillis) {
                throw new IllegalArgumentException("active lease timing needs 0 < renewEveryMillis, 0 <= marginMillis"
                        + " and leaseMillis - marginMillis > 2 x renewEveryMillis (one late renewal must not cost the"
                        + " lease), got " + renewEveryMillis + ", " + leaseMillis + " and " + marginMillis);
            }
        }
    }

    /** What the instance is told, on the event loop of the verticle that started the lease. */
    public interface Listener {
        /**
         * This instance holds the lease now.
         *
         * @param replaced the expired lease of another instance it took over, or null when none was held
         */
        void acquired(MarketLease replaced);

        /** Another instance holds the lease now: this one must stop acting at once. */
        void lost(String holder);
    }

    private final Vertx vertx;
    private final String role;
    private final String self;
    private final Timing timing;
    private final Listener listener;
    private final LongSupplier wallClock;
    private final LongSupplier monotonicNanos;
    private AsyncMap<String, String> leases;
    private long timer = -1;
    private boolean roundRunning;
    private long roundStartedNanos;
    private boolean stopped;
    private volatile boolean active;
    /** The lease string this instance last wrote; meaningful while active. */
    private String mine;

    private volatile long validUntilNanos;
    private volatile MarketLease lastSeen;
    private volatile String lastFailure;

    public ActiveLease(Vertx vertx, String role, String self, Timing timing, Listener listener) {
        this(vertx, role, self, timing, listener, System::currentTimeMillis, System::nanoTime);
    }

    ActiveLease(
            Vertx vertx,
            String role,
            String self,
            Timing timing,
            Listener listener,
            LongSupplier wallClock,
            LongSupplier monotonicNanos) {
        if (self == null || self.isBlank() || self.indexOf('@') >= 0) {
            throw new IllegalArgumentException("an instance id must be non-blank without '@', got " + self);
        }
        this.vertx = vertx;
        this.role = role;
        this.self = self;
        this.timing = timing;
        this.listener = listener;
        this.wallClock = wallClock;
        this.monotonicNanos = monotonicNanos;
    }

    /** The shared map holding the lease of {@code role}, so operators can find it in Hazelcast. */
    public static String mapName(String role) {
        return "dt.active-lease." + role;
    }

    /** Opens the shared map and runs the first round; then a round every {@code renewEveryMillis}. */
    public Future<Void> start() {
        return vertx.sharedData().<String, String>getAsyncMap(mapName(role)).compose(map -> {
            leases = map;
            timer = vertx.setPeriodic(timing.renewEveryMillis(), id -> round());
            return round();
        });
    }

    /** True while this instance may act as the active one (see the class comment for what that guarantees). */
    public boolean holds() {
        return active && monotonicNanos.getAsLong() - validUntilNanos < 0;
    }

    /** Why this instance may not act as the active one now, or null while it {@link #holds()}. */
    public String notHeldBecause() {
        if (holds()) {
            return null;
        }
        if (!active) {
            return lastSeen == null || lastSeen.owner().equals(self)
                    ? "this instance does not hold the active lease"
                    : "instance " + lastSeen.owner() + " holds the active lease";
        }
        return "the active lease could not be renewed for "
                + TimeUnit.NANOSECONDS.toMillis(monotonicNanos.getAsLong() - validUntilNanos + marginNanos())
                + " ms (its margin ends " + timing.marginMillis() + " ms before expiry)"
                + (lastFailure == null ? "" : ": " + lastFailure);
    }

    /** The holder as last read, or null when nobody held it. */
    public String holder() {
        return lastSeen == null ? null : lastSeen.owner();
    }

    public String self() {
        return self;
    }

    /**
     * Stops renewing. An active instance hands the lease back at once, so a standby takes over on its next round
     * instead of waiting for the expiry: call it only once nothing it started can still act.
     */
    public Future<Void> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        if (!active || leases == null) {
            return Future.succeededFuture();
        }
        active = false;
        return leases.removeIfPresent(KEY, mine).otherwiseEmpty().mapEmpty();
    }

    /**
     * Gives the lease back and stands by, rounds going on: for a holder that cannot act on it (its take-over failed,
     * or it found a newer fencing epoch than its own), so that another instance need not wait for the expiry.
     */
    public Future<Void> release() {
        if (!active || leases == null) {
            return Future.succeededFuture();
        }
        active = false;
        return leases.removeIfPresent(KEY, mine).otherwiseEmpty().mapEmpty();
    }

    /** For tests: behave like a frozen process (SIGSTOP, a long GC pause) — no rounds, nothing handed back. */
    void freeze() {
        vertx.cancelTimer(timer);
        timer = -1;
    }

    /** For tests: the frozen process runs again (SIGCONT): rounds resume at once. */
    void thaw() {
        timer = vertx.setPeriodic(timing.renewEveryMillis(), id -> round());
        round();
    }

    private long marginNanos() {
        return TimeUnit.MILLISECONDS.toNanos(timing.marginMillis());
    }

    private Future<Void> round() {
        long startNanos = monotonicNanos.getAsLong();
        // a round stuck for longer than a lease (the cluster not answering) no longer keeps the next one out
        if (stopped
                || roundRunning
                        && startNanos - roundStartedNanos < TimeUnit.MILLISECONDS.toNanos(timing.leaseMillis())) {
            return Future.succeededFuture();
        }
        roundRunning = true;
        roundStartedNanos = startNanos;
        long now = wallClock.getAsLong();
        String candidate = new MarketLease(self, now + timing.leaseMillis()).encode();
        return leases.get(KEY)
                .compose(raw -> act(raw, candidate, startNanos, now))
                .andThen(done -> {
                    if (roundStartedNanos == startNanos) {
                        roundRunning = false;
                    }
                    if (done.failed()) {
                        lastFailure = String.valueOf(done.cause().getMessage());
                        LOG.log(System.Logger.Level.WARNING, role + " lease round failed: " + lastFailure);
                    } else {
                        lastFailure = null;
                    }
                })
                .otherwiseEmpty();
    }

    private Future<Void> act(String raw, String candidate, long startNanos, long now) {
        if (stopped) {
            return Future.succeededFuture();
        }
        MarketLease current = decode(raw);
        lastSeen = current;
        ActiveLeaseRules.Step step = raw != null && current == null
                ? ActiveLeaseRules.Step.TAKE_OVER // unreadable: replace exactly what is there
                : ActiveLeaseRules.step(self, current, now);
        return switch (step) {
            case ACQUIRE ->
                leases.putIfAbsent(KEY, candidate).map(previous -> {
                    if (previous == null) {
                        won(candidate, startNanos, null);
                    }
                    return null;
                });
            case RENEW, TAKE_OVER ->
                leases.replaceIfPresent(KEY, raw, candidate).map(swapped -> {
                    if (swapped) {
                        won(candidate, startNanos, step == ActiveLeaseRules.Step.TAKE_OVER ? current : null);
                    }
                    return null;
                });
            case STAND_BY -> {
                if (active) {
                    active = false;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            role + " instance " + self + " lost the active lease to " + current.owner());
                    listener.lost(current.owner());
                }
                yield Future.succeededFuture();
            }
        };
    }

    private void won(String lease, long startNanos, MarketLease replaced) {
        if (stopped) {
            return;
        }
        mine = lease;
        lastSeen = MarketLease.decode(lease);
        validUntilNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(timing.leaseMillis()) - marginNanos();
        if (!active) {
            active = true;
            LOG.log(
                    System.Logger.Level.INFO,
                    role + " instance " + self + " holds the active lease"
                            + (replaced == null ? "" : ", taken over from " + replaced.owner() + " (expired)"));
            listener.acquired(replaced);
        }
    }

    private static MarketLease decode(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MarketLease.decode(raw);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable active lease '" + raw + "': replacing it");
            return null;
        }
    }
}

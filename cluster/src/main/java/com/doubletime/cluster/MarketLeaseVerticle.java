package com.doubletime.cluster;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Keeps one feed instance's share of the feed's markets, on the cluster's shared data (Hazelcast maps in a
 * cluster, local maps when alone). Every {@code renewEveryMillis} it heartbeats, reads the live instances and
 * the market leases, and carries out {@link MarketAssignment#plan}; whenever the set of markets it holds
 * changes it hands the new set to the feed ({@code onAssigned}) before it releases any lease, so a market is
 * unsubscribed here before another instance may subscribe it.
 *
 * <p>Failover: a killed instance stops renewing; its heartbeat and leases expire after {@code leaseMillis}
 * and the survivors take its markets on their next round, so within {@code leaseMillis + renewEveryMillis}
 * plus one subscription round trip. An instance that cannot reach the maps stops streaming everything once
 * its own leases may have expired, because by then someone else may hold them.
 */
public final class MarketLeaseVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(MarketLeaseVerticle.class.getName());

    /**
     * @param renewEveryMillis how often the instance heartbeats and renews
     * @param leaseMillis      how long a heartbeat or lease lasts without renewal; more than twice the renewal
     *                         period, so one late round does not cost a lease
     */
    public record Timing(long renewEveryMillis, long leaseMillis) {
        public static final Timing DEFAULT = new Timing(1_000, 4_000);

        public Timing {
            if (renewEveryMillis <= 0 || leaseMillis <= 2 * renewEveryMillis) {
                throw new IllegalArgumentException("scale-out timing needs 0 < renewEveryMillis and leaseMillis > 2 x "
                        + "renewEveryMillis, got " + renewEveryMillis + " and " + leaseMillis);
            }
        }
    }

    private final String feed;
    private final String self;
    private final Timing timing;
    private final Function<Set<String>, Future<?>> onAssigned;
    private List<String> markets;
    private AsyncMap<String, String> members;
    private AsyncMap<String, String> leases;
    private Set<String> held = Set.of();
    private long heldUntilMillis;
    private long timer = -1;
    private boolean roundRunning;
    private boolean abandoned;
    private long rounds;

    /**
     * @param feed       the feed's name ({@code kalshi}); instances of one feed share its maps
     * @param self       this instance's id, unique in the cluster
     * @param markets    every market the feed must cover
     * @param onAssigned called on this verticle's event loop with the markets this instance now holds; the
     *                   returned future completes once the feed streams exactly those
     */
    public MarketLeaseVerticle(
            String feed,
            String self,
            Collection<String> markets,
            Timing timing,
            Function<Set<String>, Future<?>> onAssigned) {
        this.feed = feed;
        this.self = self;
        this.markets = List.copyOf(new LinkedHashSet<>(markets));
        this.timing = timing;
        this.onAssigned = onAssigned;
    }

    /** Map names, so operators can find them in Hazelcast. */
    public static String membersMap(String feed) {
        return "dt.feed-members." + feed;
    }

    public static String leasesMap(String feed) {
        return "dt.feed-leases." + feed;
    }

    @Override
    public Future<?> start() {
        return vertx.sharedData()
                .<String, String>getAsyncMap(membersMap(feed))
                .compose(m -> {
                    members = m;
                    return vertx.sharedData().<String, String>getAsyncMap(leasesMap(feed));
                })
                .compose(l -> {
                    leases = l;
                    timer = vertx.setPeriodic(timing.renewEveryMillis(), id -> round());
                    return round();
                });
    }

    /** The feed's markets changed (pairs added or removed): the next round splits the new set. */
    public void markets(Collection<String> newMarkets) {
        context.runOnContext(v -> markets = List.copyOf(new LinkedHashSet<>(newMarkets)));
    }

    /** The markets this instance holds now. Call on this verticle's event loop (or accept a stale view). */
    public Set<String> held() {
        return held;
    }

    /** Completed rounds, for tests. */
    long rounds() {
        return rounds;
    }

    /** For tests: behave like a killed process — stop renewing, release nothing. */
    void abandon() {
        abandoned = true;
        vertx.cancelTimer(timer);
    }

    private Future<Void> round() {
        if (roundRunning || abandoned) {
            return Future.succeededFuture();
        }
        roundRunning = true;
        long now = System.currentTimeMillis();
        long expires = now + timing.leaseMillis();
        return members.put(self, Long.toString(expires))
                .compose(v -> members.entries())
                .compose(heartbeats ->
                        leases.entries().compose(current -> act(now, expires, live(now, heartbeats), decode(current))))
                .andThen(done -> {
                    roundRunning = false;
                    rounds++;
                    if (done.failed()) {
                        onRoundFailed(done.cause());
                    }
                })
                .recover(failure -> Future.succeededFuture());
    }

    private Future<Void> act(long now, long expires, Set<String> live, Map<String, MarketLease> current) {
        if (abandoned) {
            return Future.succeededFuture();
        }
        MarketAssignment.Plan plan = MarketAssignment.plan(self, live, markets, current, now);
        String mine = new MarketLease(self, expires).encode();
        List<Future<String>> claims = new ArrayList<>();
        for (String market : plan.acquire()) {
            claims.add(leases.putIfAbsent(market, mine).map(previous -> previous == null ? market : null));
        }
        Map<String, MarketLease> compareAndSet = new HashMap<>(plan.takeOver());
        compareAndSet.putAll(plan.renew());
        compareAndSet.forEach((market, lease) -> claims.add(
                leases.replaceIfPresent(market, lease.encode(), mine).map(swapped -> swapped ? market : null)));
        return Future.join(claims).transform(all -> {
            Set<String> nowHeld = new TreeSet<>();
            for (Future<String> claim : claims) {
                if (claim.succeeded() && claim.result() != null) {
                    nowHeld.add(claim.result());
                }
            }
            heldUntilMillis = expires;
            Future<?> handed = nowHeld.equals(held) ? Future.succeededFuture() : assign(nowHeld);
            // only once the feed stopped streaming them may another instance have them
            return handed.compose(v -> release(plan.release()));
        });
    }

    private Future<?> assign(Set<String> newHeld) {
        Set<String> gained = new TreeSet<>(newHeld);
        gained.removeAll(held);
        Set<String> lost = new TreeSet<>(held);
        lost.removeAll(newHeld);
        LOG.log(
                System.Logger.Level.INFO,
                feed + " instance " + self + " now streams " + newHeld.size() + " of "
                        + markets.size() + " markets" + (gained.isEmpty() ? "" : ", gained " + gained)
                        + (lost.isEmpty() ? "" : ", gave up " + lost));
        held = Set.copyOf(newHeld);
        return onAssigned.apply(held);
    }

    private Future<Void> release(Map<String, MarketLease> leasesToRelease) {
        List<Future<Boolean>> removals = new ArrayList<>();
        // markets to release were not renewed this round: their lease is still the one read
        leasesToRelease.forEach((market, lease) -> removals.add(leases.removeIfPresent(market, lease.encode())));
        return Future.join(removals).mapEmpty();
    }

    private void onRoundFailed(Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, feed + " lease round failed: " + cause);
        if (!held.isEmpty() && System.currentTimeMillis() >= heldUntilMillis - timing.renewEveryMillis()) {
            // our leases lapse before we can renew them: another instance may take them, so stop first
            assign(Set.of());
        }
    }

    /** Hands the markets back at once (no waiting for expiry) and leaves the live set. */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        if (abandoned || members == null) {
            return Future.succeededFuture();
        }
        Set<String> mine = held;
        held = Set.of();
        return leases.entries()
                .compose(current -> {
                    List<Future<Boolean>> removals = new ArrayList<>();
                    decode(current).forEach((market, lease) -> {
                        if (lease.owner().equals(self) && mine.contains(market)) {
                            removals.add(leases.removeIfPresent(market, lease.encode()));
                        }
                    });
                    removals.add(members.remove(self).map(v -> true));
                    return Future.join(removals);
                })
                .otherwiseEmpty()
                .mapEmpty();
    }

    private Set<String> live(long now, Map<String, String> heartbeats) {
        Set<String> live = new TreeSet<>();
        heartbeats.forEach((member, expiry) -> {
            long until = parseLong(expiry);
            if (until > now) {
                live.add(member);
            } else if (now - until > 10 * timing.leaseMillis()) {
                // an instance gone long ago (a restart gets a new id): tidy up, racing peers do no harm
                members.removeIfPresent(member, expiry);
            }
        });
        return live;
    }

    private static Map<String, MarketLease> decode(Map<String, String> raw) {
        Map<String, MarketLease> out = new HashMap<>();
        raw.forEach((market, text) -> {
            try {
                out.put(market, MarketLease.decode(text));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable lease of " + market + ": " + text);
            }
        });
        return out;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package com.doubletime.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which markets one feed instance should stream, decided from what every instance can read in the cluster:
 * the live instances of the feed and the current market leases. No Vert.x here.
 *
 * <p>Who <em>should</em> own a market is rendezvous hashing over the live instances (each market goes to the
 * instance with the highest hash of instance and market): every instance computes the same answer from the
 * same membership, and when an instance joins or leaves only the markets it gains or loses move. Who
 * <em>does</em> own a market is its lease. An instance:
 * <ul>
 *   <li>renews the leases it holds and should hold;</li>
 *   <li>acquires a market it should own when nobody holds it, or when the holder's lease has expired (the
 *       holder died or lost touch with the cluster);</li>
 *   <li>releases a market that should now belong to another live instance, which acquires it on its next
 *       round; until then nobody streams it, so two instances never stream one market at once;</li>
 *   <li>when it sees no live instance at all (it has not heartbeated yet), acquires nothing.</li>
 * </ul>
 */
public final class MarketAssignment {
    private MarketAssignment() {}

    /**
     * What one instance does this round.
     *
     * @param acquire markets nobody holds: put-if-absent
     * @param takeOver markets whose lease expired: compare-and-set from the expired lease
     * @param renew   markets held and kept: compare-and-set from the current lease
     * @param release markets held but now another live instance's: remove-if-still-ours
     */
    public record Plan(
            List<String> acquire,
            Map<String, MarketLease> takeOver,
            Map<String, MarketLease> renew,
            Map<String, MarketLease> release) {
        public Plan {
            acquire = List.copyOf(acquire);
            takeOver = Map.copyOf(takeOver);
            renew = Map.copyOf(renew);
            release = Map.copyOf(release);
        }

        public boolean isIdle() {
            return acquire.isEmpty() && takeOver.isEmpty() && renew.isEmpty() && release.isEmpty();
        }
    }

    /**
     * @param self     this instance's id
     * @param live     ids of the instances whose heartbeat has not expired (normally including {@code self})
     * @param markets  every market the feed must cover
     * @param leases   the current lease of each market that has one
     * @param nowMillis wall clock
     */
    public static Plan plan(
            String self,
            Collection<String> live,
            Collection<String> markets,
            Map<String, MarketLease> leases,
            long nowMillis) {
        SortedSet<String> members = new TreeSet<>(live);
        List<String> acquire = new ArrayList<>();
        Map<String, MarketLease> takeOver = new LinkedHashMap<>();
        Map<String, MarketLease> renew = new LinkedHashMap<>();
        Map<String, MarketLease> release = new LinkedHashMap<>();
        for (String market : new TreeSet<>(markets)) {
            String owner = members.isEmpty() ? null : ownerOf(market, members);
            MarketLease lease = leases.get(market);
            boolean mine = self.equals(owner);
            if (lease != null && lease.owner().equals(self)) {
                // a lease of ours that lapsed may already be someone else's: the CAS on renew settles that
                if (mine || owner == null) {
                    renew.put(market, lease);
                } else {
                    release.put(market, lease);
                }
            } else if (mine) {
                if (lease == null) {
                    acquire.add(market);
                } else if (lease.expiredAt(nowMillis)) {
                    takeOver.put(market, lease);
                }
            }
        }
        // our leases on markets no longer configured: let them go
        leases.forEach((market, lease) -> {
            if (lease.owner().equals(self) && !markets.contains(market)) {
                release.put(market, lease);
            }
        });
        return new Plan(acquire, takeOver, renew, release);
    }

    /** The instance that should stream {@code market}: the highest rendezvous weight, ties broken by id. */
    public static String ownerOf(String market, Collection<String> members) {
        String best = null;
        long bestWeight = Long.MIN_VALUE;
        for (String member : members) {
            long weight = weight(member, market);
            if (best == null || weight > bestWeight || (weight == bestWeight && member.compareTo(best) < 0)) {
                best = member;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** 64-bit FNV-1a of {@code member NUL market}, then a SplitMix64 finaliser for an even spread. */
    static long weight(String member, String market) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (member + '\0' + market).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}

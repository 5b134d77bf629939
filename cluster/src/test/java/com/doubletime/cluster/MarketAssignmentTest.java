package com.doubletime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarketAssignmentTest {
    private static final long NOW = 1_000_000;
    private static final List<String> MARKETS =
            IntStream.range(0, 40).mapToObj(i -> "KX-" + i).toList();

    @Test
    void everyMarketHasExactlyOneOwnerAndAllInstancesAgree() {
        Set<String> live = Set.of("a", "b", "c");
        Map<String, Integer> perOwner = new HashMap<>();
        for (String market : MARKETS) {
            String owner = MarketAssignment.ownerOf(market, live);
            assertEquals(
                    owner, MarketAssignment.ownerOf(market, List.of("c", "a", "b")), "order of members matters not");
            perOwner.merge(owner, 1, Integer::sum);
        }
        assertEquals(Set.of("a", "b", "c"), perOwner.keySet(), "each instance gets a share: " + perOwner);
    }

    @Test
    void whenAnInstanceLeavesOnlyItsMarketsMove() {
        for (String market : MARKETS) {
            String before = MarketAssignment.ownerOf(market, Set.of("a", "b", "c"));
            String after = MarketAssignment.ownerOf(market, Set.of("a", "b"));
            if (!before.equals("c")) {
                assertEquals(before, after, market);
            }
        }
    }

    @Test
    void acquiresFreeMarketsItShouldOwnAndNothingElse() {
        MarketAssignment.Plan plan = MarketAssignment.plan("a", Set.of("a", "b"), MARKETS, Map.of(), NOW);

        assertEquals(
                MARKETS.stream()
                        .filter(m ->
                                MarketAssignment.ownerOf(m, Set.of("a", "b")).equals("a"))
                        .collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(plan.acquire()));
        assertTrue(plan.takeOver().isEmpty()
                && plan.renew().isEmpty()
                && plan.release().isEmpty());
    }

    @Test
    void renewsWhatItHoldsAndShouldHold() {
        String market = ownedBy("a", Set.of("a", "b"));
        MarketLease lease = new MarketLease("a", NOW + 500);

        MarketAssignment.Plan plan =
                MarketAssignment.plan("a", Set.of("a", "b"), List.of(market), Map.of(market, lease), NOW);

        assertEquals(Map.of(market, lease), plan.renew());
        assertTrue(plan.acquire().isEmpty());
    }

    @Test
    void waitsWhileAnotherInstanceHoldsALiveLeaseOnAMarketItShouldOwn() {
        // b held the market before a joined; b releases it on its own next round
        String market = ownedBy("a", Set.of("a", "b"));
        MarketAssignment.Plan plan = MarketAssignment.plan(
                "a", Set.of("a", "b"), List.of(market), Map.of(market, new MarketLease("b", NOW + 3_000)), NOW);

        assertTrue(plan.isIdle());
    }

    @Test
    void releasesAMarketThatNowBelongsToAnotherLiveInstance() {
        String market = ownedBy("a", Set.of("a", "b"));
        MarketLease lease = new MarketLease("b", NOW + 3_000);

        MarketAssignment.Plan plan =
                MarketAssignment.plan("b", Set.of("a", "b"), List.of(market), Map.of(market, lease), NOW);

        assertEquals(Map.of(market, lease), plan.release());
        assertTrue(plan.renew().isEmpty());
    }

    @Test
    void takesOverTheExpiredLeasesOfADeadInstance() {
        // c was killed: its heartbeat is gone from the live set and its leases ran out
        Map<String, MarketLease> leases = new HashMap<>();
        Set<String> cHad = new HashSet<>();
        for (String market : MARKETS) {
            if (MarketAssignment.ownerOf(market, Set.of("a", "b", "c")).equals("c")) {
                leases.put(market, new MarketLease("c", NOW - 1));
                cHad.add(market);
            }
        }
        MarketAssignment.Plan a = MarketAssignment.plan("a", Set.of("a", "b"), MARKETS, leases, NOW);
        MarketAssignment.Plan b = MarketAssignment.plan("b", Set.of("a", "b"), MARKETS, leases, NOW);

        Set<String> takenOver = new HashSet<>(a.takeOver().keySet());
        takenOver.addAll(b.takeOver().keySet());
        assertEquals(cHad, takenOver);
        assertTrue(a.takeOver().keySet().stream().noneMatch(b.takeOver()::containsKey), "no market taken twice");
    }

    @Test
    void doesNotTakeALeaseThatHasNotExpiredEvenIfItsHolderLooksDead() {
        String market = ownedBy("a", Set.of("a"));
        MarketAssignment.Plan plan = MarketAssignment.plan(
                "a", Set.of("a"), List.of(market), Map.of(market, new MarketLease("c", NOW + 1)), NOW);

        assertTrue(plan.isIdle());
    }

    @Test
    void acquiresNothingBeforeItsOwnHeartbeatIsVisible() {
        assertTrue(MarketAssignment.plan("a", Set.of(), MARKETS, Map.of(), NOW).isIdle());
    }

    @Test
    void releasesLeasesOnMarketsNoLongerConfigured() {
        MarketLease lease = new MarketLease("a", NOW + 500);
        MarketAssignment.Plan plan = MarketAssignment.plan("a", Set.of("a"), List.of(), Map.of("KX-GONE", lease), NOW);

        assertEquals(Map.of("KX-GONE", lease), plan.release());
    }

    @Test
    void leaseSurvivesItsStringForm() {
        MarketLease lease = new MarketLease("kalshi-7f3a", 1_764_000_000_123L);
        assertEquals(lease, MarketLease.decode(lease.encode()));
        assertTrue(lease.expiredAt(1_764_000_000_123L));
    }

    private static String ownedBy(String member, Set<String> live) {
        return MARKETS.stream()
                .filter(m -> MarketAssignment.ownerOf(m, live).equals(member))
                .findFirst()
                .orElseThrow();
    }
}

package com.doubletime.domain;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive evaluations into the opportunity stream: an event when an opportunity appears or
 * its terms change, a close (with its lifetime) when it disappears, nothing when an evaluation repeats.
 * Ids are {@code pairId:direction:n}, n counting opportunities opened since start; a live or paper run adds
 * what tells it from every other run ({@code pairId:direction:run-n}), so ids stay unique across restarts
 * in one journal, while replay keeps its deterministic {@code :1, :2, …}.
 */
public final class OpportunityTracker {
    private final Map<String, Open[]> openByPair = new HashMap<>();
    private final String runPrefix;
    private long opened;

    /** Ids counted from 1 with nothing else: the same input gives the same ids (replay). */
    public OpportunityTracker() {
        this("");
    }

    /** @param run unique to this run (a live or paper monitor's start instant); empty for none */
    public OpportunityTracker(String run) {
        this.runPrefix = run.isEmpty() ? "" : run + "-";
    }

    /** Returns the event this evaluation causes, or null. {@code found} is null when there is none. */
    public OpportunityEvent update(String pairId, Direction direction, Opportunity found, long nowNanos) {
        Open[] slots = openByPair.computeIfAbsent(pairId, id -> new Open[Direction.values().length]);
        Open current = slots[direction.ordinal()];
        if (found == null) {
            if (current == null) {
                return null;
            }
            slots[direction.ordinal()] = null;
            return new ArbitrageOpportunityClosed(
                    current.id, pairId, direction, nowNanos - current.openedAtNanos, nowNanos);
        }
        if (current == null) {
            String id = pairId + ":" + direction.name() + ":" + runPrefix + ++opened;
            slots[direction.ordinal()] = new Open(id, nowNanos, found);
            return new ArbitrageOpportunityFound(id, found, nowNanos);
        }
        if (current.latest.sameTerms(found)) {
            return null;
        }
        current.latest = found;
        return new ArbitrageOpportunityFound(current.id, found, nowNanos);
    }

    /**
     * Closes every open opportunity of a pair that is no longer watched (removed through the API) and
     * forgets the pair; the events returned are what a consumer needs to stop trading them.
     */
    public List<OpportunityEvent> closeAll(String pairId, long nowNanos) {
        Open[] slots = openByPair.remove(pairId);
        List<OpportunityEvent> closed = new ArrayList<>();
        if (slots != null) {
            for (Direction direction : Direction.values()) {
                Open open = slots[direction.ordinal()];
                if (open != null) {
                    closed.add(new ArbitrageOpportunityClosed(
                            open.id, pairId, direction, nowNanos - open.openedAtNanos, nowNanos));
                }
            }
        }
        return closed;
    }

    public boolean isOpen(String pairId, Direction direction) {
        Open[] slots = openByPair.get(pairId);
        return slots != null && slots[direction.ordinal()] != null;
    }

    private static final class Open {
        private final String id;
        private final long openedAtNanos;
        private Opportunity latest;

        private Open(String id, long openedAtNanos, Opportunity latest) {
            this.id = id;
            this.openedAtNanos = openedAtNanos;
            this.latest = latest;
        }
    }
}

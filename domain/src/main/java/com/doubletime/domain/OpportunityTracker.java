package com.doubletime.domain;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns successive evaluations into the opportunity stream: an event when an opportunity appears or
 * its terms change, a close (with its lifetime) when it disappears, nothing when an evaluation repeats.
 * Ids are {@code pairId:direction:n}, n counting opportunities opened since start.
 */
public final class OpportunityTracker {
    private final Map<String, Open[]> openByPair = new HashMap<>();
    private long opened;

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
            String id = pairId + ":" + direction.name() + ":" + ++opened;
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
    public java.util.List<OpportunityEvent> closeAll(String pairId, long nowNanos) {
        Open[] slots = openByPair.remove(pairId);
        java.util.List<OpportunityEvent> closed = new java.util.ArrayList<>();
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

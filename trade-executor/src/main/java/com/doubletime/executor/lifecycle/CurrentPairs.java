package com.doubletime.executor.lifecycle;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.event.PairsChanged;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one owner of the executor's pairs as they are now: the configured pairs at start, then every change
 * announced on the bus (added over the API, removed, edited = removed and added with new terms). The decision,
 * the last look, the legs, start-up recovery and position reconciliation all read it; nothing keeps its own
 * copy. Single writer: the executor's thread.
 */
public final class CurrentPairs {
    private final Map<String, MarketPair> byId = new LinkedHashMap<>();

    public CurrentPairs(Collection<MarketPair> initial) {
        initial.forEach(pair -> byId.put(pair.id(), pair));
    }

    /** The pair as it is now, or null when no pair has this id (never configured, or removed). */
    public MarketPair find(String pairId) {
        return byId.get(pairId);
    }

    /** Removed first, so a pair whose terms changed (in both lists) ends with its new terms. */
    public void apply(PairsChanged change) {
        change.removed().forEach(pair -> byId.remove(pair.id()));
        change.added().forEach(pair -> byId.put(pair.id(), pair));
    }

    public List<MarketPair> all() {
        return List.copyOf(byId.values());
    }
}

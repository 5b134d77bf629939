package com.doubletime.domain;

import com.doubletime.domain.event.PairsChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pairs the system trades, as changed at run time through the HTTP API. Every change is validated as
 * strictly as the pairs file (contracts §1: one id once, a token id in one place only) and answered with
 * the {@link PairsChanged} event that carries it to the monitor, the executor and the feeds.
 *
 * <p>Single writer: the gateway's event loop.
 */
public final class ConfiguredPairs {
    private final Map<String, MarketPair> byId = new LinkedHashMap<>();

    public ConfiguredPairs(List<MarketPair> initial) {
        PairsFile.checkUnique(initial);
        initial.forEach(pair -> byId.put(pair.id(), pair));
    }

    public List<MarketPair> pairs() {
        return List.copyOf(byId.values());
    }

    public MarketPair find(String id) {
        return byId.get(id);
    }

    /** @throws PairsFileException naming the field when the id or a token id is already in use */
    public PairsChanged add(MarketPair pair) {
        if (byId.containsKey(pair.id())) {
            throw new PairsFileException(pair.id(), "id", "a pair with this id already exists");
        }
        List<MarketPair> next = new ArrayList<>(byId.values());
        next.add(pair);
        PairsFile.checkUnique(next);
        byId.put(pair.id(), pair);
        return new PairsChanged(pairs(), List.of(pair), List.of());
    }

    /** Null when no pair has this id. */
    public PairsChanged remove(String id) {
        MarketPair removed = byId.remove(id);
        return removed == null ? null : new PairsChanged(pairs(), List.of(), List.of(removed));
    }

    /** Replaces every pair (a reloaded pairs file); pairs whose terms changed are removed and added again. */
    public PairsChanged replaceAll(List<MarketPair> pairs) {
        PairsFile.checkUnique(pairs);
        Map<String, MarketPair> next = new LinkedHashMap<>();
        pairs.forEach(pair -> next.put(pair.id(), pair));
        List<MarketPair> added = new ArrayList<>();
        List<MarketPair> removed = new ArrayList<>();
        for (MarketPair old : byId.values()) {
            if (!Objects.equals(next.get(old.id()), old)) {
                removed.add(old);
            }
        }
        for (MarketPair pair : next.values()) {
            if (!Objects.equals(byId.get(pair.id()), pair)) {
                added.add(pair);
            }
        }
        byId.clear();
        byId.putAll(next);
        return new PairsChanged(pairs(), added, removed);
    }
}

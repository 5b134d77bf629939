package com.doubletime.domain.event;

import com.doubletime.domain.MarketPair;
import java.util.List;

/**
 * The configured pairs changed (HTTP API add, remove or reload). {@code pairs} is the complete new set, so
 * a feed can recompute its subscriptions from it alone; {@code added} and {@code removed} are the
 * difference, for services that keep per-pair state. A pair whose terms changed appears in both.
 */
public record PairsChanged(List<MarketPair> pairs, List<MarketPair> added, List<MarketPair> removed) {
    public PairsChanged {
        pairs = List.copyOf(pairs);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}

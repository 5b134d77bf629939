package com.doubletime.simulator;

import java.util.List;

/** The changes of one {@code price_change} message: one market, possibly both of its tokens. */
record PolymarketPriceChange(String conditionId, List<PolymarketLevelChange> changes) {

    PolymarketPriceChange {
        changes = List.copyOf(changes);
    }
}

package com.doubletime.domain.event;

import com.doubletime.domain.Direction;

/** The opportunity stream of contracts §4. */
public sealed interface OpportunityEvent permits ArbitrageOpportunityFound, ArbitrageOpportunityClosed {
    String id();

    String pairId();

    Direction direction();
}

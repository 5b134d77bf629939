package com.doubletime.domain.event;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Opportunity;

/** An opportunity appeared, or its size, limit prices or edge changed ({@code type: opportunity}). */
public record ArbitrageOpportunityFound(String id, Opportunity opportunity, long detectedAtNanos)
        implements OpportunityEvent {
    @Override
    public String pairId() {
        return opportunity.pairId();
    }

    @Override
    public Direction direction() {
        return opportunity.direction();
    }
}

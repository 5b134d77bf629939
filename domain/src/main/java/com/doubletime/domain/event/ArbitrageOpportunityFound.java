package com.doubletime.domain.event;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.ReturnOnCapital;

/**
 * An opportunity appeared, or its size, limit prices or edge changed ({@code type: opportunity}).
 *
 * @param returnOnCapital the contracts §7 fields, or null when either market's expected resolution is unknown
 */
public record ArbitrageOpportunityFound(
        String id, Opportunity opportunity, long detectedAtNanos, ReturnOnCapital returnOnCapital)
        implements OpportunityEvent {

    /** Without the §7 fields (resolution times unknown). */
    public ArbitrageOpportunityFound(String id, Opportunity opportunity, long detectedAtNanos) {
        this(id, opportunity, detectedAtNanos, null);
    }

    @Override
    public String pairId() {
        return opportunity.pairId();
    }

    @Override
    public Direction direction() {
        return opportunity.direction();
    }

    public ArbitrageOpportunityFound withReturnOnCapital(ReturnOnCapital value) {
        return new ArbitrageOpportunityFound(id, opportunity, detectedAtNanos, value);
    }
}

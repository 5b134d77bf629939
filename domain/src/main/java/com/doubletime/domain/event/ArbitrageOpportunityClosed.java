package com.doubletime.domain.event;

import com.doubletime.domain.Direction;

/** An opportunity disappeared ({@code type: opportunity_closed}); it lived {@code lifetimeNanos}. */
public record ArbitrageOpportunityClosed(
        String id, String pairId, Direction direction, long lifetimeNanos, long closedAtNanos)
        implements OpportunityEvent {}

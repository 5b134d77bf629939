package com.doubletime.domain.order;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;

/** Contracts held on a venue: {@code quantity} (FixedPoint) of {@code outcome} on {@code instrument}. */
public record VenuePosition(Platform platform, String instrument, Outcome outcome, long quantity) {}

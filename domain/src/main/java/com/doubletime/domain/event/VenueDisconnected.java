package com.doubletime.domain.event;

import com.doubletime.domain.Platform;

/** The venue's connection dropped: every book of that venue is stale until its next snapshot. */
public record VenueDisconnected(Platform platform, String reason, long atNanos) implements MarketDataEvent {}

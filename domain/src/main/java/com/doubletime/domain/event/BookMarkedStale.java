package com.doubletime.domain.event;

import com.doubletime.domain.Platform;

/** A book can no longer be trusted (sequence gap, failed check) until its next snapshot. */
public record BookMarkedStale(Platform platform, String instrument, String reason, long atNanos)
        implements MarketDataEvent {}

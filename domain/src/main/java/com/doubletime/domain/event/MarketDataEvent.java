package com.doubletime.domain.event;

import com.doubletime.domain.Platform;

/** What a feed tells the monitor about one venue's books. */
public sealed interface MarketDataEvent
        permits OrderBookSnapshotReceived, OrderBookDeltaReceived, BookMarkedStale, VenueDisconnected {
    Platform platform();
}

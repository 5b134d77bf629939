package com.doubletime.domain.event;

import com.doubletime.domain.Levels;
import com.doubletime.domain.Platform;

/**
 * A full book for one instrument (a Kalshi ticker, held in YES terms, or a Polymarket token id).
 * After it the book is fresh.
 */
public record OrderBookSnapshotReceived(
        Platform platform, String instrument, Levels bids, Levels asks, long receivedAtNanos)
        implements MarketDataEvent {}

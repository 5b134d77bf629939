package com.doubletime.domain.event;

import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;

/**
 * One level changed. {@code absolute} sizes replace the level (Polymarket); otherwise {@code size} is a
 * signed change (Kalshi). Either way the level goes when its size reaches zero or below.
 */
public record OrderBookDeltaReceived(
        Platform platform, String instrument, Side side, long price, long size, boolean absolute, long receivedAtNanos)
        implements MarketDataEvent {}

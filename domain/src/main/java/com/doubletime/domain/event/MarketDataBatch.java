package com.doubletime.domain.event;

import com.doubletime.domain.Platform;
import java.util.List;

/**
 * The events decoded from one received frame. The monitor applies them all before it evaluates, so a
 * frame that moves both tokens of a market is never judged half-applied.
 */
public record MarketDataBatch(Platform platform, long receivedAtNanos, List<MarketDataEvent> events) {
    public MarketDataBatch {
        events = List.copyOf(events);
    }
}

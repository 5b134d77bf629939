package com.doubletime.feed;

import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a feed's configured instruments have no usable book, for its health report. Follows the
 * monitor's rule: stale from the start, after a gap or a disconnect, fresh again on a snapshot.
 */
public final class BookFreshness {
    private final Set<String> configured;
    private final Set<String> stale;

    public BookFreshness(Collection<String> instruments) {
        this.configured = Set.copyOf(instruments);
        this.stale = new TreeSet<>(instruments);
    }

    public void apply(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            if (event instanceof OrderBookSnapshotReceived snapshot) {
                stale.remove(snapshot.instrument());
            } else if (event instanceof BookMarkedStale marked && configured.contains(marked.instrument())) {
                stale.add(marked.instrument());
            } else if (event instanceof VenueDisconnected) {
                stale.addAll(configured);
            }
        }
    }

    /** Sorted. */
    public List<String> staleInstruments() {
        return List.copyOf(stale);
    }
}

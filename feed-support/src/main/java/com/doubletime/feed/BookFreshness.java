package com.doubletime.feed;

import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a feed's instruments have no usable book, for its health report. Follows the monitor's rule:
 * stale from the start, after a gap or a disconnect, fresh again on a snapshot. The instruments follow the
 * feed's (pairs added or removed at run time): one added is stale until its first snapshot.
 */
public final class BookFreshness {
    private final Set<String> instruments = new HashSet<>();
    private final Set<String> stale = new TreeSet<>();

    public BookFreshness(Collection<String> instruments) {
        follow(instruments);
    }

    /** The instruments the feed streams from now on. */
    public void follow(Collection<String> current) {
        Set<String> added = new HashSet<>(current);
        added.removeAll(instruments);
        instruments.clear();
        instruments.addAll(current);
        stale.retainAll(instruments);
        stale.addAll(added);
    }

    public void apply(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            if (event instanceof OrderBookSnapshotReceived snapshot) {
                stale.remove(snapshot.instrument());
            } else if (event instanceof BookMarkedStale marked && instruments.contains(marked.instrument())) {
                stale.add(marked.instrument());
            } else if (event instanceof VenueDisconnected) {
                stale.addAll(instruments);
            }
        }
    }

    /** Sorted. */
    public List<String> staleInstruments() {
        return List.copyOf(stale);
    }
}

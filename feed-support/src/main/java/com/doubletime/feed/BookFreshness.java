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
 * Which of a feed's instruments have no usable book, for its health report. Follows the monitor's rule: stale
 * from the start, after a gap or a disconnect, fresh again on a snapshot. The instruments asked about are the
 * ones the feed streams at that moment, which change when a scaled-out instance gains or gives up markets: an
 * instrument it gains is stale until its snapshot arrives, one it gave up is no longer its to report.
 */
public final class BookFreshness {
    private final Set<String> fresh = new HashSet<>();

    public void apply(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            if (event instanceof OrderBookSnapshotReceived snapshot) {
                fresh.add(snapshot.instrument());
            } else if (event instanceof BookMarkedStale marked) {
                fresh.remove(marked.instrument());
            } else if (event instanceof VenueDisconnected) {
                fresh.clear();
            }
        }
    }

    /** Those of {@code instruments} without a usable book now, sorted. */
    public List<String> staleAmong(Collection<String> instruments) {
        Set<String> stale = new TreeSet<>(instruments);
        stale.removeAll(fresh);
        return List.copyOf(stale);
    }
}

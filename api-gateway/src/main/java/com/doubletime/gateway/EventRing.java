package com.doubletime.gateway;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.format.OpportunityJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} events of one stream (opportunities, trades or feed health), each numbered with
 * a stream id, for the history endpoints and for resuming an SSE stream from {@code Last-Event-ID}.
 *
 * <p>Ids are consecutive. The first one is chosen by the caller; the gateway starts from its start time
 * in epoch microseconds, so ids keep increasing across gateway restarts and a client resuming with an
 * id from before a restart gets everything this run still holds instead of nothing. Single writer.
 */
final class EventRing {
    private final StreamedEvent[] slots;
    private final long firstId;
    private long nextId;

    EventRing(int capacity, long firstId) {
        this.slots = new StreamedEvent[capacity];
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** An opportunity event (contracts §4), with its pair, time and edge per contract kept for the filters. */
    StreamedEvent append(OpportunityEvent event) {
        if (event instanceof ArbitrageOpportunityFound found) {
            return append(
                    "opportunity",
                    OpportunityJson.write(event),
                    found.pairId(),
                    found.detectedAtNanos(),
                    found.opportunity().edgePerContract());
        }
        ArbitrageOpportunityClosed closed = (ArbitrageOpportunityClosed) event;
        return append(
                "opportunity_closed", OpportunityJson.write(event), closed.pairId(), closed.closedAtNanos(), null);
    }

    StreamedEvent append(String type, String json, String pairId, long atNanos, BigDecimal edgePerContract) {
        StreamedEvent streamed = new StreamedEvent(nextId, type, json, pairId, atNanos, edgePerContract);
        slots[(int) ((nextId - firstId) % slots.length)] = streamed;
        nextId++;
        return streamed;
    }

    /**
     * Events after {@code lastSeenId}, oldest first. An id older than what is held gets all that is held (the
     * client has missed some for good); an id this run never issued (from an earlier run, or forged) gets
     * everything held too.
     */
    List<StreamedEvent> after(long lastSeenId) {
        long from = lastSeenId >= firstId && lastSeenId < nextId ? lastSeenId + 1 : oldestId();
        return range(Math.max(from, oldestId()), nextId);
    }

    /** The newest {@code limit} events, oldest first. */
    List<StreamedEvent> latest(int limit) {
        return range(Math.max(oldestId(), nextId - limit), nextId);
    }

    int size() {
        return (int) (nextId - oldestId());
    }

    /** The id of the newest event, or {@code firstId − 1} before any. */
    long lastId() {
        return nextId - 1;
    }

    private long oldestId() {
        return Math.max(firstId, nextId - slots.length);
    }

    private List<StreamedEvent> range(long fromInclusive, long toExclusive) {
        List<StreamedEvent> events = new ArrayList<>((int) Math.max(0, toExclusive - fromInclusive));
        for (long id = fromInclusive; id < toExclusive; id++) {
            events.add(slots[(int) ((id - firstId) % slots.length)]);
        }
        return events;
    }
}

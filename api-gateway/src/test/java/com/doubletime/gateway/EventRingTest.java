package com.doubletime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.format.OpportunityJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static final long FIRST = 1_000;

    private static EventRing ringWith(int capacity, int events) {
        EventRing ring = new EventRing(capacity, FIRST);
        for (int i = 1; i <= events; i++) {
            ring.append(Opportunities.found(i));
        }
        return ring;
    }

    private static List<Long> ids(List<StreamedEvent> events) {
        return events.stream().map(StreamedEvent::id).toList();
    }

    @Test
    void numbersEventsConsecutivelyAndRendersTheContractJsonOnce() {
        EventRing ring = new EventRing(4, FIRST);

        StreamedEvent found = ring.append(Opportunities.found(1));
        StreamedEvent closed = ring.append(Opportunities.closed(1));

        assertEquals(
                new StreamedEvent(
                        FIRST,
                        "opportunity",
                        OpportunityJson.write(Opportunities.found(1)),
                        Opportunities.PAIR_ID,
                        Opportunities.found(1).detectedAtNanos(),
                        new BigDecimal("0.022952")),
                found);
        assertEquals(
                new StreamedEvent(
                        FIRST + 1,
                        "opportunity_closed",
                        OpportunityJson.write(Opportunities.closed(1)),
                        Opportunities.PAIR_ID,
                        Opportunities.closed(1).closedAtNanos(),
                        null),
                closed);
        assertEquals("id: 1001\nevent: opportunity_closed\ndata: " + closed.json() + "\n\n", closed.sseFrame());
    }

    @Test
    void keepsOnlyTheNewestEventsOldestFirst() {
        EventRing ring = ringWith(3, 5);

        assertEquals(List.of(1002L, 1003L, 1004L), ids(ring.latest(10)));
        assertEquals(List.of(1003L, 1004L), ids(ring.latest(2)));
        assertEquals(3, ring.size());
        assertEquals(1004, ring.lastId());
    }

    @Test
    void replaysWhatCameAfterTheLastSeenId() {
        EventRing ring = ringWith(10, 5);

        assertEquals(List.of(1003L, 1004L), ids(ring.after(1002)));
        assertEquals(List.of(), ids(ring.after(1004)));
    }

    @Test
    void replaysEverythingHeldWhenTheLastSeenIdIsTooOldOrUnknown() {
        EventRing ring = ringWith(3, 5);

        assertEquals(List.of(1002L, 1003L, 1004L), ids(ring.after(1000)), "older than the buffer");
        assertEquals(List.of(1002L, 1003L, 1004L), ids(ring.after(17)), "from an earlier gateway run");
        assertEquals(List.of(1002L, 1003L, 1004L), ids(ring.after(99_999)), "never issued");
    }
}

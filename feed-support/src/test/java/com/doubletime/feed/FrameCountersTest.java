package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCountersTest {
    @Test
    void countsFramesAndMalformedOnesByReasonInDeclaredOrderLeavingOutReasonsNeverSeen() {
        FrameCounters counters = new FrameCounters();
        counters.frame();
        counters.frame();
        counters.malformed(new MalformedFrameException(MalformedReason.LEGACY_PRICE_CHANGE, "flat schema"));
        counters.malformed(new MalformedFrameException(MalformedReason.PRICE_OUT_OF_RANGE, "ask 0"));
        counters.malformed(new MalformedFrameException(MalformedReason.PRICE_OUT_OF_RANGE, "bid 1"));

        assertEquals(2, counters.frames());
        assertEquals(3, counters.malformed());
        assertEquals(2, counters.malformed(MalformedReason.PRICE_OUT_OF_RANGE));
        assertEquals(Map.of("price_out_of_range", 2L, "legacy_price_change", 1L), counters.malformedByReason());
        assertEquals(
                List.of("price_out_of_range", "legacy_price_change"),
                List.copyOf(counters.malformedByReason().keySet()));
        assertEquals("price_out_of_range: bid 1", counters.lastError());
    }
}

package com.doubletime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.format.OpportunityJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPathWarmUpTest {
    @Test
    void everyWindowIsOpenedPricedChangedAndClosedInBothDirections() {
        List<OpportunityEvent> events = new ArrayList<>();
        int handed = WindowPathWarmUp.run(10, events::add);

        assertEquals(30, handed);
        assertEquals(30, events.size());
        for (int window = 0; window < 10; window++) {
            Direction direction =
                    window % 2 == 0 ? Direction.KALSHI_YES_POLYMARKET_NO : Direction.KALSHI_NO_POLYMARKET_YES;
            ArbitrageOpportunityFound opened =
                    assertInstanceOf(ArbitrageOpportunityFound.class, events.get(3 * window));
            ArbitrageOpportunityFound changed =
                    assertInstanceOf(ArbitrageOpportunityFound.class, events.get(3 * window + 1));
            ArbitrageOpportunityClosed closed =
                    assertInstanceOf(ArbitrageOpportunityClosed.class, events.get(3 * window + 2));
            assertEquals(direction, opened.direction());
            assertEquals(opened.id(), changed.id());
            assertEquals(opened.id(), closed.id());
            assertTrue(opened.opportunity().edge().signum() > 0, "a priced window with an edge: " + opened);
            // one more contract on the Kalshi level: the window grows
            assertEquals(
                    opened.opportunity().quantity() + 1, changed.opportunity().quantity());
            // the warm-up's events are formatted as any other
            assertTrue(OpportunityJson.write(opened).contains("\"pairId\":\"dt-warm-up\""));
        }
    }
}

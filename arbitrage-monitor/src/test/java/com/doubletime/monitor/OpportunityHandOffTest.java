package com.doubletime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Direction;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityHandOffTest {
    private static OpportunityEvent closed(int n) {
        return new ArbitrageOpportunityClosed(
                "p:KALSHI_YES_POLYMARKET_NO:" + n, "p", Direction.KALSHI_YES_POLYMARKET_NO, n, n);
    }

    @Test
    void everyEventOfTheFrameReachesTheDeciderBeforeAnyIsAnnounced() {
        List<String> calls = new ArrayList<>();
        OpportunityHandOff handOff = new OpportunityHandOff(
                event -> calls.add("decide " + event.id()), event -> calls.add("announce " + event.id()));
        handOff.accept(closed(1));
        handOff.accept(closed(2));
        assertEquals(List.of(), calls, "nothing is handed on while the frame is evaluated");

        handOff.decide();
        calls.add("frame latency recorded");
        handOff.announce();

        assertEquals(
                List.of(
                        "decide p:KALSHI_YES_POLYMARKET_NO:1",
                        "decide p:KALSHI_YES_POLYMARKET_NO:2",
                        "frame latency recorded",
                        "announce p:KALSHI_YES_POLYMARKET_NO:1",
                        "announce p:KALSHI_YES_POLYMARKET_NO:2"),
                calls);
    }

    @Test
    void announcingDecidesFirstOnceAndForgetsTheEvents() {
        List<String> calls = new ArrayList<>();
        OpportunityHandOff handOff = new OpportunityHandOff(
                event -> calls.add("decide " + event.id()), event -> calls.add("announce " + event.id()));
        handOff.accept(closed(1));
        handOff.decide();
        handOff.accept(closed(2));
        handOff.announce();
        handOff.announce();

        assertEquals(
                List.of(
                        "decide p:KALSHI_YES_POLYMARKET_NO:1",
                        "decide p:KALSHI_YES_POLYMARKET_NO:2",
                        "announce p:KALSHI_YES_POLYMARKET_NO:1",
                        "announce p:KALSHI_YES_POLYMARKET_NO:2"),
                calls);
    }
}

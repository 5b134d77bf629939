package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PriceLadderTest {
    private static long p(String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void bidsAreKeptHighestFirstWhateverTheArrivalOrder() {
        PriceLadder bids = PriceLadder.bids();
        bids.set(p("0.08"), p("300"));
        bids.set(p("0.22"), p("333"));
        bids.set(p("0.10"), p("5"));
        assertEquals(p("0.22"), bids.price(0));
        assertEquals(p("0.10"), bids.price(1));
        assertEquals(p("0.08"), bids.price(2));
    }

    @Test
    void asksAreKeptLowestFirst() {
        PriceLadder asks = PriceLadder.asks();
        asks.set(p("0.99"), p("1"));
        asks.set(p("0.98"), p("2"));
        assertEquals(p("0.98"), asks.price(0));
    }

    @Test
    void signedChangeRemovesTheLevelAtZeroOrBelow() {
        PriceLadder bids = PriceLadder.bids();
        bids.change(p("0.96"), p("54"));
        bids.change(p("0.96"), p("-20.5"));
        assertEquals(p("33.5"), bids.sizeAt(p("0.96")));
        bids.change(p("0.96"), p("-40"));
        assertTrue(bids.isEmpty());
    }

    @Test
    void negativeChangeToAMissingLevelCreatesNothing() {
        PriceLadder bids = PriceLadder.bids();
        bids.change(p("0.50"), p("-5"));
        assertTrue(bids.isEmpty());
    }

    @Test
    void absoluteSizeZeroRemovesTheLevel() {
        PriceLadder asks = PriceLadder.asks();
        asks.set(p("0.5"), p("200"));
        asks.set(p("0.5"), p("150"));
        assertEquals(p("150"), asks.sizeAt(p("0.5")));
        asks.set(p("0.5"), 0);
        assertTrue(asks.isEmpty());
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        PriceLadder asks = PriceLadder.asks();
        for (int tick = 100; tick > 0; tick--) {
            asks.set(tick * 10_000L, FixedPoint.ONE);
        }
        assertEquals(100, asks.levelCount());
        assertEquals(10_000L, asks.price(0));
    }
}

package com.doubletime.simulator;

import static com.doubletime.simulator.FixedPoint.ONE_DOLLAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomWalkTest {

    private static final SimulatedMarket SAME = new SimulatedMarket("T-SAME", "0xaa", "1001", "1002", false);
    private static final SimulatedMarket INVERSE = new SimulatedMarket("T-INV", "0xbb", "2001", "2002", true);
    private static final List<SimulatedMarket> MARKETS = List.of(SAME, INVERSE);

    @Test
    void randomWalkIsDeterministicForASeed() {
        assertEquals(run(42, 300, 10), run(42, 300, 10));
        assertNotEquals(run(42, 300, 10), run(43, 300, 10));
    }

    @Test
    void randomWalkReportsOnlyChangedLevels() {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        RandomWalk walk = new RandomWalk(books, MARKETS, 5, 10);
        RecordingListener recorder = new RecordingListener();
        books.listener(recorder);
        for (int step = 0; step < 200; step++) {
            walk.step();
        }
        assertFalse(recorder.kalshiDeltas.isEmpty());
        recorder.kalshiDeltas.forEach(delta -> assertNotEquals(0, delta.delta(), delta.toString()));
    }

    @Test
    void randomWalkNeverCrossesOrEmptiesABookAndMirrorsPolymarketTokens() {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        RandomWalk walk = new RandomWalk(books, MARKETS, 11, 7);
        // checked after every single delta / level change, not only between steps
        books.listener(new BookListener() {
            @Override
            public void onKalshiDelta(KalshiDelta delta) {
                KalshiBook book = books.kalshi(delta.ticker());
                assertFalse(book.isCrossed(), "crossed Kalshi book after " + delta);
                assertFalse(
                        book.bids(KalshiSide.YES).isEmpty()
                                || book.bids(KalshiSide.NO).isEmpty(),
                        "emptied a Kalshi side at " + delta);
            }

            @Override
            public void onPolymarketPriceChange(PolymarketPriceChange change) {
                for (PolymarketLevelChange level : change.changes()) {
                    assertTrue(level.bestBid() < level.bestAsk(), "crossed Polymarket book at " + level);
                    assertTrue(
                            level.bestBid() > PolymarketBook.NO_BID && level.bestAsk() < PolymarketBook.NO_ASK,
                            "emptied a Polymarket side at " + level);
                }
            }
        });
        for (int step = 0; step < 2_000; step++) {
            walk.step();
            for (SimulatedMarket market : MARKETS) {
                assertMirrored(books.polymarket(market.yesTokenId()), books.polymarket(market.noTokenId()));
                KalshiBook kalshi = books.kalshi(market.kalshiTicker());
                assertFalse(kalshi.bids(KalshiSide.YES).isEmpty());
                assertFalse(kalshi.bids(KalshiSide.NO).isEmpty());
            }
        }
    }

    @Test
    void randomWalkOffersNoBuyBothEdgeWithoutWindows() {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        RandomWalk walk = new RandomWalk(books, MARKETS, 3, 0);
        for (int step = 0; step < 2_000; step++) {
            walk.step();
            for (SimulatedMarket market : MARKETS) {
                assertTrue(cheapestBuyBoth(books, market) > ONE_DOLLAR, "edge without a window at step " + step);
            }
        }
    }

    @Test
    void randomWalkInjectsBuyBothWindowsOfThreeToSixCents() {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        int every = 10;
        RandomWalk walk = new RandomWalk(books, MARKETS, 8, every);
        int stepsWithWindow = 0;
        for (int step = 1; step <= 1_000; step++) {
            walk.step();
            long cheapest = Math.min(cheapestBuyBoth(books, SAME), cheapestBuyBoth(books, INVERSE));
            if (cheapest < ONE_DOLLAR) {
                stepsWithWindow++;
                assertTrue(cheapest <= ONE_DOLLAR - 3 * FixedPoint.CENT, "window edge under 3 cents at step " + step);
                assertTrue(cheapest >= ONE_DOLLAR - 6 * FixedPoint.CENT, "window edge over 6 cents at step " + step);
            }
        }
        // 100 windows of 2–4 steps each
        assertTrue(stepsWithWindow >= 200 && stepsWithWindow <= 400, "steps with a window: " + stepsWithWindow);
    }

    @Test
    void randomWalkQuotesInversePairsOnThePolymarketNoToken() {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        RandomWalk walk = new RandomWalk(books, MARKETS, 21, 0);
        for (int step = 0; step < 1_000; step++) {
            walk.step();
            KalshiBook kalshi = books.kalshi(INVERSE.kalshiTicker());
            long kalshiYesBid = kalshi.bids(KalshiSide.YES).highest(0);
            long kalshiYesAsk = ONE_DOLLAR - kalshi.bids(KalshiSide.NO).highest(0);
            PolymarketBook polyNo = books.polymarket(INVERSE.noTokenId());
            // both venues quote around the same fair value, at most 3 cents either side of it
            assertTrue(Math.abs(polyNo.bestBid() - kalshiYesBid) <= 2 * FixedPoint.CENT);
            assertTrue(Math.abs(polyNo.bestAsk() - kalshiYesAsk) <= 2 * FixedPoint.CENT);
        }
    }

    /** Cheapest of the two buy-both directions: Kalshi YES + the token paying with Kalshi NO, or the reverse. */
    static long cheapestBuyBoth(SimulatedBooks books, SimulatedMarket market) {
        KalshiBook kalshi = books.kalshi(market.kalshiTicker());
        long kalshiYesAsk = ONE_DOLLAR - kalshi.bids(KalshiSide.NO).highest(0);
        long kalshiNoAsk = ONE_DOLLAR - kalshi.bids(KalshiSide.YES).highest(0);
        long payingWithNoAsk =
                books.polymarket(market.tokenPayingWithKalshiNo()).bestAsk();
        long payingWithYesAsk =
                books.polymarket(market.tokenPayingWithKalshiYes()).bestAsk();
        return Math.min(kalshiYesAsk + payingWithNoAsk, kalshiNoAsk + payingWithYesAsk);
    }

    private static void assertMirrored(PolymarketBook yes, PolymarketBook no) {
        assertEquals(mirror(yes.asks().ascending()), Map.copyOf(no.bids().ascending()));
        assertEquals(mirror(yes.bids().ascending()), Map.copyOf(no.asks().ascending()));
    }

    private static Map<Long, Long> mirror(Map<Long, Long> levels) {
        Map<Long, Long> mirrored = new HashMap<>();
        levels.forEach((price, size) -> mirrored.put(ONE_DOLLAR - price, size));
        return mirrored;
    }

    private static List<Object> run(long seed, int steps, int windowEvery) {
        SimulatedBooks books = new SimulatedBooks(MARKETS);
        RandomWalk walk = new RandomWalk(books, MARKETS, seed, windowEvery);
        RecordingListener recorder = new RecordingListener();
        books.listener(recorder);
        for (int step = 0; step < steps; step++) {
            walk.step();
        }
        return recorder.events;
    }
}

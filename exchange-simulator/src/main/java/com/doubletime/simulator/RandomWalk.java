package com.doubletime.simulator;

import static com.doubletime.simulator.FixedPoint.CENT;
import static com.doubletime.simulator.FixedPoint.ONE_CONTRACT;
import static com.doubletime.simulator.FixedPoint.ONE_DOLLAR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Moves every market's books a little at each {@link #step()}: the fair probability drifts by at most one
 * cent and both venues requote a few levels around it, so only changed levels are reported.
 *
 * <p>Quotes are worked out in whole cents in terms of the outcome that pays with Kalshi YES: Kalshi YES
 * bids, Kalshi NO bids (YES ask = 1 − best NO bid) and the Polymarket token paying with Kalshi YES. The
 * other Polymarket token is always its exact mirror (bid at p = ask at 1 − p), as on the real CLOB; for
 * an inverse pair that paying token is Polymarket NO.
 *
 * <p>Without a window the venues never offer a buy-both edge: each venue's ask is at least one cent
 * above the fair value and its bid at most the fair value. Every {@code windowEveryNSteps} steps one
 * market's Polymarket book is shifted for a few steps so that buying one outcome on Kalshi and the
 * other on Polymarket costs 3–6 cents less than the dollar it pays.
 *
 * <p>All randomness comes from one {@link Random} in a fixed order, so a seed replays exactly.
 */
final class RandomWalk {

    private static final int MIN_FAIR_CENTS = 5;
    private static final int MAX_FAIR_CENTS = 95;
    private static final int LEVELS_PER_SIDE = 3;
    private static final int MAX_SPREAD_CENTS = 3;
    private static final int MIN_SIZE = 10;
    private static final int MAX_SIZE = 500;
    private static final int MIN_WINDOW_EDGE_CENTS = 3;
    private static final int MAX_WINDOW_EDGE_CENTS = 6;
    private static final int MIN_WINDOW_STEPS = 2;
    private static final int MAX_WINDOW_STEPS = 4;

    private final SimulatedBooks books;
    private final List<SimulatedMarket> markets;
    private final Random random;
    private final int windowEveryNSteps;
    private final int[] fairCents;
    private long steps;
    private BuyBothWindow window;

    /** Opens every market's books around a random fair value; call before a listener is attached. */
    RandomWalk(SimulatedBooks books, List<SimulatedMarket> markets, long seed, int windowEveryNSteps) {
        this.books = books;
        this.markets = List.copyOf(markets);
        this.random = new Random(seed);
        this.windowEveryNSteps = windowEveryNSteps;
        this.fairCents = new int[markets.size()];
        for (int i = 0; i < fairCents.length; i++) {
            fairCents[i] = 30 + random.nextInt(41);
            requote(i);
        }
    }

    void step() {
        steps++;
        if (window == null && windowEveryNSteps > 0 && steps % windowEveryNSteps == 0 && !markets.isEmpty()) {
            window = new BuyBothWindow(
                    random.nextInt(markets.size()),
                    between(MIN_WINDOW_EDGE_CENTS, MAX_WINDOW_EDGE_CENTS),
                    between(MIN_WINDOW_STEPS, MAX_WINDOW_STEPS));
        }
        for (int i = 0; i < fairCents.length; i++) {
            fairCents[i] = Math.max(MIN_FAIR_CENTS, Math.min(MAX_FAIR_CENTS, fairCents[i] + random.nextInt(3) - 1));
            requote(i);
        }
        if (window != null && --window.stepsLeft == 0) {
            window = null; // the next step's ordinary quotes remove it
        }
    }

    private void requote(int marketIndex) {
        SimulatedMarket market = markets.get(marketIndex);
        int fair = fairCents[marketIndex];

        int kalshiSpread = between(1, MAX_SPREAD_CENTS);
        int kalshiBestYes = fair - random.nextInt(kalshiSpread);
        int kalshiYesAsk = kalshiBestYes + kalshiSpread;
        KalshiBook kalshi = books.kalshi(market.kalshiTicker());
        TreeMap<Long, Long> yesBids = ladder(kalshi.bids(KalshiSide.YES), kalshiBestYes, -1);
        TreeMap<Long, Long> noBids = ladder(kalshi.bids(KalshiSide.NO), 100 - kalshiYesAsk, -1);

        int polySpread = between(1, MAX_SPREAD_CENTS);
        int polyBestBid = fair - random.nextInt(polySpread);
        if (window != null && window.marketIndex == marketIndex) {
            polyBestBid += windowShift(fair, kalshiBestYes, kalshiYesAsk, polyBestBid, polySpread, window.edgeCents);
        }
        PolymarketBook payingWithYes = books.polymarket(market.tokenPayingWithKalshiYes());
        TreeMap<Long, Long> polyBids = ladder(payingWithYes.bids(), polyBestBid, -1);
        TreeMap<Long, Long> polyAsks = ladder(payingWithYes.asks(), polyBestBid + polySpread, +1);

        publishKalshi(market.kalshiTicker(), kalshi, yesBids, noBids);
        publishPolymarket(market, payingWithYes, polyBids, polyAsks);
    }

    /**
     * How many cents to move the Polymarket book so one buy-both direction costs {@code edge} less than a
     * dollar. Below 50 the book moves up (Kalshi YES + the Polymarket token paying with Kalshi NO), above
     * it moves down (Kalshi NO + the token paying with Kalshi YES), which keeps every price inside (0, 1).
     */
    private static int windowShift(
            int fair, int kalshiBestYes, int kalshiYesAsk, int polyBestBid, int polySpread, int edge) {
        if (fair <= 50) {
            // token paying with Kalshi NO asks at 1 − polyBestBid
            return Math.max(0, kalshiYesAsk + edge - polyBestBid);
        }
        // Kalshi NO asks at 1 − kalshiBestYes
        return Math.min(0, kalshiBestYes - edge - (polyBestBid + polySpread));
    }

    /** Target levels from the best price outward; a price kept from the last quote usually keeps its size. */
    private TreeMap<Long, Long> ladder(PriceLevels current, int bestCents, int outward) {
        TreeMap<Long, Long> target = new TreeMap<>();
        for (int level = 0; level < LEVELS_PER_SIDE; level++) {
            int cents = bestCents + outward * level;
            if (cents < 1 || cents > 99) {
                continue;
            }
            long price = cents * CENT;
            long resting = current.size(price);
            long size = resting > 0 && random.nextInt(3) != 0 ? resting : between(MIN_SIZE, MAX_SIZE) * ONE_CONTRACT;
            target.put(price, size);
        }
        return target;
    }

    /** Publishes only the changed levels, in an order that never crosses the book (see {@link RequoteSequencer}). */
    private void publishKalshi(
            String ticker, KalshiBook book, TreeMap<Long, Long> yesBids, TreeMap<Long, Long> noBids) {
        List<RequoteSequencer.LevelMove> moves = RequoteSequencer.sequence(
                book.bids(KalshiSide.YES).ascending(), book.bids(KalshiSide.NO).ascending(), yesBids, noBids);
        for (RequoteSequencer.LevelMove move : moves) {
            KalshiSide side = move.ladder() == 0 ? KalshiSide.YES : KalshiSide.NO;
            books.applyKalshi(ticker, side, move.price(), move.toSize() - move.fromSize());
        }
    }

    /**
     * Publishes the changed levels of the token paying with Kalshi YES, each followed by its mirror on the
     * other token, as one {@code price_change}. Its asks at q are sequenced as complementary bids at 1 − q.
     */
    private void publishPolymarket(
            SimulatedMarket market, PolymarketBook payingWithYes, TreeMap<Long, Long> bids, TreeMap<Long, Long> asks) {
        List<RequoteSequencer.LevelMove> moves = RequoteSequencer.sequence(
                payingWithYes.bids().ascending(),
                complement(payingWithYes.asks().ascending()),
                bids,
                complement(asks));
        String token = market.tokenPayingWithKalshiYes();
        String mirror = market.tokenPayingWithKalshiNo();
        List<PolymarketLevelUpdate> updates = new ArrayList<>();
        for (RequoteSequencer.LevelMove move : moves) {
            long price = move.ladder() == 0 ? move.price() : ONE_DOLLAR - move.price();
            PolymarketSide side = move.ladder() == 0 ? PolymarketSide.BUY : PolymarketSide.SELL;
            updates.add(new PolymarketLevelUpdate(token, side, price, move.toSize()));
            updates.add(new PolymarketLevelUpdate(mirror, side.opposite(), ONE_DOLLAR - price, move.toSize()));
        }
        if (!updates.isEmpty()) {
            books.applyPolymarket(updates);
        }
    }

    /** Asks at q as bids at 1 − q. */
    private static TreeMap<Long, Long> complement(Map<Long, Long> asks) {
        TreeMap<Long, Long> bids = new TreeMap<>();
        asks.forEach((price, size) -> bids.put(ONE_DOLLAR - price, size));
        return bids;
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private static final class BuyBothWindow {
        final int marketIndex;
        final int edgeCents;
        int stepsLeft;

        BuyBothWindow(int marketIndex, int edgeCents, int steps) {
            this.marketIndex = marketIndex;
            this.edgeCents = edgeCents;
            this.stepsLeft = steps;
        }
    }
}

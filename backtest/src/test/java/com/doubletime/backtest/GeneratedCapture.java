package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded capture of a few pairs in both venues' wire formats: five-level books around a fair price, random size
 * changes on them (Kalshi deltas, Polymarket price changes; no book ever crosses), and buy-both windows that open and close: the
 * Polymarket NO token's best ask is refreshed, then a Kalshi NO bid jumps {@code 4..7} cents through the book (a YES
 * ask under fair) for {@code 5..200} contracts; {@code 1..40} frames later both are taken away again (the Kalshi bid,
 * then the Polymarket ask).
 *
 * <p>While a pair's window is open its window levels are left alone (the random changes touch its other levels), and
 * the Polymarket ask always holds more than the Kalshi side offers: each window is one opportunity of fixed size and
 * price from opening to close, whose liquidity the window's own Kalshi level bounds.
 */
public final class GeneratedCapture {
    private static final int DEPTH = 5;
    private static final int MIN_WINDOW = 5;
    private static final int MAX_WINDOW = 200;
    private static final int POLYMARKET_BEST_ASK = 400;
    /** Kalshi's YES bids stand this far under fair, so a window's YES ask never crosses them. */
    private static final int KALSHI_BID_GAP = 7;

    public final List<MarketPair> pairs = new ArrayList<>();
    private final Random random;
    private final int[] fair;
    private final int[] windowCents;
    private final int[] windowSize;
    private final long[] windowClosesAt;
    private final CaptureScript script = new CaptureScript();
    private double millis;

    public GeneratedCapture(int pairCount, long seed) {
        this.random = new Random(seed);
        this.fair = new int[pairCount];
        this.windowCents = new int[pairCount];
        this.windowSize = new int[pairCount];
        this.windowClosesAt = new long[pairCount];
        for (int i = 0; i < pairCount; i++) {
            fair[i] = 40 + random.nextInt(21);
            windowClosesAt[i] = -1;
            pairs.add(CaptureScript.pair(
                    "gen-" + i,
                    String.format("KXGEN-26DEC-M%02d", i),
                    "0x" + String.format("%064x", new BigInteger(255, random)),
                    new BigInteger(250, random).toString(),
                    new BigInteger(250, random).toString(),
                    0));
        }
    }

    /** Books, then {@code frames} frames, a window opening about every {@code windowEvery} frames. */
    public CaptureScript write(int frames, int windowEvery) {
        script.at(0).connected("kalshi").connected("polymarket");
        for (int i = 0; i < pairs.size(); i++) {
            MarketPair pair = pairs.get(i);
            script.kalshiSnapshot(pair.kalshiTicker(), ladder(fair[i] - KALSHI_BID_GAP, -1), ladder(100 - fair[i], -1));
            script.polymarketBook(pair.conditionId(), pair.yesTokenId(), ladder(fair[i], -1), ladder(fair[i], 1));
            int[] noAsks = ladder(100 - fair[i], 1);
            noAsks[1] = POLYMARKET_BEST_ASK;
            script.polymarketBook(pair.conditionId(), pair.noTokenId(), ladder(100 - fair[i], -1), noAsks);
        }
        for (long frame = 0; frame < frames; frame++) {
            millis += 0.2 + random.nextInt(20) / 10.0;
            script.at(millis);
            int closing = closingAt(frame);
            if (closing >= 0) {
                MarketPair pair = pairs.get(closing);
                script.kalshiDelta(pair.kalshiTicker(), "no", windowCents[closing], -windowSize[closing]);
                script.at(millis + 0.1);
                script.polymarketLevel(pair.conditionId(), pair.noTokenId(), "SELL", 100 - fair[closing] + 1, 0);
                windowClosesAt[closing] = -1;
                continue;
            }
            int i = random.nextInt(pairs.size());
            MarketPair pair = pairs.get(i);
            if (windowClosesAt[i] < 0 && random.nextInt(windowEvery) == 0) {
                windowCents[i] = 100 - fair[i] + 4 + random.nextInt(4);
                windowSize[i] = MIN_WINDOW + random.nextInt(MAX_WINDOW - MIN_WINDOW + 1);
                long closes = frame + 1 + random.nextInt(40);
                while (closingAt(closes) >= 0) {
                    closes++;
                }
                windowClosesAt[i] = closes;
                script.polymarketLevel(
                        pair.conditionId(),
                        pair.noTokenId(),
                        "SELL",
                        100 - fair[i] + 1,
                        POLYMARKET_BEST_ASK + random.nextInt(100));
                script.at(millis + 0.1);
                script.kalshiDelta(pair.kalshiTicker(), "no", windowCents[i], windowSize[i]);
            } else {
                noise(i, pair, windowClosesAt[i] >= 0);
            }
        }
        return script;
    }

    private int closingAt(long frame) {
        for (int i = 0; i < windowClosesAt.length; i++) {
            if (windowClosesAt[i] == frame) {
                return i;
            }
        }
        return -1;
    }

    /** A size change at a level near the touch; a pair with an open window keeps its window levels. */
    private void noise(int i, MarketPair pair, boolean windowOpen) {
        int level = 1 + random.nextInt(DEPTH);
        int size = 1 + random.nextInt(500);
        switch (random.nextInt(windowOpen ? 3 : 5)) {
            case 0 ->
                script.kalshiDelta(
                        pair.kalshiTicker(), "yes", fair[i] - KALSHI_BID_GAP - level, random.nextInt(40) + 1);
            case 1 -> {
                boolean bid = random.nextBoolean();
                script.polymarketLevel(
                        pair.conditionId(),
                        pair.yesTokenId(),
                        bid ? "BUY" : "SELL",
                        bid ? fair[i] - level : fair[i] + level,
                        size);
            }
            case 2 -> script.polymarketLevel(pair.conditionId(), pair.noTokenId(), "BUY", 100 - fair[i] - level, size);
            case 3 -> script.kalshiDelta(pair.kalshiTicker(), "no", 100 - fair[i] - level, random.nextInt(40) + 1);
            default ->
                script.polymarketLevel(
                        pair.conditionId(),
                        pair.noTokenId(),
                        "SELL",
                        100 - fair[i] + level,
                        POLYMARKET_BEST_ASK + size);
        }
    }

    /** Five levels from {@code around} stepping {@code step} cents away, sizes 50..499, as cents, size pairs. */
    private int[] ladder(int around, int step) {
        int[] levels = new int[DEPTH * 2];
        for (int level = 1; level <= DEPTH; level++) {
            levels[(level - 1) * 2] = around + step * level;
            levels[(level - 1) * 2 + 1] = 50 + random.nextInt(450);
        }
        return levels;
    }

    static long cents(int cents) {
        return cents * (FixedPoint.ONE / 100);
    }
}

package com.doubletime.monitor;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.OpportunityEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * The code a buy-both window runs — the detector sizing and pricing it, the tracker opening, changing and closing
 * it, the event's fields — runs once per window, a window is rare (one frame in 2,000 of a sparse capture), and so
 * that code would stay interpreted for the first few hundred windows, 20-50 µs each instead of a few. This opens,
 * changes and closes {@code windows} windows in both directions on a throwaway engine with one made-up pair, handing
 * every event to {@code onEvent} (the caller's formatting), before the real frames come. Nothing it does is seen by
 * the caller's engine, books or ids.
 */
public final class WindowPathWarmUp {
    /** Enough for every method on the path to pass the JIT's compile thresholds (C1 after ~200 calls, C2 ~5,000). */
    public static final int DEFAULT_WINDOWS = 2_000;

    private static final String KALSHI_TICKER = "DT-WARM-UP";
    private static final String YES_TOKEN =
            "1000000000000000000000000000000000000000000000000000000000000000000000000001";
    private static final String NO_TOKEN =
            "1000000000000000000000000000000000000000000000000000000000000000000000000002";
    private static final long CENT = FixedPoint.ONE / 100;
    private static final long KALSHI_FEE_RATE = 7 * CENT;
    private static final long POLYMARKET_FEE_RATE = 4 * CENT;
    private static final long MIN_ORDER = 5 * FixedPoint.ONE;
    private static final long MIN_EDGE = CENT / 2;
    private static final long MAX_QUANTITY = 1_000 * FixedPoint.ONE;
    /** Every book a dollar-symmetric 30/70 market: no window until a level is set inside it. */
    private static final long BID = 30 * CENT;

    private static final long ASK = 70 * CENT;
    private static final long DEPTH = 100 * FixedPoint.ONE;
    /** Opening asks and sizes cycle so the window is priced at several levels and sizes, as real ones are. */
    private static final int PRICE_STEPS = 5;

    private static final int SIZE_STEPS = 7;

    private WindowPathWarmUp() {}

    /** The made-up pair the warm-up trades in its own engine. */
    static MarketPair pair() {
        return new MarketPair(
                "dt-warm-up",
                "window path warm-up",
                KALSHI_TICKER,
                KALSHI_FEE_RATE,
                "0x" + "0".repeat(63) + "1",
                YES_TOKEN,
                NO_TOKEN,
                POLYMARKET_FEE_RATE,
                CENT,
                MIN_ORDER,
                false,
                Polarity.SAME,
                MIN_EDGE,
                MAX_QUANTITY);
    }

    /**
     * Opens, changes and closes {@code windows} windows, alternating directions, each event handed to {@code onEvent}.
     *
     * @return the events handed over (three per window)
     */
    public static int run(int windows, Consumer<OpportunityEvent> onEvent) {
        int[] events = new int[1];
        ArbitrageEngine engine = new ArbitrageEngine(List.of(pair()), event -> {
            events[0]++;
            onEvent.accept(event);
        });
        long clock = 1;
        LevelBuffer bids = new LevelBuffer();
        LevelBuffer asks = new LevelBuffer();
        bids.add(BID, DEPTH);
        asks.add(ASK, DEPTH);
        engine.onSnapshot(Platform.KALSHI, KALSHI_TICKER, bids, asks, clock);
        engine.onSnapshot(Platform.POLYMARKET, YES_TOKEN, bids, asks, clock);
        engine.onSnapshot(Platform.POLYMARKET, NO_TOKEN, bids, asks, clock);
        engine.onFrameEnd(Platform.POLYMARKET, clock);
        for (int window = 0; window < windows; window++) {
            long ask = 20 * CENT + (window % PRICE_STEPS) * CENT;
            long size = (10 + window % SIZE_STEPS) * FixedPoint.ONE;
            // Kalshi's YES ask under the Polymarket NO ask's complement, or (by a YES bid high enough) Kalshi's NO
            // ask under the Polymarket YES ask's complement
            boolean kalshiYes = window % 2 == 0;
            Side side = kalshiYes ? Side.ASK : Side.BID;
            long price = kalshiYes ? ask : FixedPoint.ONE - ask;
            engine.onLevelSet(Platform.KALSHI, KALSHI_TICKER, side, price, size, ++clock);
            engine.onFrameEnd(Platform.KALSHI, clock);
            engine.onLevelSet(Platform.KALSHI, KALSHI_TICKER, side, price, size + FixedPoint.ONE, ++clock);
            engine.onFrameEnd(Platform.KALSHI, clock);
            engine.onLevelSet(Platform.KALSHI, KALSHI_TICKER, side, price, 0, ++clock);
            engine.onFrameEnd(Platform.KALSHI, clock);
        }
        return events[0];
    }
}

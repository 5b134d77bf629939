package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.feed.MalformedFrameException;
import com.doubletime.kalshi.market.KalshiLifecycleParser;
import com.doubletime.kalshi.market.KalshiMarketBoard;
import com.doubletime.polymarket.market.PolymarketMarketBoard;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The paired markets' lives as a capture tells them: Kalshi {@code market_lifecycle_v2} and Polymarket
 * {@code market_resolved} frames, read by the feeds' own parsers and boards ({@link KalshiMarketBoard},
 * {@link PolymarketMarketBoard}), which publish {@link MarketStatusChanged} as live; each goes to {@code out}, where
 * the executor's own market board and settlement desk take it as they take the feeds' events. A capture holds no REST
 * answer, so every paired Kalshi market starts open (the board follows lifecycle events only for markets it knows) and
 * a Polymarket market is open until it resolves. A lifecycle frame that cannot be read is counted and skipped, like
 * any bad frame.
 */
final class MarketLives implements CapturePlayback.LifecycleSink {
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final List<MarketPair> pairs;
    private final KalshiMarketBoard kalshi;
    private final PolymarketMarketBoard polymarket;
    private boolean seeded;
    private long lastSecond = Long.MIN_VALUE;
    private long unreadable;
    private String lastError;

    MarketLives(List<MarketPair> pairs, Consumer<MarketStatusChanged> out) {
        this.pairs = List.copyOf(pairs);
        this.kalshi = new KalshiMarketBoard(
                pairs.stream().map(MarketPair::kalshiTicker).distinct().toList(), out);
        this.polymarket = new PolymarketMarketBoard(pairs, out);
    }

    @Override
    public void onKalshiLifecycle(String frame, long atNanos) {
        seed(atNanos);
        try {
            kalshi.onLifecycle(KalshiLifecycleParser.parse(frame), atNanos / NANOS_PER_MILLI);
        } catch (MalformedFrameException e) {
            unreadable(e);
        }
    }

    @Override
    public void onPolymarketResolved(String frame, long atNanos) {
        seed(atNanos);
        try {
            polymarket.onResolvedFrame(frame, atNanos / NANOS_PER_MILLI);
        } catch (MalformedFrameException e) {
            unreadable(e);
        }
    }

    /**
     * Capture time passed: a Kalshi market still open past its close time is closed, as the live feed's clock does
     * (the venue announces no plain close). Checked once a second of capture time, and only once lifecycle frames
     * were seen.
     */
    void onClock(long atNanos) {
        long second = atNanos / NANOS_PER_SECOND;
        if (seeded && second != lastSecond) {
            lastSecond = second;
            kalshi.onClock(atNanos / NANOS_PER_MILLI);
        }
    }

    /** Lifecycle frames that could not be read. */
    long unreadable() {
        return unreadable;
    }

    String lastError() {
        return lastError;
    }

    private void unreadable(MalformedFrameException e) {
        unreadable++;
        lastError = e.getMessage();
    }

    /** The first lifecycle frame: every paired Kalshi market is taken to be open, as no REST lookup was recorded. */
    private void seed(long atNanos) {
        if (seeded) {
            return;
        }
        seeded = true;
        for (MarketPair pair : pairs) {
            if (kalshi.view(pair.kalshiTicker()) == null) {
                kalshi.onMarket(
                        new JsonObject().put("ticker", pair.kalshiTicker()).put("status", "active"),
                        atNanos / NANOS_PER_MILLI);
            }
        }
    }
}

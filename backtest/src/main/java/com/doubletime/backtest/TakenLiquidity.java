package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LevelFill;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Liquidity the backtest took stays taken: an overlay on the replayed books that the detector and the executor
 * read. The capture records the venues as they were without our orders, so after a simulated fill the levels it
 * consumed are taken out of both books (the detector's and the executor's) until the venue next updates that
 * level — a Polymarket {@code price_change} sets it, a Kalshi {@code orderbook_delta} changes it (applied to the
 * size the venue had, so the level ends where the capture says), a snapshot replaces the whole book. A window
 * already traded cannot pay twice, and one whose levels the venue refills can trade again.
 *
 * <p>It sits between the sessions and the books as their {@link MarketDataListener}, handing every update to both;
 * with nothing taken (the usual state) that costs one empty-map test per level update. The sessions keep their own
 * copies of the books as the venue sent them, so their sequence, divergence and crossed-book checks never see it.
 *
 * <p>Single writer: the replay's thread.
 */
public final class TakenLiquidity implements MarketDataListener {
    /** What was taken at one level of one book and not yet updated by the venue (fixed-point size). */
    private static final class Taken {
        private final Side side;
        private final long price;
        private long size;

        private Taken(Side side, long price, long size) {
            this.side = side;
            this.price = price;
            this.size = size;
        }
    }

    private final MarketDataListener detector;
    private final OrderbookSet executorBooks;
    private final Map<String, List<Taken>> kalshi = new HashMap<>();
    private final Map<String, List<Taken>> polymarket = new HashMap<>();
    private int takenLevels;
    private long levelsTaken;

    /**
     * @param detector the monitor's engine: it evaluates the pairs an update touched at the end of each frame
     * @param executorBooks the executor's own copy of the books (its {@code BookMirror})
     */
    public TakenLiquidity(MarketDataListener detector, OrderbookSet executorBooks) {
        this.detector = detector;
        this.executorBooks = executorBooks;
    }

    // ---- the venues' updates, as the sessions hand them on

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        if (takenLevels > 0) {
            List<Taken> gone = taken(platform).remove(instrument);
            if (gone != null) {
                takenLevels -= gone.size();
            }
        }
        executorBooks.onSnapshot(platform, instrument, bids, asks, atNanos);
        detector.onSnapshot(platform, instrument, bids, asks, atNanos);
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        if (takenLevels > 0) {
            release(platform, instrument, side, price);
        }
        executorBooks.onLevelSet(platform, instrument, side, price, size, atNanos);
        detector.onLevelSet(platform, instrument, side, price, size, atNanos);
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        // the change is to the size the venue had: what we took is put back first
        long change = takenLevels > 0 ? delta + release(platform, instrument, side, price) : delta;
        executorBooks.onLevelChange(platform, instrument, side, price, change, atNanos);
        detector.onLevelChange(platform, instrument, side, price, change, atNanos);
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        executorBooks.onStale(platform, instrument, reason, atNanos);
        detector.onStale(platform, instrument, reason, atNanos);
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        executorBooks.onVenueDisconnected(platform, reason, atNanos);
        detector.onVenueDisconnected(platform, reason, atNanos);
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        executorBooks.onFrameEnd(platform, atNanos);
        detector.onFrameEnd(platform, atNanos);
    }

    // ---- what the backtest's fills took

    /**
     * Takes what one order filled out of both books. {@code fill}'s levels are in the order's outcome terms; a
     * Kalshi NO level is a YES level at 1 − p on the other side of the YES-terms book. The detector re-evaluates at
     * {@link #evaluate}.
     */
    public void take(LegFill fill, OrderAction action, long atNanos) {
        Platform platform = fill.order().platform();
        boolean mirrored = platform == Platform.KALSHI && fill.order().outcome() == Outcome.NO;
        Side side = (action == OrderAction.BUY) != mirrored ? Side.ASK : Side.BID;
        for (LevelFill level : fill.levels()) {
            long price = mirrored ? FixedPoint.ONE - level.price() : level.price();
            take(platform, fill.order().instrument(), side, price, level.size(), atNanos);
        }
    }

    /** The detector evaluates the pairs whose books the fills just changed (may publish opportunity events). */
    public void evaluate(Platform platform, long atNanos) {
        detector.onFrameEnd(platform, atNanos);
    }

    private void take(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        Orderbook book = executorBooks.find(platform, instrument);
        if (book == null || size <= 0) {
            return;
        }
        long resting = book.ladder(side).sizeAt(price);
        long left = Math.max(0, resting - size);
        if (left == resting) {
            return;
        }
        executorBooks.setLevel(platform, instrument, side, price, left, atNanos);
        detector.onLevelSet(platform, instrument, side, price, left, atNanos);
        levelsTaken++;
        List<Taken> levels = taken(platform).computeIfAbsent(instrument, key -> new ArrayList<>());
        for (Taken level : levels) {
            if (level.side == side && level.price == price) {
                level.size += resting - left;
                return;
            }
        }
        levels.add(new Taken(side, price, resting - left));
        takenLevels++;
    }

    /** The venue updated a level: what we took there is no longer held back. Returns how much that was. */
    private long release(Platform platform, String instrument, Side side, long price) {
        List<Taken> levels = taken(platform).get(instrument);
        if (levels == null) {
            return 0;
        }
        for (int i = 0; i < levels.size(); i++) {
            Taken level = levels.get(i);
            if (level.side == side && level.price == price) {
                levels.remove(i);
                takenLevels--;
                if (levels.isEmpty()) {
                    taken(platform).remove(instrument);
                }
                return level.size;
            }
        }
        return 0;
    }

    private Map<String, List<Taken>> taken(Platform platform) {
        return platform == Platform.KALSHI ? kalshi : polymarket;
    }

    /** Levels held back now (taken, not yet updated by the venue). */
    public int heldBack() {
        return takenLevels;
    }

    /** Levels taken by fills since the start. */
    public long levelsTaken() {
        return levelsTaken;
    }
}

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
 * consumed are taken out of both books (the detector's and the executor's), and the venue's later updates of such a
 * level move what is left: with {@code c} what the venue says rests there and {@code t} what we took, the level
 * holds {@code c − t}, never below zero, and a fall in {@code c} below {@code t} lowers {@code t} with it (what the
 * others took or cancelled there was, first, what we had already taken). So a window cannot pay twice: a Kalshi
 * {@code orderbook_delta} of +10 or a Polymarket {@code price_change} to a larger size after our fill adds only the
 * new size. The hold ends when the venue empties the level or sends a snapshot of the book.
 *
 * <p>(Releasing the whole level at the venue's next update of it, the simpler rule, pays a window twice as soon as
 * its level moves by one contract: the capture's size still counts what we took.)
 *
 * <p>It sits between the sessions and the books as their {@link MarketDataListener}, handing every update to both;
 * with nothing taken (the usual state) that costs one empty-map test per level update. The sessions keep their own
 * copies of the books as the venue sent them, so their sequence, divergence and crossed-book checks never see it.
 *
 * <p>Single writer: the replay's thread.
 */
public final class TakenLiquidity implements MarketDataListener {
    /** One level of one book we took from: what we took and what the venue says rests there (fixed-point). */
    private static final class Taken {
        private final Side side;
        private final long price;
        private long taken;
        private long venueSize;

        private Taken(Side side, long price, long taken, long venueSize) {
            this.side = side;
            this.price = price;
            this.taken = taken;
            this.venueSize = venueSize;
        }

        /** The venue says {@code size} rests here now: what is left for us. */
        private long moveTo(long size) {
            venueSize = Math.max(0, size);
            taken = Math.min(taken, venueSize);
            return venueSize - taken;
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
        Taken held = takenLevels > 0 ? find(platform, instrument, side, price) : null;
        long left = held == null ? size : moved(platform, instrument, held, size);
        executorBooks.onLevelSet(platform, instrument, side, price, left, atNanos);
        detector.onLevelSet(platform, instrument, side, price, left, atNanos);
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        Taken held = takenLevels > 0 ? find(platform, instrument, side, price) : null;
        if (held == null) {
            executorBooks.onLevelChange(platform, instrument, side, price, delta, atNanos);
            detector.onLevelChange(platform, instrument, side, price, delta, atNanos);
            return;
        }
        long left = moved(platform, instrument, held, held.venueSize + delta);
        executorBooks.onLevelSet(platform, instrument, side, price, left, atNanos);
        detector.onLevelSet(platform, instrument, side, price, left, atNanos);
    }

    /** The venue moved a level we took from to {@code size}: what is left, the hold dropped once nothing is. */
    private long moved(Platform platform, String instrument, Taken held, long size) {
        long left = held.moveTo(size);
        if (held.taken == 0) {
            List<Taken> levels = taken(platform).get(instrument);
            levels.remove(held);
            takenLevels--;
            if (levels.isEmpty()) {
                taken(platform).remove(instrument);
            }
        }
        return left;
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
        Taken held = find(platform, instrument, side, price);
        if (held != null) {
            held.taken += resting - left;
            return;
        }
        taken(platform)
                .computeIfAbsent(instrument, key -> new ArrayList<>())
                .add(new Taken(side, price, resting - left, resting));
        takenLevels++;
    }

    private Taken find(Platform platform, String instrument, Side side, long price) {
        List<Taken> levels = taken(platform).get(instrument);
        if (levels != null) {
            for (Taken level : levels) {
                if (level.side == side && level.price == price) {
                    return level;
                }
            }
        }
        return null;
    }

    private Map<String, List<Taken>> taken(Platform platform) {
        return platform == Platform.KALSHI ? kalshi : polymarket;
    }

    /** Levels held back now (taken from, not yet emptied by the venue nor replaced by a snapshot). */
    public int heldBack() {
        return takenLevels;
    }

    /** Levels taken by fills since the start. */
    public long levelsTaken() {
        return levelsTaken;
    }
}

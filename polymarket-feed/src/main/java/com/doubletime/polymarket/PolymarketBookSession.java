package com.doubletime.polymarket;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.feed.FrameCounters;
import com.doubletime.feed.MalformedFrameException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns one market-channel connection's frames into domain book updates, in frame order: a {@code book}
 * replaces the asset's book (and makes it fresh), each {@code price_change} entry sets a level's absolute
 * size (zero removes it), a {@code tick_size_change} updates the asset's tick. Used by the live feed and
 * by the replay tool.
 *
 * <p>It keeps its own copy of every book as received. A book that is crossed at the end of a frame (best bid
 * at or above best ask) has missed an update — the CLOB never leaves its book so — and is marked stale in
 * the same frame, so nothing downstream evaluates it, until its next {@code book}; the live feed is told to
 * fetch one (REST {@code /book}). The check waits for the end of the frame because one order's changes may
 * arrive as several entries.
 */
public final class PolymarketBookSession {
    /** What became of a frame. */
    public enum Outcome {
        APPLIED,
        PONG,
        MALFORMED,
        IGNORED
    }

    private final PolymarketFrameParser parser = new PolymarketFrameParser();
    private final MarketDataListener listener;
    private final Consumer<String> onDiverged;
    private final OrderbookSet received = new OrderbookSet();
    private final List<String> touched = new ArrayList<>();
    private final Map<String, Long> tickSizes = new HashMap<>();
    private final FrameCounters counters = new FrameCounters();
    private long crossedBooks;

    /** Replay: a crossed book stays stale until the capture brings its next {@code book}. */
    public PolymarketBookSession(MarketDataListener listener) {
        this(listener, null);
    }

    /**
     * @param onDiverged told the asset whose book was found crossed (already marked stale), to fetch a fresh
     *     one; null when nothing can be fetched
     */
    public PolymarketBookSession(MarketDataListener listener, Consumer<String> onDiverged) {
        this.listener = listener;
        this.onDiverged = onDiverged;
    }

    public void onDisconnected(String reason, long atNanos) {
        received.markAllStale(Platform.POLYMARKET);
        listener.onVenueDisconnected(Platform.POLYMARKET, reason, atNanos);
        listener.onFrameEnd(Platform.POLYMARKET, atNanos);
    }

    public Outcome onFrame(String frame, long receivedAtNanos) {
        counters.frame();
        try {
            parser.parse(frame);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
        return apply(receivedAtNanos);
    }

    /** The same for a frame held in a char array (replay), without making a String of it. */
    public Outcome onFrame(char[] frame, int offset, int length, long receivedAtNanos) {
        counters.frame();
        try {
            parser.parse(frame, offset, length);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
        return apply(receivedAtNanos);
    }

    private Outcome onMalformed(MalformedFrameException e) {
        counters.malformed(e);
        return Outcome.MALFORMED;
    }

    private Outcome apply(long receivedAtNanos) {
        if (parser.isPong()) {
            return Outcome.PONG;
        }
        int updates = parser.updateCount();
        for (int i = 0; i < updates; i++) {
            PolymarketUpdate update = parser.update(i);
            switch (update.kind()) {
                case BOOK -> applyBook(update.assetId(), update.bids(), update.asks(), receivedAtNanos);
                case LEVEL ->
                    applyLevel(update.assetId(), update.side(), update.price(), update.size(), receivedAtNanos);
                case TICK_SIZE -> tickSizes.put(update.assetId(), update.tickSize());
            }
        }
        endFrame(receivedAtNanos);
        return updates > 0 ? Outcome.APPLIED : Outcome.IGNORED;
    }

    /** A whole book, from the stream or fetched out of band (a REST resync); end the frame with {@link #endFrame}. */
    void applyBook(String assetId, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        received.applySnapshot(Platform.POLYMARKET, assetId, bids, asks, atNanos);
        touched.add(assetId);
        listener.onSnapshot(Platform.POLYMARKET, assetId, bids, asks, atNanos);
    }

    /** One level's new absolute size; end the frame with {@link #endFrame}. */
    void applyLevel(String assetId, Side side, long price, long size, long atNanos) {
        received.setLevel(Platform.POLYMARKET, assetId, side, price, size, atNanos);
        touched.add(assetId);
        listener.onLevelSet(Platform.POLYMARKET, assetId, side, price, size, atNanos);
    }

    /** Checks every book the frame touched, then ends the frame downstream. */
    void endFrame(long atNanos) {
        for (int i = 0; i < touched.size(); i++) {
            Orderbook book = received.find(Platform.POLYMARKET, touched.get(i));
            if (book != null && book.isFresh() && book.isCrossed()) {
                onCrossed(book, atNanos);
            }
        }
        touched.clear();
        listener.onFrameEnd(Platform.POLYMARKET, atNanos);
    }

    private void onCrossed(Orderbook book, long atNanos) {
        crossedBooks++;
        String reason =
                "crossed book: best bid " + FixedPoint.format(book.bids().price(0), 2) + " >= best ask "
                        + FixedPoint.format(book.asks().price(0), 2) + ", the local book missed an update";
        counters.error(book.instrument() + " " + reason);
        book.markStale();
        listener.onStale(Platform.POLYMARKET, book.instrument(), reason, atNanos);
        if (onDiverged != null) {
            onDiverged.accept(book.instrument());
        }
    }

    /** Marks an asset stale here and downstream (a stall, a failed resync, an unsubscribe). */
    void markStale(String assetId, String reason, long atNanos) {
        received.markStale(Platform.POLYMARKET, assetId);
        listener.onStale(Platform.POLYMARKET, assetId, reason, atNanos);
    }

    /** The frame just handled (its updates), for the live feed's checks; overwritten by the next frame. */
    public PolymarketFrameParser lastFrame() {
        return parser;
    }

    /**
     * Publishes a snapshot of every book this session holds fresh, from its own copy, to its listener: the answer
     * to a late subscriber ({@code BooksResendRequest}). Returns how many books were sent.
     */
    public int republishBooks(long atNanos) {
        return received.republish(Platform.POLYMARKET, listener, atNanos);
    }

    /** The books as this session received them; the listener keeps its own. */
    public OrderbookSet received() {
        return received;
    }

    /** The asset's tick size if the venue changed it during this session. */
    public Long tickSize(String assetId) {
        return tickSizes.get(assetId);
    }

    public FrameCounters counters() {
        return counters;
    }

    public String lastError() {
        return counters.lastError();
    }

    public long frames() {
        return counters.frames();
    }

    public long malformed() {
        return counters.malformed();
    }

    /** Books found crossed at the end of a frame, marked stale and resynced. */
    public long crossedBooks() {
        return crossedBooks;
    }
}

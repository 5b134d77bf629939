package com.doubletime.domain;

import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every book of both venues, keyed by instrument, with the rules for applying market data: a snapshot
 * creates or replaces a book and makes it fresh; a level change to a book never seen whole is ignored;
 * stale and disconnect events mark books stale. Single writer.
 */
public final class OrderbookSet implements MarketDataListener {
    private final Map<String, Orderbook> kalshi = new LinkedHashMap<>();
    private final Map<String, Orderbook> polymarket = new LinkedHashMap<>();
    private final LevelBuffer scratchBids = new LevelBuffer();
    private final LevelBuffer scratchAsks = new LevelBuffer();

    /** The book, created empty (and stale) if it does not exist yet. */
    public Orderbook book(Platform platform, String instrument) {
        Map<String, Orderbook> books = books(platform);
        Orderbook book = books.get(instrument);
        if (book == null) { // not computeIfAbsent: its capturing lambda would allocate on every snapshot
            book = new Orderbook(platform, instrument);
            books.put(instrument, book);
        }
        return book;
    }

    public Orderbook find(Platform platform, String instrument) {
        return books(platform).get(instrument);
    }

    public Collection<Orderbook> all(Platform platform) {
        return books(platform).values();
    }

    /**
     * Hands {@code listener} a snapshot of every fresh book of {@code platform}, as held here, then ends the
     * frame: how a feed answers a late subscriber from its own copy, with no round trip to the venue. Stale books
     * are left out (their consumers must wait for the venue's next snapshot). Returns how many were sent.
     */
    public int republish(Platform platform, MarketDataListener listener, long atNanos) {
        int sent = 0;
        for (Orderbook book : books(platform).values()) {
            if (!book.isFresh()) {
                continue;
            }
            copy(book.bids(), scratchBids);
            copy(book.asks(), scratchAsks);
            listener.onSnapshot(platform, book.instrument(), scratchBids, scratchAsks, atNanos);
            sent++;
        }
        listener.onFrameEnd(platform, atNanos);
        return sent;
    }

    private static void copy(PriceLadder ladder, LevelBuffer into) {
        into.clear();
        for (int level = 0; level < ladder.levelCount(); level++) {
            into.add(ladder.price(level), ladder.size(level));
        }
    }

    public Orderbook applySnapshot(
            Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        Orderbook book = book(platform, instrument);
        book.applySnapshot(bids, asks, atNanos);
        return book;
    }

    /** Sets a level's absolute size; returns the book changed, or null when the change was ignored. */
    public Orderbook setLevel(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        Orderbook book = seenWhole(platform, instrument);
        if (book != null) {
            book.setLevel(side, price, size, atNanos);
        }
        return book;
    }

    /** Adds a signed change to a level; returns the book changed, or null when the change was ignored. */
    public Orderbook changeLevel(
            Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        Orderbook book = seenWhole(platform, instrument);
        if (book != null) {
            book.changeLevel(side, price, delta, atNanos);
        }
        return book;
    }

    /** A change to a book we never saw whole means nothing: null for it. */
    private Orderbook seenWhole(Platform platform, String instrument) {
        Orderbook book = books(platform).get(instrument);
        return book == null || !book.snapshotReceived() ? null : book;
    }

    public Orderbook markStale(Platform platform, String instrument) {
        Orderbook book = books(platform).get(instrument);
        if (book != null) {
            book.markStale();
        }
        return book;
    }

    public void markAllStale(Platform platform) {
        for (Orderbook book : books(platform).values()) {
            book.markStale();
        }
    }

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        applySnapshot(platform, instrument, bids, asks, atNanos);
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        setLevel(platform, instrument, side, price, size, atNanos);
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        changeLevel(platform, instrument, side, price, delta, atNanos);
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        markStale(platform, instrument);
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        markAllStale(platform);
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        // books are current after every call; nothing waits for the end of a frame
    }

    /** Applies one event received over the bus. */
    public void apply(MarketDataEvent event) {
        if (event instanceof OrderBookSnapshotReceived s) {
            applySnapshot(
                    s.platform(),
                    s.instrument(),
                    scratchBids.copyFrom(s.bids()),
                    scratchAsks.copyFrom(s.asks()),
                    s.receivedAtNanos());
        } else if (event instanceof OrderBookDeltaReceived d) {
            if (d.absolute()) {
                setLevel(d.platform(), d.instrument(), d.side(), d.price(), d.size(), d.receivedAtNanos());
            } else {
                changeLevel(d.platform(), d.instrument(), d.side(), d.price(), d.size(), d.receivedAtNanos());
            }
        } else if (event instanceof BookMarkedStale stale) {
            markStale(stale.platform(), stale.instrument());
        } else if (event instanceof VenueDisconnected gone) {
            markAllStale(gone.platform());
        }
    }

    private Map<String, Orderbook> books(Platform platform) {
        return platform == Platform.KALSHI ? kalshi : polymarket;
    }
}

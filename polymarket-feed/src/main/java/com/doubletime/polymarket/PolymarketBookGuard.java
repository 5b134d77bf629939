package com.doubletime.polymarket;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.VenueTicks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Sits between the book session and the publisher on the live feed and checks the session's copy of every
 * book against what the venue says its top of book is (polymarket.md §2.9: WS hashes are not reproducible,
 * so the check is structural). When the {@code best_bid}/{@code best_ask} carried by a {@code price_change}
 * disagree with the local top of book after the frame — or the session found the book crossed — the asset
 * is marked stale in the same batch (the monitor never evaluates the bad book) and a REST {@code GET /book}
 * is requested. Until that snapshot arrives the asset's changes are buffered; the snapshot is then applied
 * through the session followed by the buffered changes newer than it. Also records when each asset last had
 * market data, for the stall check.
 *
 * <p>Single-threaded, on the feed's event loop. The replay tool does not use it (no REST in replay).
 */
final class PolymarketBookGuard implements MarketDataListener {
    private static final System.Logger LOG = System.getLogger(PolymarketBookGuard.class.getName());

    /** A change that arrived while its asset was being resynced. */
    private record Buffered(Side side, long price, long size, long timestampMillis) {}

    private final MarketDataListener downstream;
    private final Map<String, Long> lastDataNanos = new HashMap<>();
    private final Map<String, List<Buffered>> resyncing = new LinkedHashMap<>();
    private final LongSupplier nanoTime;
    private final Consumer<String> resyncRequests;
    private PolymarketBookSession session;
    private boolean frameApplies;
    private boolean applyingFetchedBook;
    private long mismatches;
    private long resyncs;

    PolymarketBookGuard(MarketDataListener downstream, LongSupplier nanoTime, Consumer<String> resyncRequests) {
        this.downstream = downstream;
        this.nanoTime = nanoTime;
        this.resyncRequests = resyncRequests;
    }

    /** The session this guard listens to: its last frame is the one ended at {@link #onFrameEnd}. */
    void attach(PolymarketBookSession session) {
        this.session = session;
    }

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        frameApplies = true;
        lastDataNanos.put(instrument, nanoTime.getAsLong());
        resyncing.remove(instrument); // a fresh book ends a pending resync
        downstream.onSnapshot(platform, instrument, bids, asks, atNanos);
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        frameApplies = true;
        lastDataNanos.put(instrument, nanoTime.getAsLong());
        downstream.onLevelSet(platform, instrument, side, price, size, atNanos);
    }

    /** Polymarket sends absolute sizes only; passed on unchanged should a source ever send a change. */
    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        frameApplies = true;
        lastDataNanos.put(instrument, nanoTime.getAsLong());
        downstream.onLevelChange(platform, instrument, side, price, delta, atNanos);
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        downstream.onStale(platform, instrument, reason, atNanos);
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        resyncing.clear(); // every asset gets a new book after the reconnect
        downstream.onVenueDisconnected(platform, reason, atNanos);
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        // a fetched book is checked by its hash, not by the best prices of the last frame
        if (frameApplies && !applyingFetchedBook && session != null) {
            check(platform, atNanos);
        }
        frameApplies = false;
        downstream.onFrameEnd(platform, atNanos);
    }

    private void check(Platform platform, long atNanos) {
        PolymarketFrameParser frame = session.lastFrame();
        Map<String, PolymarketUpdate> lastTop = new LinkedHashMap<>();
        for (int i = 0; i < frame.updateCount(); i++) {
            PolymarketUpdate update = frame.update(i);
            if (update.kind() != PolymarketUpdate.Kind.LEVEL) {
                continue;
            }
            List<Buffered> buffer = resyncing.get(update.assetId());
            if (buffer != null) {
                buffer.add(new Buffered(update.side(), update.price(), update.size(), update.timestampMillis()));
            } else if (update.bestBid() != PolymarketUpdate.ABSENT || update.bestAsk() != PolymarketUpdate.ABSENT) {
                // each entry's best prices describe the book after it: only the asset's last entry is final
                lastTop.put(update.assetId(), update);
            }
        }
        lastTop.forEach((asset, update) -> {
            Orderbook book = session.received().find(platform, asset);
            if (book == null || !book.isFresh()) {
                return;
            }
            // empty-side sentinels on the wire: best_bid "0", best_ask "1"
            long bid = book.bids().isEmpty() ? 0 : book.bids().price(0);
            long ask = book.asks().isEmpty() ? FixedPoint.ONE : book.asks().price(0);
            boolean bidOff = update.bestBid() != PolymarketUpdate.ABSENT && update.bestBid() != bid;
            boolean askOff = update.bestAsk() != PolymarketUpdate.ABSENT && update.bestAsk() != ask;
            if (bidOff || askOff) {
                mismatches++;
                String reason = "best bid/ask " + FixedPoint.format(update.bestBid(), 2) + "/"
                        + FixedPoint.format(update.bestAsk(), 2) + " disagree with the local book "
                        + FixedPoint.format(bid, 2) + "/" + FixedPoint.format(ask, 2) + ": resyncing from REST";
                book.markStale();
                onStale(platform, asset, reason, atNanos);
                startResync(asset);
            }
        });
    }

    /** The asset's book is already stale: buffer its changes and fetch a whole book from REST. */
    void startResync(String asset) {
        LOG.log(System.Logger.Level.WARNING, "polymarket " + asset + ": book diverged, resyncing from REST");
        resyncing.put(asset, new ArrayList<>());
        resyncRequests.accept(asset);
    }

    /**
     * Applies a REST {@code /book} summary fetched for a resync, through the session (so its copy is whole
     * again): a snapshot (the asset is fresh again), then the changes buffered since the mismatch that are
     * newer than the summary.
     *
     * @return false when the resync was no longer wanted (a WS book or a reconnect came first)
     * @throws IllegalArgumentException when the summary is malformed, crossed or its hash does not verify
     */
    boolean onRestBook(String assetId, JsonObject summary, long atNanos) {
        if (!resyncing.containsKey(assetId)) {
            return false;
        }
        if (!assetId.equals(summary.getString("asset_id")) || !BookSummaryHash.verifies(summary)) {
            throw new IllegalArgumentException("REST book for " + assetId + " is for another asset or fails its hash");
        }
        LevelBuffer bids = levels(summary.getJsonArray("bids"));
        LevelBuffer asks = levels(summary.getJsonArray("asks"));
        if (crossed(bids, asks)) {
            throw new IllegalArgumentException("REST book for " + assetId + " is crossed");
        }
        long restMillis = Long.parseLong(summary.getString("timestamp"));
        List<Buffered> buffered = resyncing.remove(assetId);
        applyingFetchedBook = true;
        try {
            session.applyBook(assetId, bids, asks, atNanos);
            for (Buffered change : buffered) {
                if (change.timestampMillis() == PolymarketUpdate.ABSENT || change.timestampMillis() > restMillis) {
                    session.applyLevel(assetId, change.side(), change.price(), change.size(), atNanos);
                }
            }
            session.endFrame(atNanos);
        } finally {
            applyingFetchedBook = false;
        }
        resyncs++;
        return true;
    }

    private static boolean crossed(LevelBuffer bids, LevelBuffer asks) {
        long bestBid = Long.MIN_VALUE;
        for (int i = 0; i < bids.count(); i++) {
            if (bids.size(i) > 0) {
                bestBid = Math.max(bestBid, bids.price(i));
            }
        }
        for (int i = 0; i < asks.count(); i++) {
            if (asks.size(i) > 0 && asks.price(i) <= bestBid) {
                return true;
            }
        }
        return false;
    }

    private static LevelBuffer levels(JsonArray levels) {
        LevelBuffer out = new LevelBuffer();
        if (levels == null) {
            throw new IllegalArgumentException("REST book without levels");
        }
        for (int i = 0; i < levels.size(); i++) {
            JsonObject level = levels.getJsonObject(i);
            long price = FixedPoint.parse(level.getString("price"));
            long size = FixedPoint.parse(level.getString("size"));
            // the stream's rule for a level holds for a fetched book too
            if (!VenueTicks.inTradableRange(price) || !VenueTicks.onTick(price, VenueTicks.FINEST) || size < 0) {
                throw new IllegalArgumentException("REST book level " + level.encode() + " is not a tradable level");
            }
            out.add(price, size);
        }
        return out;
    }

    boolean resyncing(String assetId) {
        return resyncing.containsKey(assetId);
    }

    /** System.nanoTime of the asset's last book or change, or {@code fallback} when it never had one. */
    long lastDataNanos(String assetId, long fallback) {
        return lastDataNanos.getOrDefault(assetId, fallback);
    }

    void touch(String assetId, long nanos) {
        lastDataNanos.put(assetId, nanos);
    }

    void forget(String assetId) {
        lastDataNanos.remove(assetId);
        resyncing.remove(assetId);
    }

    /** The session's copy of the books, for tests and the health report. */
    OrderbookSet books() {
        return session.received();
    }

    long mismatches() {
        return mismatches;
    }

    long resyncs() {
        return resyncs;
    }
}

package com.doubletime.polymarket;

import com.doubletime.domain.MarketDataListener;
import com.doubletime.feed.FeedConnection;
import com.doubletime.feed.FeedLink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Polymarket's market-channel conversation on one connection (polymarket.md §2.1, §8):
 * <ul>
 *   <li>on open, subscribe every asset with {@code initial_dump} and {@code custom_feature_enabled}, in frames
 *       of at most {@value #SUBSCRIBE_CHUNK} ids (one huge frame makes the server close the socket, §7.3);
 *       assets are added and removed on the live connection with {@code operation} frames;</li>
 *   <li>keepalive: {@link #onPingTick} sends the text {@code PING}; no {@code PONG} for
 *       {@code pongTimeoutMillis} drops the connection (every book stale until its new {@code book});</li>
 *   <li>silent stall: an asset without market data for {@code stallMillis} while the connection lives is
 *       resubscribed (stale until its new {@code book}); when every asset stalled, or a resubscribe brought
 *       nothing, the connection is replaced;</li>
 *   <li>a book whose {@code best_bid}/{@code best_ask} disagree is resynced from REST {@code /book}
 *       ({@link PolymarketBookGuard}), or resubscribed when REST fails.</li>
 * </ul>
 * Runs on the feed's event loop; time comes from {@code nanoTime} so tests drive it.
 */
final class PolymarketFeedProtocol implements FeedConnection.Listener {
    static final int SUBSCRIBE_CHUNK = 100;
    static final String PING = "PING";
    /** How {@link BookFetcher} reports the venue's 404. */
    static final String NOT_FOUND = "HTTP 404";

    private static final System.Logger LOG = System.getLogger(PolymarketFeedProtocol.class.getName());

    private final Set<String> assetIds;
    private final FeedLink link;
    private final PolymarketBookGuard guard;
    private final PolymarketBookSession session;
    private final MarketDataListener listener;
    private final BookFetcher fetcher;
    private final LongSupplier nanoTime;
    private final long pongTimeoutNanos;
    private final long stallNanos;
    private boolean open;
    private long openedAtNanos;
    private long lastPongNanos;
    private long resubscribes;
    /** Assets resubscribed on this connection and not heard from since. */
    private final Map<String, Long> resubscribedAtNanos = new HashMap<>();

    private long restFailures;
    private final Map<String, String> refused = new TreeMap<>();

    PolymarketFeedProtocol(PolymarketFeedConfig config, MarketDataListener listener, FeedLink link) {
        this(config, listener, link, BookFetcher.NONE, System::nanoTime);
    }

    PolymarketFeedProtocol(
            PolymarketFeedConfig config,
            MarketDataListener listener,
            FeedLink link,
            BookFetcher fetcher,
            LongSupplier nanoTime) {
        this.assetIds = new LinkedHashSet<>(config.assetIds());
        this.link = link;
        this.listener = listener;
        this.fetcher = fetcher;
        this.nanoTime = nanoTime;
        this.pongTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.pongTimeoutMillis());
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(config.stallMillis());
        this.guard = new PolymarketBookGuard(listener, nanoTime, this::resync);
        this.session = new PolymarketBookSession(guard, guard::startResync);
        guard.attach(session);
    }

    /** A late subscriber asked for the books: each fresh one again, from the session's own copy. */
    int republishBooks(long atNanos) {
        return session.republishBooks(atNanos);
    }

    PolymarketBookSession session() {
        return session;
    }

    PolymarketBookGuard guard() {
        return guard;
    }

    Set<String> assetIds() {
        return Set.copyOf(assetIds);
    }

    @Override
    public void onOpen(long atNanos) {
        open = true;
        long now = nanoTime.getAsLong();
        openedAtNanos = now;
        lastPongNanos = now;
        resubscribedAtNanos.clear();
        List<String> all = List.copyOf(assetIds);
        all.forEach(asset -> guard.touch(asset, now)); // stall clocks start with the subscription
        for (int from = 0; from < all.size(); from += SUBSCRIBE_CHUNK) {
            link.send(subscription(all.subList(from, Math.min(all.size(), from + SUBSCRIBE_CHUNK)), from == 0));
        }
        LOG.log(System.Logger.Level.INFO, "polymarket subscribing " + all.size() + " assets");
    }

    /** The first frame opens the market channel; later ones add assets to it. */
    static String subscription(List<String> chunk, boolean first) {
        JsonObject frame = new JsonObject().put("assets_ids", new JsonArray(List.copyOf(chunk)));
        if (first) {
            frame.put("type", "market");
        } else {
            frame.put("operation", "subscribe");
        }
        // explicit: without it some assets never produced a book snapshot (polymarket.md §2.1)
        return frame.put("initial_dump", true)
                .put("custom_feature_enabled", true)
                .encode();
    }

    static String unsubscription(List<String> chunk) {
        return new JsonObject()
                .put("assets_ids", new JsonArray(List.copyOf(chunk)))
                .put("operation", "unsubscribe")
                .encode();
    }

    private Consumer<String> resolved;

    /** Hands every frame holding a {@code market_resolved} event to {@code sink}. */
    void onMarketResolved(Consumer<String> sink) {
        this.resolved = sink;
    }

    @Override
    public void onText(String frame, long atNanos) {
        switch (session.onFrame(frame, atNanos)) {
            case APPLIED -> link.markHealthy();
            case PONG -> lastPongNanos = nanoTime.getAsLong();
            case MALFORMED -> {
                link.noteError("malformed frame: " + session.lastError());
                LOG.log(System.Logger.Level.DEBUG, () -> "polymarket malformed frame skipped: " + session.lastError());
            }
            case IGNORED -> {
                // events the books do not use (last_trade_price, best_bid_ask, new_market, …); market_resolved
                // (custom_feature_enabled) goes to the market lifecycle
                if (resolved != null && frame.contains("market_resolved")) {
                    resolved.accept(frame);
                }
            }
        }
    }

    @Override
    public void onClosed(String reason, long atNanos) {
        open = false;
        session.onDisconnected(reason, atNanos);
    }

    /** Every ping interval: replace a connection whose PONGs stopped, else send {@code PING}. */
    void onPingTick() {
        if (!open) {
            return;
        }
        long silent = nanoTime.getAsLong() - lastPongNanos;
        if (silent > pongTimeoutNanos) {
            link.noteError("no PONG for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
            link.reconnect("no PONG for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
            return;
        }
        link.send(PING);
    }

    /**
     * Periodically: an asset without market data for {@code stallMillis} is resubscribed. When every asset
     * stalled, or an asset that had data on this connection stays silent after its resubscribe, the stream
     * itself has stopped (polymarket.md §8.1: PONGs keep flowing) and the connection is replaced. An asset
     * that never had data (no book exists, say) is only resubscribed, so it cannot cause reconnect loops.
     */
    void checkStalls() {
        long now = nanoTime.getAsLong();
        if (!open || now - openedAtNanos < stallNanos || assetIds.isEmpty()) {
            return;
        }
        List<String> stalled = new ArrayList<>();
        boolean escalate = false;
        for (String asset : assetIds) {
            if (refused.containsKey(asset)) {
                continue; // the venue has no book for it: asking again brings nothing
            }
            long lastData = guard.lastDataNanos(asset, openedAtNanos);
            Long resubscribedAt = resubscribedAtNanos.get(asset);
            if (resubscribedAt != null && lastData > resubscribedAt) {
                resubscribedAtNanos.remove(asset);
                resubscribedAt = null;
            }
            long since = resubscribedAt == null ? lastData : Math.max(lastData, resubscribedAt);
            if (now - since > stallNanos) {
                stalled.add(asset);
                escalate |= resubscribedAt != null && lastData > openedAtNanos;
            }
        }
        if (stalled.isEmpty()) {
            return;
        }
        for (String asset : stalled) {
            if (guard.lastDataNanos(asset, openedAtNanos) <= openedAtNanos) {
                probe(asset); // never had a book here: does the venue know the token at all?
            }
        }
        String reason = "silent stall: no market data for " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms";
        if (escalate || stalled.size() == assetIds.size() - refused.size()) {
            // a new connection fixes a stopped stream
            link.noteError(reason + " on " + stalled.size() + " assets, after resubscribing: reconnecting");
            link.reconnect(reason + ", reconnecting");
            return;
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "polymarket " + reason + " on " + stalled.size() + " assets, resubscribing");
        link.noteError(reason + " on " + stalled.size() + " assets");
        resubscribe(stalled, reason);
    }

    /**
     * The market channel says nothing about a token it does not know: it just never sends its book. REST
     * {@code GET /book} does: 404 "No orderbook exists for the requested token id" (an unknown token, or a
     * market without a book). Such a token is reported as refused, and no longer resubscribed.
     */
    private void probe(String asset) {
        fetcher.fetch(asset, summary -> refused.remove(asset), failure -> {
            if (failure.startsWith(NOT_FOUND) && assetIds.contains(asset)) {
                String line = "polymarket has no order book for token " + asset + " (REST /book: " + failure
                        + "); its book stays stale";
                if (refused.put(asset, failure) == null) {
                    LOG.log(System.Logger.Level.WARNING, line);
                }
                link.noteError(line);
            }
        });
    }

    /** Marks the assets stale and asks for fresh {@code book}s: unsubscribe, then subscribe with initial_dump. */
    private void resubscribe(List<String> assets, String reason) {
        long now = nanoTime.getAsLong();
        long at = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        for (String asset : assets) {
            session.markStale(asset, reason, at);
            resubscribedAtNanos.put(asset, now);
        }
        session.endFrame(at);
        for (int from = 0; from < assets.size(); from += SUBSCRIBE_CHUNK) {
            List<String> chunk = assets.subList(from, Math.min(assets.size(), from + SUBSCRIBE_CHUNK));
            link.send(unsubscription(chunk));
            link.send(subscription(chunk, false));
        }
        resubscribes += assets.size();
    }

    /** Follows the configured pairs: subscribe new assets on the live connection, drop removed ones. */
    void follow(Collection<String> wanted) {
        Set<String> target = new LinkedHashSet<>(wanted);
        List<String> added = target.stream().filter(a -> !assetIds.contains(a)).toList();
        List<String> removed =
                assetIds.stream().filter(a -> !target.contains(a)).toList();
        addAssets(added);
        removeAssets(removed);
    }

    void addAssets(List<String> assets) {
        List<String> fresh = assets.stream().filter(assetIds::add).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        // stall clock from now, counted as never heard from: a silent new asset is resubscribed, never escalated
        fresh.forEach(asset -> resubscribedAtNanos.put(asset, now));
        if (open) {
            for (int from = 0; from < fresh.size(); from += SUBSCRIBE_CHUNK) {
                link.send(subscription(fresh.subList(from, Math.min(fresh.size(), from + SUBSCRIBE_CHUNK)), false));
            }
        }
        LOG.log(System.Logger.Level.INFO, "polymarket added " + fresh.size() + " assets");
    }

    /** Unsubscribed assets are marked stale: nothing keeps their books current any more. */
    void removeAssets(List<String> assets) {
        List<String> gone = assets.stream().filter(assetIds::remove).toList();
        gone.forEach(refused::remove);
        if (gone.isEmpty()) {
            return;
        }
        long at = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        for (String asset : gone) {
            session.markStale(asset, "unsubscribed", at);
            guard.forget(asset);
            resubscribedAtNanos.remove(asset);
        }
        session.endFrame(at);
        if (open) {
            for (int from = 0; from < gone.size(); from += SUBSCRIBE_CHUNK) {
                link.send(unsubscription(gone.subList(from, Math.min(gone.size(), from + SUBSCRIBE_CHUNK))));
            }
        }
        LOG.log(System.Logger.Level.INFO, "polymarket removed " + gone.size() + " assets");
    }

    /** Called by the guard on a best bid/ask mismatch; the asset is already stale. */
    private void resync(String asset) {
        fetcher.fetch(
                asset,
                summary -> {
                    try {
                        guard.onRestBook(asset, summary, TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
                    } catch (RuntimeException e) {
                        restFailed(asset, e.getMessage());
                    }
                },
                failure -> restFailed(asset, failure));
    }

    private void restFailed(String asset, String failure) {
        restFailures++;
        link.noteError("REST book for " + asset + " failed: " + failure);
        if (open && guard.resyncing(asset) && assetIds.contains(asset)) {
            // the WebSocket resyncs too: a fresh subscription starts with a book
            resubscribe(List.of(asset), "REST resync failed");
        }
    }

    /** Tokens the venue has no order book for (REST {@code /book} 404), sorted. */
    List<String> refused() {
        return List.copyOf(refused.keySet());
    }

    long resubscribes() {
        return resubscribes;
    }

    long restFailures() {
        return restFailures;
    }
}

package com.doubletime.polymarket;

import com.doubletime.bus.feed.FeedConnection;
import com.doubletime.bus.feed.FeedLink;
import com.doubletime.domain.MarketDataListener;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Polymarket's market-channel conversation on one connection (polymarket.md §2.1): on open, subscribe
 * every asset with {@code initial_dump} so each gets a {@code book} snapshot, in frames of at most
 * {@value #SUBSCRIBE_CHUNK} ids (one huge frame makes the server close the socket, §7.3). {@code PONG}
 * replies need no answer; they only prove the link alive, which {@link FeedConnection} tracks.
 */
final class PolymarketFeedProtocol implements FeedConnection.Listener {
    static final int SUBSCRIBE_CHUNK = 100;
    static final String PING = "PING";

    private static final System.Logger LOG = System.getLogger(PolymarketFeedProtocol.class.getName());

    private final List<String> assetIds;
    private final FeedLink link;
    private final PolymarketBookSession session;

    PolymarketFeedProtocol(PolymarketFeedConfig config, MarketDataListener listener, FeedLink link) {
        this.assetIds = config.assetIds();
        this.link = link;
        this.session = new PolymarketBookSession(listener);
    }

    PolymarketBookSession session() {
        return session;
    }

    @Override
    public void onOpen(long atNanos) {
        for (int from = 0; from < assetIds.size(); from += SUBSCRIBE_CHUNK) {
            List<String> chunk = assetIds.subList(from, Math.min(assetIds.size(), from + SUBSCRIBE_CHUNK));
            link.send(subscription(chunk, from == 0));
        }
        LOG.log(System.Logger.Level.INFO, "polymarket subscribing " + assetIds.size() + " assets");
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
        return frame.put("initial_dump", true).put("custom_feature_enabled", true).encode();
    }

    @Override
    public void onText(String frame, long atNanos) {
        switch (session.onFrame(frame, atNanos)) {
            case APPLIED -> link.markHealthy();
            case MALFORMED -> {
                link.noteError("malformed frame: " + session.lastError());
                LOG.log(System.Logger.Level.DEBUG, () -> "polymarket malformed frame skipped: " + session.lastError());
            }
            case PONG, IGNORED -> {
                // keepalive reply, or events the books do not use (last_trade_price, best_bid_ask, …)
            }
        }
    }

    @Override
    public void onClosed(String reason, long atNanos) {
        session.onDisconnected(reason, atNanos);
    }
}

package com.doubletime.kalshi;

import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.feed.FeedConnection;
import com.doubletime.feed.FeedLink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kalshi's WebSocket conversation on one connection (kalshi.md §3): subscribe to {@code orderbook_delta}
 * for every ticker on open, ask for a fresh snapshot after a {@code seq} gap, subscribe again when Kalshi
 * ends a subscription (error 10 or 25). The book rules themselves live in {@link KalshiBookSession}, which
 * the replay tool shares.
 *
 * <p>Runs on the feed's event loop; no Vert.x here beyond JSON, so it is tested with a fake link.
 */
final class KalshiFeedProtocol implements FeedConnection.Listener {
    static final String CHANNEL = "orderbook_delta";
    /** Terminal errors in a row, without book data between them, after which we reconnect instead. */
    static final int MAX_RESUBSCRIBES = 3;

    private static final System.Logger LOG = System.getLogger(KalshiFeedProtocol.class.getName());

    private List<String> tickers;
    private final boolean useYesPrice;
    private final FeedLink link;
    private final MarketDataListener listener;
    private boolean open;
    private final KalshiBookSession session;
    private final Set<Long> pendingSubscribes = new HashSet<>();
    private final Set<Long> activeSids = new HashSet<>();
    private long nextCommandId = 1;
    private int resubscribesWithoutData;

    KalshiFeedProtocol(KalshiFeedConfig config, MarketDataListener listener, FeedLink link) {
        this.tickers = config.tickers();
        this.useYesPrice = config.useYesPrice();
        this.link = link;
        this.listener = listener;
        this.session = new KalshiBookSession(listener, useYesPrice, this::requestSnapshot);
    }

    KalshiBookSession session() {
        return session;
    }

    @Override
    public void onOpen(long atNanos) {
        // command ids are unique per connection (kalshi.md §3.2); sids of the old connection mean nothing
        nextCommandId = 1;
        pendingSubscribes.clear();
        activeSids.clear();
        open = true;
        session.onConnected(atNanos);
        if (!tickers.isEmpty()) {
            // an empty market_tickers would subscribe to every market on the venue
            subscribe();
        }
    }

    @Override
    public void onText(String frame, long atNanos) {
        KalshiBookSession.Outcome outcome = session.onFrame(frame, atNanos);
        switch (outcome) {
            case APPLIED -> {
                resubscribesWithoutData = 0;
                link.markHealthy();
            }
            case MALFORMED -> {
                link.noteError("malformed frame: " + session.lastError());
                LOG.log(System.Logger.Level.DEBUG, () -> "kalshi malformed frame skipped: " + session.lastError());
            }
            case CONTROL -> onControl(session.message());
            default -> {
                // DUPLICATE (dropped by the session), GAP (resync already requested), IGNORED (other channels)
            }
        }
    }

    @Override
    public void onClosed(String reason, long atNanos) {
        open = false;
        pendingSubscribes.clear();
        activeSids.clear();
        session.onDisconnected(reason, atNanos);
    }

    private void subscribe() {
        long id = nextCommandId++;
        JsonObject params = new JsonObject()
                .put("channels", new JsonArray().add(CHANNEL))
                .put("market_tickers", new JsonArray(List.copyOf(tickers)))
                .put("use_yes_price", useYesPrice);
        if (link.send(command(id, "subscribe", params))) {
            pendingSubscribes.add(id);
        }
    }

    /** The session saw a gap on {@code sid}: its books are already stale; fetch them again. */
    private void requestSnapshot(long sid, Set<String> gapTickers) {
        long id = nextCommandId++;
        JsonObject params = new JsonObject()
                .put("sids", new JsonArray().add(sid))
                .put("market_tickers", new JsonArray(List.copyOf(gapTickers)))
                .put("action", "get_snapshot");
        LOG.log(System.Logger.Level.INFO, "kalshi seq gap on sid " + sid + ": requesting snapshots of " + gapTickers);
        link.send(command(id, "update_subscription", params));
    }

    private void onControl(KalshiMessage message) {
        if (message.type() == KalshiMessage.Type.SUBSCRIBED) {
            if (pendingSubscribes.remove(message.id()) || CHANNEL.equals(message.channel())) {
                activeSids.add(message.sid());
                LOG.log(
                        System.Logger.Level.INFO,
                        "kalshi subscribed: sid " + message.sid() + " for " + tickers.size() + " tickers");
            }
        } else if (message.type() == KalshiMessage.Type.ERROR) {
            onError(message);
        }
    }

    private void onError(KalshiMessage message) {
        long code = message.errorCode();
        String text = "kalshi error " + code + " (" + KalshiWsErrors.meaning(code) + "): " + message.errorMessage()
                + (message.sid() == KalshiMessage.ABSENT ? "" : " [sid " + message.sid() + "]")
                + (message.id() > 0 ? " [command " + message.id() + "]" : ""); // 0 means "no id" (§3.2)
        link.noteError(text);
        LOG.log(System.Logger.Level.WARNING, text);
        if (!KalshiWsErrors.endsSubscription(code)) {
            return;
        }
        // the session already marked the ended subscription's books stale
        boolean ours = activeSids.remove(message.sid()) || pendingSubscribes.remove(message.id());
        if (!ours) {
            // we cannot tell which subscription ended; a fresh connection is the only state we can trust
            link.reconnect("kalshi ended an unidentified subscription (error " + code + ")");
        } else if (++resubscribesWithoutData > MAX_RESUBSCRIBES) {
            link.reconnect("kalshi ended the subscription " + resubscribesWithoutData + " times without data");
        } else {
            LOG.log(System.Logger.Level.INFO, "kalshi subscription ended by error " + code + ": subscribing again");
            subscribe();
        }
    }

    /**
     * Streams {@code newTickers} from now on (feed scale-out re-assignment). On an open connection the one
     * subscription is changed in place ({@code update_subscription} with {@code add_markets} /
     * {@code delete_markets}, kalshi.md §3), so the books it keeps stay live; added tickers get a snapshot.
     * A ticker given up is marked stale at once: nobody here updates it any more, and the instance that
     * takes it over starts from its own snapshot. Mid-subscribe, the simplest sound move is a reconnect.
     */
    void changeTickers(List<String> newTickers, long atNanos) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(newTickers));
        List<String> added = new ArrayList<>(wanted);
        added.removeAll(tickers);
        List<String> removed = new ArrayList<>(tickers);
        removed.removeAll(wanted);
        tickers = wanted;
        if (!removed.isEmpty()) {
            removed.forEach(
                    ticker -> listener.onStale(Platform.KALSHI, ticker, "assigned to another feed instance", atNanos));
            listener.onFrameEnd(Platform.KALSHI, atNanos);
        }
        if (!open || (added.isEmpty() && removed.isEmpty())) {
            return; // the next onOpen subscribes the new list
        }
        if (activeSids.size() == 1 && pendingSubscribes.isEmpty()) {
            long sid = activeSids.iterator().next();
            if (tickers.isEmpty()) {
                activeSids.clear();
                link.send(command(
                        nextCommandId++, "unsubscribe", new JsonObject().put("sids", new JsonArray().add(sid))));
                return;
            }
            updateMarkets(sid, added, "add_markets");
            updateMarkets(sid, removed, "delete_markets");
        } else if (activeSids.isEmpty() && pendingSubscribes.isEmpty()) {
            if (!tickers.isEmpty()) {
                subscribe();
            }
        } else {
            link.reconnect("kalshi tickers changed while a subscription was in flight");
        }
    }

    private void updateMarkets(long sid, List<String> changed, String action) {
        if (!changed.isEmpty()) {
            link.send(command(
                    nextCommandId++,
                    "update_subscription",
                    new JsonObject()
                            .put("sids", new JsonArray().add(sid))
                            .put("market_tickers", new JsonArray(List.copyOf(changed)))
                            .put("action", action)));
        }
    }

    /** The tickers this connection streams (or will, once open). */
    List<String> tickers() {
        return tickers;
    }

    /** For tests and health: the subscriptions Kalshi acknowledged on this connection. */
    Collection<Long> activeSids() {
        return Set.copyOf(activeSids);
    }

    private static String command(long id, String cmd, JsonObject params) {
        return new JsonObject()
                .put("id", id)
                .put("cmd", cmd)
                .put("params", params)
                .encode();
    }
}

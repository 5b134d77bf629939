package com.doubletime.kalshi;

import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.feed.FeedConnection;
import com.doubletime.feed.FeedLink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Kalshi's WebSocket conversation on one connection (kalshi.md §3): subscribe to {@code orderbook_delta}
 * for every ticker on open, ask for a fresh snapshot after a {@code seq} gap or a diverged book, subscribe
 * again when Kalshi ends a subscription (error 10 or 25). The book rules themselves live in
 * {@link KalshiBookSession}, which the replay tool shares.
 *
 * <p>Nothing waits for an answer forever: a {@code subscribe} not answered within {@code answerTimeoutMillis}
 * replaces the connection; a {@code get_snapshot} whose snapshot does not come gives up that subscription
 * (its books stale, its frames ignored), unsubscribes it and subscribes its tickers afresh, which brings a
 * snapshot of each ({@link #checkAnswers}).
 *
 * <p>A ticker Kalshi refuses (error 11, invalid parameter: an unknown market) is named in the log and in
 * {@link #refused()} (the feed's health), and its book stays stale. A refused command for several tickers does not say which
 * one was wrong, so the tickers are sent again in halves until each refused one stands alone; the others
 * stream as usual. A refused ticker is not asked for again until it is given up and added anew.
 *
 * <p>Runs on the feed's event loop; no Vert.x here beyond JSON, so it is tested with a fake link.
 */
final class KalshiFeedProtocol implements FeedConnection.Listener {
    static final String CHANNEL = "orderbook_delta";
    /** Terminal errors in a row, without book data between them, after which we reconnect instead. */
    static final int MAX_RESUBSCRIBES = 3;
    /** The error Kalshi answers a command naming a market it does not have with (kalshi.md §3.3). */
    static final long INVALID_PARAMETER = 11;

    private static final System.Logger LOG = System.getLogger(KalshiFeedProtocol.class.getName());

    /** What a command in flight asked for; its answer (or its absence) is judged by it. */
    private enum CommandKind {
        SUBSCRIBE,
        ADD_MARKETS,
        GET_SNAPSHOT
    }

    private record Command(CommandKind kind, long sid, List<String> tickers, long sentAtNanos) {}

    /** A snapshot asked for with {@code get_snapshot} and not received yet. */
    private record SnapshotWait(long sid, long sinceNanos) {}

    private List<String> tickers;
    private final boolean useYesPrice;
    private final FeedLink link;
    private final MarketDataListener listener;
    private final LongSupplier nanoTime;
    private final long answerTimeoutNanos;
    private boolean open;
    private final KalshiBookSession session;
    private final Map<Long, Command> pending = new HashMap<>();
    private final Map<Long, List<String>> tickersBySid = new LinkedHashMap<>();
    private final Map<String, SnapshotWait> snapshotWaits = new LinkedHashMap<>();
    private final Map<String, String> refused = new TreeMap<>();
    private long nextCommandId = 1;
    private int resubscribesWithoutData;
    private LifecycleSink lifecycle;

    /** Receives the {@code market_lifecycle_v2} frames; {@code afterGap} when frames of that channel were missed. */
    interface LifecycleSink {
        void onLifecycleFrame(String frame, long atNanos, boolean afterGap);
    }

    /**
     * Subscribes {@code market_lifecycle_v2} on every connection (one command without tickers: the channel takes no
     * market filter, kalshi.md §3.7) and hands its frames to {@code sink}. Call before the connection opens.
     */
    KalshiFeedProtocol followLifecycle(LifecycleSink sink) {
        this.lifecycle = sink;
        return this;
    }

    KalshiFeedProtocol(KalshiFeedConfig config, MarketDataListener listener, FeedLink link) {
        this(config, listener, link, System::nanoTime);
    }

    KalshiFeedProtocol(KalshiFeedConfig config, MarketDataListener listener, FeedLink link, LongSupplier nanoTime) {
        this.tickers = config.tickers();
        this.useYesPrice = config.useYesPrice();
        this.link = link;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.answerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.answerTimeoutMillis());
        this.session = new KalshiBookSession(listener, useYesPrice, this::requestSnapshot);
    }

    /** A late subscriber asked for the books: each fresh one again, from the session's own copy. */
    int republishBooks(long atNanos) {
        return session.republishBooks(atNanos);
    }

    KalshiBookSession session() {
        return session;
    }

    @Override
    public void onOpen(long atNanos) {
        // command ids are unique per connection (kalshi.md §3.2); sids of the old connection mean nothing
        nextCommandId = 1;
        pending.clear();
        tickersBySid.clear();
        snapshotWaits.clear();
        open = true;
        session.onConnected(atNanos);
        // an empty market_tickers would subscribe to every market on the venue
        subscribe(subscribable(tickers));
        if (lifecycle != null) {
            link.send(command(
                    nextCommandId++,
                    "subscribe",
                    new JsonObject().put("channels", new JsonArray().add(LIFECYCLE_CHANNEL))));
        }
    }

    static final String LIFECYCLE_CHANNEL = "market_lifecycle_v2";

    @Override
    public void onText(String frame, long atNanos) {
        KalshiBookSession.Outcome outcome = session.onFrame(frame, atNanos);
        KalshiMessage message = session.message();
        switch (outcome) {
            case APPLIED, DIVERGED -> {
                snapshotArrived(message);
                resubscribesWithoutData = 0;
                link.markHealthy();
                if (outcome == KalshiBookSession.Outcome.DIVERGED) {
                    link.noteError("kalshi " + session.lastError());
                }
            }
            case GAP -> {
                // the resync is already requested; a snapshot that came with the gap is a snapshot still
                snapshotArrived(message);
                forwardLifecycle(message, frame, atNanos, true);
            }
            case MALFORMED -> {
                link.noteError("malformed frame: " + session.lastError());
                LOG.log(System.Logger.Level.DEBUG, () -> "kalshi malformed frame skipped: " + session.lastError());
            }
            case CONTROL -> onControl(message, atNanos);
            case IGNORED -> forwardLifecycle(message, frame, atNanos, false);
            default -> {
                // DUPLICATE (dropped by the session)
            }
        }
    }

    private void snapshotArrived(KalshiMessage message) {
        if (message.type() == KalshiMessage.Type.ORDERBOOK_SNAPSHOT) {
            snapshotWaits.remove(message.marketTicker());
        }
    }

    private void forwardLifecycle(KalshiMessage message, String frame, long atNanos, boolean afterGap) {
        if (lifecycle != null && LIFECYCLE_CHANNEL.equals(message.typeName())) {
            lifecycle.onLifecycleFrame(frame, atNanos, afterGap);
        }
    }

    @Override
    public void onClosed(String reason, long atNanos) {
        open = false;
        pending.clear();
        tickersBySid.clear();
        snapshotWaits.clear();
        session.onDisconnected(reason, atNanos);
    }

    private List<String> subscribable(Collection<String> wanted) {
        return wanted.stream().filter(ticker -> !refused.containsKey(ticker)).toList();
    }

    private void subscribe(List<String> subscribed) {
        if (subscribed.isEmpty()) {
            return;
        }
        long id = nextCommandId++;
        JsonObject params = new JsonObject()
                .put("channels", new JsonArray().add(CHANNEL))
                .put("market_tickers", new JsonArray(List.copyOf(subscribed)))
                .put("use_yes_price", useYesPrice);
        if (link.send(command(id, "subscribe", params))) {
            pending.put(id, new Command(CommandKind.SUBSCRIBE, KalshiMessage.ABSENT, List.copyOf(subscribed), now()));
        }
    }

    /** The session saw a gap on {@code sid}, or a diverged book: those books are already stale; fetch them again. */
    private void requestSnapshot(long sid, Set<String> stale) {
        long id = nextCommandId++;
        JsonObject params = new JsonObject()
                .put("sids", new JsonArray().add(sid))
                .put("market_tickers", new JsonArray(List.copyOf(stale)))
                .put("action", "get_snapshot");
        LOG.log(System.Logger.Level.INFO, "kalshi books of sid " + sid + " need snapshots: requesting " + stale);
        if (link.send(command(id, "update_subscription", params))) {
            long now = now();
            pending.put(id, new Command(CommandKind.GET_SNAPSHOT, sid, List.copyOf(stale), now));
            for (String ticker : stale) {
                snapshotWaits.putIfAbsent(ticker, new SnapshotWait(sid, now));
            }
        }
    }

    private void onControl(KalshiMessage message, long atNanos) {
        switch (message.type()) {
            case SUBSCRIBED -> {
                Command command = pending.remove(message.id());
                if (command != null && command.kind() == CommandKind.SUBSCRIBE) {
                    tickersBySid.put(message.sid(), command.tickers());
                } else if (CHANNEL.equals(message.channel())) {
                    tickersBySid.put(message.sid(), List.copyOf(session.tickersOf(message.sid())));
                } else {
                    return;
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "kalshi subscribed: sid " + message.sid() + " for "
                                + tickersBySid.get(message.sid()).size() + " tickers");
            }
            case OK -> {
                Command command = pending.remove(message.id());
                if (command != null && command.kind() == CommandKind.ADD_MARKETS) {
                    List<String> held = new ArrayList<>(tickersBySid.getOrDefault(command.sid(), List.of()));
                    held.addAll(command.tickers());
                    tickersBySid.put(command.sid(), List.copyOf(new LinkedHashSet<>(held)));
                }
            }
            case ERROR -> onError(message, atNanos);
            default -> {}
        }
    }

    private void onError(KalshiMessage message, long atNanos) {
        long code = message.errorCode();
        String text = "kalshi error " + code + " (" + KalshiWsErrors.meaning(code) + "): " + message.errorMessage()
                + (message.sid() == KalshiMessage.ABSENT ? "" : " [sid " + message.sid() + "]")
                + (message.id() > 0 ? " [command " + message.id() + "]" : ""); // 0 means "no id" (§3.2)
        Command command = message.id() > 0 ? pending.remove(message.id()) : null;
        if (command != null && code == INVALID_PARAMETER && command.kind() != CommandKind.GET_SNAPSHOT) {
            onRefused(command, message, text, atNanos);
            return;
        }
        link.noteError(text);
        LOG.log(System.Logger.Level.WARNING, text);
        if (!KalshiWsErrors.endsSubscription(code)) {
            return;
        }
        // the session already marked the ended subscription's books stale
        List<String> ended = message.sid() == KalshiMessage.ABSENT ? null : tickersBySid.remove(message.sid());
        if (ended == null && command != null && command.kind() == CommandKind.SUBSCRIBE) {
            ended = command.tickers();
        }
        if (ended == null) {
            // we cannot tell which subscription ended; a fresh connection is the only state we can trust
            link.reconnect("kalshi ended an unidentified subscription (error " + code + ")");
        } else if (++resubscribesWithoutData > MAX_RESUBSCRIBES) {
            link.reconnect("kalshi ended the subscription " + resubscribesWithoutData + " times without data");
        } else {
            LOG.log(System.Logger.Level.INFO, "kalshi subscription ended by error " + code + ": subscribing again");
            subscribe(subscribable(ended));
        }
    }

    /**
     * Kalshi refused a command carrying tickers. The tickers it names (or the only one) are refused; a
     * refusal of several that names none is narrowed down by sending them again in halves.
     */
    private void onRefused(Command command, KalshiMessage message, String text, long atNanos) {
        Set<String> named = new LinkedHashSet<>(message.marketTickers());
        if (message.marketTicker() != null) {
            named.add(message.marketTicker());
        }
        named.retainAll(command.tickers());
        if (named.isEmpty() && command.tickers().size() == 1) {
            named.add(command.tickers().get(0));
        }
        if (named.isEmpty()) {
            int half = command.tickers().size() / 2;
            LOG.log(
                    System.Logger.Level.INFO,
                    text + ": asking again for the " + command.tickers().size()
                            + " tickers in halves to find the refused ones");
            resend(command, command.tickers().subList(0, half));
            resend(command, command.tickers().subList(half, command.tickers().size()));
            return;
        }
        for (String ticker : named) {
            String line = "kalshi refused ticker " + ticker + ": " + text;
            refused.put(ticker, text);
            link.noteError(line);
            LOG.log(System.Logger.Level.WARNING, line + "; its book stays stale");
            listener.onStale(Platform.KALSHI, ticker, "refused by kalshi: " + text, atNanos);
        }
        listener.onFrameEnd(Platform.KALSHI, atNanos);
        List<String> rest = new ArrayList<>(command.tickers());
        rest.removeAll(named);
        resend(command, rest);
    }

    private void resend(Command command, List<String> part) {
        if (part.isEmpty()) {
            return;
        }
        if (command.kind() == CommandKind.SUBSCRIBE) {
            subscribe(part);
        } else {
            updateMarkets(command.sid(), part, "add_markets");
        }
    }

    /**
     * Periodically: a {@code subscribe} not answered within the timeout means the connection is not serving
     * us, so it is replaced; a snapshot asked for and not received gives up its subscription and subscribes
     * the tickers afresh (which brings a snapshot of each), instead of leaving the books stale forever.
     */
    void checkAnswers() {
        if (!open) {
            return;
        }
        long now = now();
        long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(answerTimeoutNanos);
        for (Map.Entry<Long, Command> entry : pending.entrySet()) {
            Command command = entry.getValue();
            if (command.kind() == CommandKind.SUBSCRIBE && now - command.sentAtNanos() > answerTimeoutNanos) {
                String reason = "kalshi did not answer subscribe command " + entry.getKey() + " within " + timeoutMillis
                        + " ms";
                link.noteError(reason);
                link.reconnect(reason);
                return;
            }
        }
        Map<Long, List<String>> late = new LinkedHashMap<>();
        snapshotWaits.forEach((ticker, wait) -> {
            if (now - wait.sinceNanos() > answerTimeoutNanos) {
                late.computeIfAbsent(wait.sid(), sid -> new ArrayList<>()).add(ticker);
            }
        });
        late.forEach((sid, unanswered) -> resubscribe(
                sid, "kalshi get_snapshot for " + unanswered + " unanswered after " + timeoutMillis + " ms"));
    }

    /** Gives up subscription {@code sid} and subscribes its tickers afresh. */
    private void resubscribe(long sid, String reason) {
        List<String> held = tickersBySid.remove(sid);
        if (held == null) {
            held = List.copyOf(session.tickersOf(sid));
        }
        snapshotWaits.values().removeIf(wait -> wait.sid() == sid);
        LOG.log(System.Logger.Level.WARNING, reason + ": resubscribing sid " + sid);
        link.noteError(reason);
        session.retire(sid, reason, TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
        link.send(command(nextCommandId++, "unsubscribe", new JsonObject().put("sids", new JsonArray().add(sid))));
        subscribe(subscribable(held));
    }

    /**
     * Streams {@code newTickers} from now on (feed scale-out re-assignment, pairs changed). On an open
     * connection the one subscription is changed in place ({@code update_subscription} with {@code add_markets}
     * / {@code delete_markets}, kalshi.md §3), so the books it keeps stay live; added tickers get a snapshot.
     * A ticker given up is marked stale at once: nobody here updates it any more, and the instance that
     * takes it over starts from its own snapshot. Mid-subscribe, or with several subscriptions, the simplest
     * sound move is a reconnect.
     */
    void changeTickers(List<String> newTickers, long atNanos) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(newTickers));
        List<String> added = new ArrayList<>(wanted);
        added.removeAll(tickers);
        List<String> removed = new ArrayList<>(tickers);
        removed.removeAll(wanted);
        tickers = wanted;
        removed.forEach(refused::remove); // given up: added again later, it is asked for again
        if (!removed.isEmpty()) {
            removed.forEach(
                    ticker -> listener.onStale(Platform.KALSHI, ticker, "assigned to another feed instance", atNanos));
            listener.onFrameEnd(Platform.KALSHI, atNanos);
        }
        if (!open || (added.isEmpty() && removed.isEmpty())) {
            return; // the next onOpen subscribes the new list
        }
        boolean subscribing = pending.values().stream().anyMatch(c -> c.kind() == CommandKind.SUBSCRIBE);
        if (tickersBySid.size() == 1 && !subscribing) {
            long sid = tickersBySid.keySet().iterator().next();
            if (tickers.isEmpty()) {
                tickersBySid.clear();
                link.send(command(
                        nextCommandId++, "unsubscribe", new JsonObject().put("sids", new JsonArray().add(sid))));
                return;
            }
            updateMarkets(sid, added, "add_markets");
            List<String> held = new ArrayList<>(tickersBySid.get(sid));
            List<String> deleted = removed.stream().filter(held::contains).toList();
            held.removeAll(deleted);
            tickersBySid.put(sid, List.copyOf(held));
            updateMarkets(sid, deleted, "delete_markets");
        } else if (tickersBySid.isEmpty() && !subscribing) {
            subscribe(subscribable(tickers));
        } else {
            link.reconnect("kalshi tickers changed while a subscription was in flight");
        }
    }

    private void updateMarkets(long sid, List<String> changed, String action) {
        if (changed.isEmpty()) {
            return;
        }
        long id = nextCommandId++;
        boolean sent = link.send(command(
                id,
                "update_subscription",
                new JsonObject()
                        .put("sids", new JsonArray().add(sid))
                        .put("market_tickers", new JsonArray(List.copyOf(changed)))
                        .put("action", action)));
        if (sent && action.equals("add_markets")) {
            pending.put(id, new Command(CommandKind.ADD_MARKETS, sid, List.copyOf(changed), now()));
        }
    }

    /** The tickers this connection streams (or will, once open), refused ones included. */
    List<String> tickers() {
        return tickers;
    }

    /** Tickers Kalshi refused, sorted. */
    List<String> refused() {
        return List.copyOf(refused.keySet());
    }

    /** For tests and health: the subscriptions Kalshi acknowledged on this connection. */
    Collection<Long> activeSids() {
        return Set.copyOf(tickersBySid.keySet());
    }

    private long now() {
        return nanoTime.getAsLong();
    }

    private static String command(long id, String cmd, JsonObject params) {
        return new JsonObject()
                .put("id", id)
                .put("cmd", cmd)
                .put("params", params)
                .encode();
    }
}

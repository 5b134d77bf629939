package com.doubletime.simulator;

import static com.doubletime.simulator.KalshiWsError.ACTION_REQUIRED;
import static com.doubletime.simulator.KalshiWsError.CHANNELS_REQUIRED;
import static com.doubletime.simulator.KalshiWsError.EXACTLY_ONE_SID;
import static com.doubletime.simulator.KalshiWsError.INVALID_PARAMETER;
import static com.doubletime.simulator.KalshiWsError.PARAMS_REQUIRED;
import static com.doubletime.simulator.KalshiWsError.SIDS_REQUIRED;
import static com.doubletime.simulator.KalshiWsError.TICKER_REQUIRED;
import static com.doubletime.simulator.KalshiWsError.UNKNOWN_CHANNEL;
import static com.doubletime.simulator.KalshiWsError.UNKNOWN_COMMAND;
import static com.doubletime.simulator.KalshiWsError.UNKNOWN_SID;
import static com.doubletime.simulator.KalshiWsError.UNSUPPORTED_ACTION;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client connection to the Kalshi WebSocket: its commands and its {@code orderbook_delta}
 * subscriptions. Each subscription has its own sid and its own seq counter, shared by the snapshots and
 * deltas of all its tickers.
 */
final class KalshiConnection {

    private static final Buffer HEARTBEAT = Buffer.buffer("heartbeat");

    private final ServerWebSocket socket;
    private final SimulatedBooks books;
    private final Runnable onSubscribed;
    private final KalshiFaults faults;
    private final Map<Integer, Subscription> subscriptions = new LinkedHashMap<>();
    private int lastSid;

    KalshiConnection(ServerWebSocket socket, SimulatedBooks books, Runnable onSubscribed) {
        this(socket, books, onSubscribed, new KalshiFaults());
    }

    KalshiConnection(ServerWebSocket socket, SimulatedBooks books, Runnable onSubscribed, KalshiFaults faults) {
        this.socket = socket;
        this.books = books;
        this.onSubscribed = onSubscribed;
        this.faults = faults;
    }

    void onText(String text) {
        JsonObject command;
        try {
            command = new JsonObject(text);
        } catch (RuntimeException notAJsonObject) {
            send(KalshiFrames.error(null, KalshiWsError.UNABLE_TO_PROCESS));
            return;
        }
        Object id = command.getValue("id");
        try {
            Object cmd = command.getValue("cmd");
            switch (cmd instanceof String name ? name : "") {
                case "subscribe" -> subscribe(id, params(command));
                case "unsubscribe" -> unsubscribe(id, params(command));
                case "update_subscription" -> updateSubscription(id, params(command));
                case "list_subscriptions" -> send(KalshiFrames.subscriptionList(id, channelsBySid()));
                default -> throw UNKNOWN_COMMAND.rejected();
            }
        } catch (KalshiWsError.Rejected rejected) {
            send(KalshiFrames.error(id, rejected.error()));
        }
    }

    /** A {@code market_lifecycle_v2} message to every lifecycle subscription, on its own seq counter. */
    void publishLifecycle(JsonObject msg) {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.lifecycle) {
                send(KalshiFrames.lifecycle(subscription.sid, subscription.nextSeq(), msg));
            }
        }
    }

    private Map<Integer, String> channelsBySid() {
        Map<Integer, String> channels = new LinkedHashMap<>();
        subscriptions.forEach((sid, subscription) -> channels.put(
                sid, subscription.lifecycle ? KalshiFrames.LIFECYCLE_CHANNEL : KalshiFrames.ORDERBOOK_CHANNEL));
        return channels;
    }

    void publish(KalshiDelta delta, long tsMillis) {
        for (Subscription subscription : subscriptions.values()) {
            if (!subscription.lifecycle && subscription.tickers.contains(delta.ticker())) {
                if (faults.takeSkipSeq()) {
                    subscription.nextSeq(); // a frame the client never gets
                }
                if (faults.takeMalformed()) {
                    socket.writeTextMessage("{\"type\":\"orderbook_delta\",\"sid\":" + subscription.sid + ",\"msg\":{");
                }
                JsonObject frame = KalshiFrames.delta(
                        subscription.sid,
                        subscription.nextSeq(),
                        books.marketId(delta.ticker()),
                        delta,
                        subscription.useYesPrice,
                        tsMillis);
                send(frame);
                if (faults.takeRepeat()) {
                    send(frame);
                }
            }
        }
    }

    /** Fault: the network drops the connection. */
    void drop() {
        socket.close();
    }

    /** Fault: every subscription ends with error 25 (buffer overflow), which is terminal (kalshi.md §3.3). */
    void endSubscriptions() {
        for (Subscription subscription : List.copyOf(subscriptions.values())) {
            subscriptions.remove(subscription.sid);
            send(KalshiFrames.error(null, KalshiWsError.BUFFER_OVERFLOW).put("sid", subscription.sid));
        }
    }

    void heartbeat() {
        socket.writePing(HEARTBEAT);
    }

    private void subscribe(Object id, JsonObject params) {
        Object channels = params.getValue("channels");
        if (!(channels instanceof JsonArray list) || list.isEmpty()) {
            throw CHANNELS_REQUIRED.rejected();
        }
        boolean book = false;
        boolean lifecycle = false;
        for (Object channel : list) {
            // the simulator serves the order book and the market lifecycle channels
            if (KalshiFrames.ORDERBOOK_CHANNEL.equals(channel)) {
                book = true;
            } else if (KalshiFrames.LIFECYCLE_CHANNEL.equals(channel)) {
                lifecycle = true;
            } else {
                throw UNKNOWN_CHANNEL.rejected();
            }
        }
        // market_lifecycle_v2 takes no market filter: it carries every market (kalshi.md §3.7)
        List<String> tickers = book ? tickers(params) : List.of();
        if (book && tickers.isEmpty()) {
            throw TICKER_REQUIRED.rejected();
        }
        Object useYesPrice = params.getValue("use_yes_price");
        if (useYesPrice != null && !(useYesPrice instanceof Boolean)) {
            throw INVALID_PARAMETER.rejected();
        }
        if (lifecycle) {
            Subscription subscription = new Subscription(++lastSid, List.of(), false, true);
            subscriptions.put(subscription.sid, subscription);
            send(KalshiFrames.subscribed(id, subscription.sid, KalshiFrames.LIFECYCLE_CHANNEL));
        }
        if (book) {
            Subscription subscription = new Subscription(++lastSid, tickers, Boolean.TRUE.equals(useYesPrice), false);
            subscriptions.put(subscription.sid, subscription);
            send(KalshiFrames.subscribed(id, subscription.sid));
            for (String ticker : subscription.tickers) {
                sendSnapshot(null, subscription, ticker);
            }
            onSubscribed.run();
        }
    }

    private void unsubscribe(Object id, JsonObject params) {
        List<Integer> sids = sids(params);
        if (sids.isEmpty()) {
            throw SIDS_REQUIRED.rejected();
        }
        for (int sid : sids) {
            Subscription removed = subscriptions.remove(sid);
            send(
                    removed == null
                            ? KalshiFrames.error(id, UNKNOWN_SID)
                            : KalshiFrames.unsubscribed(id, sid, removed.seq));
        }
    }

    private void updateSubscription(Object id, JsonObject params) {
        List<Integer> sids = sids(params);
        if (sids.isEmpty()) {
            throw SIDS_REQUIRED.rejected();
        }
        if (sids.size() != 1) {
            throw EXACTLY_ONE_SID.rejected();
        }
        Subscription subscription = subscriptions.get(sids.get(0));
        if (subscription == null) {
            throw UNKNOWN_SID.rejected();
        }
        if (subscription.lifecycle) {
            throw UNSUPPORTED_ACTION.rejected();
        }
        Object action = params.getValue("action");
        if (action == null) {
            throw ACTION_REQUIRED.rejected();
        }
        List<String> tickers = tickers(params);
        switch (action instanceof String name ? name : "") {
            case "get_snapshot" -> {
                // without tickers, resync the whole subscription
                for (String ticker : tickers.isEmpty() ? List.copyOf(subscription.tickers) : tickers) {
                    sendSnapshot(id, subscription, ticker);
                }
            }
            case "add_markets" -> {
                if (tickers.isEmpty()) {
                    throw TICKER_REQUIRED.rejected();
                }
                List<String> added = new ArrayList<>(tickers);
                added.removeAll(subscription.tickers);
                subscription.tickers.addAll(added);
                send(KalshiFrames.updated(id, subscription.sid, subscription.seq, subscription.tickers));
                for (String ticker : added) {
                    sendSnapshot(null, subscription, ticker);
                }
            }
            case "delete_markets" -> {
                if (tickers.isEmpty()) {
                    throw TICKER_REQUIRED.rejected();
                }
                subscription.tickers.removeAll(tickers);
                send(KalshiFrames.updated(id, subscription.sid, subscription.seq, subscription.tickers));
            }
            default -> throw UNSUPPORTED_ACTION.rejected();
        }
    }

    private void sendSnapshot(Object id, Subscription subscription, String ticker) {
        send(KalshiFrames.snapshot(
                id,
                subscription.sid,
                subscription.nextSeq(),
                ticker,
                books.marketId(ticker),
                books.kalshi(ticker),
                subscription.useYesPrice));
    }

    private void send(JsonObject frame) {
        socket.writeTextMessage(frame.encode());
    }

    private static JsonObject params(JsonObject command) {
        Object params = command.getValue("params");
        if (params == null) {
            throw PARAMS_REQUIRED.rejected();
        }
        if (!(params instanceof JsonObject object)) {
            throw INVALID_PARAMETER.rejected();
        }
        return object;
    }

    /** {@code market_ticker} or {@code market_tickers} (mutually exclusive); every ticker must be served. */
    private List<String> tickers(JsonObject params) {
        Object single = params.getValue("market_ticker");
        Object many = params.getValue("market_tickers");
        if (single != null && many != null) {
            throw INVALID_PARAMETER.rejected();
        }
        List<String> tickers = new ArrayList<>();
        if (single != null) {
            tickers.add(knownTicker(single));
        } else if (many != null) {
            if (!(many instanceof JsonArray list)) {
                throw INVALID_PARAMETER.rejected();
            }
            for (Object ticker : list) {
                String known = knownTicker(ticker);
                if (!tickers.contains(known)) {
                    tickers.add(known);
                }
            }
        }
        return tickers;
    }

    private String knownTicker(Object ticker) {
        if (!(ticker instanceof String name) || books.kalshi(name) == null) {
            throw INVALID_PARAMETER.rejected();
        }
        return name;
    }

    /** {@code sids: [..]} or {@code sid: n}. */
    private static List<Integer> sids(JsonObject params) {
        List<Integer> sids = new ArrayList<>();
        Object single = params.getValue("sid");
        Object many = params.getValue("sids");
        if (single != null) {
            sids.add(sid(single));
        }
        if (many != null) {
            if (!(many instanceof JsonArray list)) {
                throw INVALID_PARAMETER.rejected();
            }
            for (Object sid : list) {
                sids.add(sid(sid));
            }
        }
        return sids;
    }

    private static int sid(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw INVALID_PARAMETER.rejected();
        }
        return ((Number) value).intValue();
    }

    private static final class Subscription {
        final int sid;
        final Set<String> tickers;
        final boolean useYesPrice;
        /** A {@code market_lifecycle_v2} subscription (every market) rather than an order book one. */
        final boolean lifecycle;
        /** Last seq sent; acknowledgements report it without consuming one. */
        long seq;

        Subscription(int sid, List<String> tickers, boolean useYesPrice, boolean lifecycle) {
            this.sid = sid;
            this.tickers = new LinkedHashSet<>(tickers);
            this.useYesPrice = useYesPrice;
            this.lifecycle = lifecycle;
        }

        long nextSeq() {
            return ++seq;
        }
    }
}

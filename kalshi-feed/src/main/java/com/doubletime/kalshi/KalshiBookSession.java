package com.doubletime.kalshi;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.feed.MalformedFrameException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one Kalshi connection's order-book subscriptions: checks {@code seq} per {@code sid}
 * (kalshi.md §3.6), drops duplicates, marks a subscription's books stale on a gap, and turns frames
 * into domain book updates held in YES terms (a NO bid at p is a YES ask at 1 − p).
 *
 * <p>Used by the live feed and by the replay tool, so both follow the same rules. Not thread-safe: one
 * connection, one event loop.
 */
public final class KalshiBookSession {
    /** What became of a frame; the live feed acts on gaps and counts the rest. */
    public enum Outcome {
        APPLIED,
        CONTROL,
        DUPLICATE,
        GAP,
        MALFORMED,
        IGNORED
    }

    /** Told when a subscription's books need a fresh snapshot. */
    public interface ResyncListener {
        void onGap(long sid, Set<String> tickers);
    }

    private final KalshiFrameParser parser = new KalshiFrameParser();
    private final MarketDataListener listener;
    private final boolean useYesPrice;
    private final ResyncListener resync;
    private final Subscriptions subscriptions = new Subscriptions();
    private final LevelBuffer bids = new LevelBuffer();
    private final LevelBuffer asks = new LevelBuffer();
    private String lastError;
    private long frames;
    private long malformed;
    private long gaps;
    private long duplicates;

    public KalshiBookSession(MarketDataListener listener, boolean useYesPrice, ResyncListener resync) {
        this.listener = listener;
        this.useYesPrice = useYesPrice;
        this.resync = resync;
    }

    /** A new connection: sids from the old one mean nothing any more. */
    public void onConnected(long atNanos) {
        subscriptions.clear();
    }

    public void onDisconnected(String reason, long atNanos) {
        subscriptions.clear();
        listener.onVenueDisconnected(Platform.KALSHI, reason, atNanos);
        listener.onFrameEnd(Platform.KALSHI, atNanos);
    }

    public Outcome onFrame(String frame, long receivedAtNanos) {
        frames++;
        try {
            return onMessage(parser.parse(frame), receivedAtNanos);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
    }

    /** The same for a frame held in a char array (replay), without making a String of it. */
    public Outcome onFrame(char[] frame, int offset, int length, long receivedAtNanos) {
        frames++;
        try {
            return onMessage(parser.parse(frame, offset, length), receivedAtNanos);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
    }

    private Outcome onMalformed(MalformedFrameException e) {
        malformed++;
        lastError = e.getMessage();
        return Outcome.MALFORMED;
    }

    private Outcome onMessage(KalshiMessage message, long receivedAtNanos) {
        Outcome sequence = Outcome.APPLIED;
        if (message.sid() != KalshiMessage.ABSENT && message.seq() != KalshiMessage.ABSENT) {
            sequence = checkSequence(message, receivedAtNanos);
            if (sequence == Outcome.DUPLICATE) {
                return sequence;
            }
        }
        Outcome handled = switch (message.type()) {
            case ORDERBOOK_SNAPSHOT, ORDERBOOK_DELTA -> onBookMessage(message, receivedAtNanos);
            case ERROR -> onError(message, receivedAtNanos);
            case SUBSCRIBED, OK, UNSUBSCRIBED -> Outcome.CONTROL;
            case OTHER -> Outcome.IGNORED;
        };
        listener.onFrameEnd(Platform.KALSHI, receivedAtNanos);
        return sequence == Outcome.GAP ? Outcome.GAP : handled;
    }

    /** The frame just handled, for the live feed's command bookkeeping; overwritten by the next frame. */
    public KalshiMessage message() {
        return parser.message();
    }

    /** Every frame carrying {@code sid} and {@code seq} counts, replies included: they share the counter. */
    private Outcome checkSequence(KalshiMessage message, long at) {
        Subscription subscription = subscriptions.getOrCreate(message.sid());
        long seq = message.seq();
        Outcome outcome = Outcome.APPLIED;
        if (subscription.lastSeq != KalshiMessage.ABSENT) {
            if (seq <= subscription.lastSeq) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
            if (seq != subscription.lastSeq + 1) {
                gaps++;
                outcome = Outcome.GAP;
                for (String ticker : subscription.tickers) {
                    listener.onStale(Platform.KALSHI, ticker, "seq gap on sid " + message.sid(), at);
                }
                if (resync != null && !subscription.tickers.isEmpty()) {
                    resync.onGap(message.sid(), ordered(subscription.tickers));
                }
            }
        }
        subscription.lastSeq = seq;
        return outcome;
    }

    private Outcome onBookMessage(KalshiMessage message, long at) {
        subscriptions.get(message.sid()).tickers.add(message.marketTicker());
        if (message.type() == KalshiMessage.Type.ORDERBOOK_SNAPSHOT) {
            bids.clear();
            asks.clear();
            LevelBuffer yes = message.yesLevels();
            for (int i = 0; i < yes.count(); i++) {
                bids.add(yes.price(i), yes.size(i));
            }
            LevelBuffer no = message.noLevels();
            for (int i = 0; i < no.count(); i++) {
                asks.add(yesAskPrice(no.price(i)), no.size(i));
            }
            listener.onSnapshot(Platform.KALSHI, message.marketTicker(), bids, asks, at);
        } else if ("yes".equals(message.side())) {
            listener.onLevel(
                    Platform.KALSHI, message.marketTicker(), Side.BID, message.price(), message.delta(), false, at);
        } else {
            listener.onLevel(
                    Platform.KALSHI,
                    message.marketTicker(),
                    Side.ASK,
                    yesAskPrice(message.price()),
                    message.delta(),
                    false,
                    at);
        }
        return Outcome.APPLIED;
    }

    /** Codes 10 and 25 end the subscription (kalshi.md §3.3): its books cannot be trusted any more. */
    private Outcome onError(KalshiMessage message, long at) {
        lastError = "error " + message.errorCode() + ": " + message.errorMessage();
        if ((message.errorCode() == 10 || message.errorCode() == 25) && message.sid() != KalshiMessage.ABSENT) {
            Subscription subscription = subscriptions.remove(message.sid());
            if (subscription != null) {
                for (String ticker : subscription.tickers) {
                    listener.onStale(Platform.KALSHI, ticker, lastError, at);
                }
            }
        }
        return Outcome.CONTROL;
    }

    /** A NO bid is a YES ask at 1 − p; with {@code use_yes_price} Kalshi already sends it so. */
    private long yesAskPrice(long noPrice) {
        return useYesPrice ? noPrice : FixedPoint.ONE - noPrice;
    }

    public Set<String> tickersOf(long sid) {
        Subscription subscription = subscriptions.get(sid);
        return subscription == null ? Set.of() : ordered(subscription.tickers);
    }

    private static Set<String> ordered(Set<String> tickers) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tickers));
    }

    public String lastError() {
        return lastError;
    }

    public long frames() {
        return frames;
    }

    public long malformed() {
        return malformed;
    }

    public long gaps() {
        return gaps;
    }

    public long duplicates() {
        return duplicates;
    }

    /**
     * Subscriptions by sid. Kalshi numbers sids from 1 per connection, so an array indexed by sid serves
     * the hot path without boxing; anything unusual falls back to a map.
     */
    private static final class Subscriptions {
        private static final int DIRECT = 1024;
        private final Subscription[] direct = new Subscription[DIRECT];
        private final Map<Long, Subscription> others = new HashMap<>();

        Subscription get(long sid) {
            return sid >= 0 && sid < DIRECT ? direct[(int) sid] : others.get(sid);
        }

        Subscription getOrCreate(long sid) {
            Subscription subscription = get(sid);
            if (subscription == null) {
                subscription = new Subscription();
                if (sid >= 0 && sid < DIRECT) {
                    direct[(int) sid] = subscription;
                } else {
                    others.put(sid, subscription);
                }
            }
            return subscription;
        }

        Subscription remove(long sid) {
            if (sid >= 0 && sid < DIRECT) {
                Subscription removed = direct[(int) sid];
                direct[(int) sid] = null;
                return removed;
            }
            return others.remove(sid);
        }

        void clear() {
            java.util.Arrays.fill(direct, null);
            others.clear();
        }
    }

    private static final class Subscription {
        private long lastSeq = KalshiMessage.ABSENT;
        private final Set<String> tickers = new LinkedHashSet<>();
    }
}

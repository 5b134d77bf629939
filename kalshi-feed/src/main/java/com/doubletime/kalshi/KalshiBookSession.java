package com.doubletime.kalshi;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.feed.FrameCounters;
import com.doubletime.feed.MalformedFrameException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one Kalshi connection's order-book subscriptions: checks {@code seq} per {@code sid}
 * (kalshi.md §3.6), drops duplicates, marks a subscription's books stale on a gap, and turns frames
 * into domain book updates held in YES terms (a NO bid at p is a YES ask at 1 − p).
 *
 * <p>It keeps its own copy of every book as received, to catch one that has diverged from the venue's: a
 * delta that takes more from a level than rests there was meant for another book. That book is marked stale
 * (the delta is not passed on) and a fresh snapshot is asked for, as after a gap.
 *
 * <p>Used by the live feed and by the replay tool, so both follow the same rules. Not thread-safe: one
 * connection, one event loop.
 */
public final class KalshiBookSession {
    /** What became of a frame; the live feed acts on gaps and divergence and counts the rest. */
    public enum Outcome {
        APPLIED,
        CONTROL,
        DUPLICATE,
        GAP,
        DIVERGED,
        MALFORMED,
        IGNORED
    }

    /** Told when books of a subscription need a fresh snapshot (a gap, a diverged book). */
    public interface ResyncListener {
        void onResyncNeeded(long sid, Set<String> tickers);
    }

    private final KalshiFrameParser parser = new KalshiFrameParser();
    private final MarketDataListener listener;
    private final boolean useYesPrice;
    private final ResyncListener resync;
    private final Subscriptions subscriptions = new Subscriptions();
    private final OrderbookSet received = new OrderbookSet();
    private final LevelBuffer bids = new LevelBuffer();
    private final LevelBuffer asks = new LevelBuffer();
    private final FrameCounters counters = new FrameCounters();
    private long gaps;
    private long duplicates;
    private long diverged;

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
        received.markAllStale(Platform.KALSHI);
        listener.onVenueDisconnected(Platform.KALSHI, reason, atNanos);
        listener.onFrameEnd(Platform.KALSHI, atNanos);
    }

    public Outcome onFrame(String frame, long receivedAtNanos) {
        counters.frame();
        try {
            return onMessage(parser.parse(frame), receivedAtNanos);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
    }

    /** The same for a frame held in a char array (replay), without making a String of it. */
    public Outcome onFrame(char[] frame, int offset, int length, long receivedAtNanos) {
        counters.frame();
        try {
            return onMessage(parser.parse(frame, offset, length), receivedAtNanos);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
    }

    private Outcome onMalformed(MalformedFrameException e) {
        counters.malformed(e);
        return Outcome.MALFORMED;
    }

    private Outcome onMessage(KalshiMessage message, long receivedAtNanos) {
        Outcome sequence = Outcome.APPLIED;
        if (message.sid() != KalshiMessage.ABSENT && message.seq() != KalshiMessage.ABSENT) {
            sequence = checkSequence(message, receivedAtNanos);
            if (sequence == Outcome.DUPLICATE || sequence == Outcome.IGNORED) {
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
        if (subscription.retired) {
            return Outcome.IGNORED; // given up and unsubscribed: what it still sends is not ours to apply
        }
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
                    stale(ticker, "seq gap on sid " + message.sid(), at);
                }
                if (resync != null && !subscription.tickers.isEmpty()) {
                    resync.onResyncNeeded(message.sid(), ordered(subscription.tickers));
                }
            }
        }
        subscription.lastSeq = seq;
        return outcome;
    }

    private Outcome onBookMessage(KalshiMessage message, long at) {
        String ticker = message.marketTicker();
        subscriptions.get(message.sid()).tickers.add(ticker);
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
            received.applySnapshot(Platform.KALSHI, ticker, bids, asks, at);
            listener.onSnapshot(Platform.KALSHI, ticker, bids, asks, at);
            return Outcome.APPLIED;
        }
        boolean yesSide = "yes".equals(message.side());
        Side side = yesSide ? Side.BID : Side.ASK;
        long price = yesSide ? message.price() : yesAskPrice(message.price());
        Orderbook book = received.find(Platform.KALSHI, ticker);
        if (book != null && book.snapshotReceived()) {
            boolean trusted = book.isFresh();
            long after = book.changeLevel(side, price, message.delta(), at);
            if (after < 0 && trusted) {
                return onDiverged(message, after, at);
            }
        }
        listener.onLevelChange(Platform.KALSHI, ticker, side, price, message.delta(), at);
        return Outcome.APPLIED;
    }

    /** The venue's book cannot hold a negative size: ours missed something. Stale until a new snapshot. */
    private Outcome onDiverged(KalshiMessage message, long after, long at) {
        diverged++;
        String reason = "book diverged: delta " + FixedPoint.format(message.delta(), 2) + " at "
                + message.side() + " " + FixedPoint.format(message.price(), 4) + " would leave "
                + FixedPoint.format(after, 2) + " contracts";
        counters.error(message.marketTicker() + " " + reason);
        stale(message.marketTicker(), reason, at);
        if (resync != null) {
            resync.onResyncNeeded(message.sid(), Set.of(message.marketTicker()));
        }
        return Outcome.DIVERGED;
    }

    /**
     * The live feed gives up a subscription (unsubscribes it to subscribe its tickers afresh): its books are
     * stale, and whatever it still sends before the venue confirms is ignored.
     */
    public void retire(long sid, String reason, long atNanos) {
        Subscription subscription = subscriptions.getOrCreate(sid);
        subscription.retired = true;
        for (String ticker : subscription.tickers) {
            stale(ticker, reason, atNanos);
        }
        listener.onFrameEnd(Platform.KALSHI, atNanos);
    }

    private void stale(String ticker, String reason, long at) {
        received.markStale(Platform.KALSHI, ticker);
        listener.onStale(Platform.KALSHI, ticker, reason, at);
    }

    /** Codes 10 and 25 end the subscription (kalshi.md §3.3): its books cannot be trusted any more. */
    private Outcome onError(KalshiMessage message, long at) {
        String error = "error " + message.errorCode() + ": " + message.errorMessage();
        counters.error(error);
        if (KalshiWsErrors.endsSubscription(message.errorCode()) && message.sid() != KalshiMessage.ABSENT) {
            Subscription subscription = subscriptions.remove(message.sid());
            if (subscription != null) {
                for (String ticker : subscription.tickers) {
                    stale(ticker, error, at);
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
        return Collections.unmodifiableSet(new LinkedHashSet<>(tickers));
    }

    /**
     * Publishes a snapshot of every book this session holds fresh, from its own copy, to its listener: the answer
     * to a late subscriber ({@code BooksResendRequest}). Returns how many books were sent.
     */
    public int republishBooks(long atNanos) {
        return received.republish(Platform.KALSHI, listener, atNanos);
    }

    /** The books as this session received them, for tests and checks; the listener's are its own. */
    public OrderbookSet received() {
        return received;
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

    public long gaps() {
        return gaps;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Books found diverged from the venue's (a delta below zero) and resynced. */
    public long diverged() {
        return diverged;
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
            Arrays.fill(direct, null);
            others.clear();
        }
    }

    private static final class Subscription {
        private long lastSeq = KalshiMessage.ABSENT;
        private boolean retired;
        private final Set<String> tickers = new LinkedHashSet<>();
    }
}

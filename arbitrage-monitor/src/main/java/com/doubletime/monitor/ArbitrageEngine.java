package com.doubletime.monitor;

import com.doubletime.domain.BuyBothDetector;
import com.doubletime.domain.Direction;
import com.doubletime.domain.LevelBuffer;
import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MarketState;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.OpportunityTracker;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.Side;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.domain.format.BookDumpJson;
import com.doubletime.domain.market.MarketView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The monitor's core, without Vert.x: owns every book and every pair's {@link MarketState}, applies
 * market data, and at the end of each frame evaluates the pairs that frame touched. The live verticle
 * and the replay tool both drive this same class, so they cannot disagree.
 *
 * <p>Single writer: one thread (the verticle's event loop, or the replay loop) calls it.
 */
public final class ArbitrageEngine implements MarketDataListener {
    private final OrderbookSet books = new OrderbookSet();
    private final Map<String, List<PairSlot>> pairsByKalshiTicker = new HashMap<>();
    private final Map<String, PairSlot> pairsByToken = new HashMap<>();
    private final Map<String, PairSlot> pairsById = new LinkedHashMap<>();
    private final List<PairSlot> dirty = new ArrayList<>();
    private final OpportunityTracker tracker;
    private final Consumer<OpportunityEvent> opportunities;
    private final ResolutionCalendar calendar = new ResolutionCalendar();
    private long evaluations;

    /** Opportunity ids {@code pairId:direction:n}, the same for the same input (replay). */
    public ArbitrageEngine(List<MarketPair> pairs, Consumer<OpportunityEvent> opportunities) {
        this(pairs, opportunities, "");
    }

    /**
     * @param run set into every opportunity id ({@code pairId:direction:run-n}) so a live or paper run never
     *     reuses an id an earlier run journaled; empty for none
     */
    public ArbitrageEngine(List<MarketPair> pairs, Consumer<OpportunityEvent> opportunities, String run) {
        this.opportunities = opportunities;
        this.tracker = new OpportunityTracker(run);
        pairs.forEach(this::addPair);
    }

    public void addPair(MarketPair pair) {
        if (pairsById.containsKey(pair.id())) {
            throw new IllegalArgumentException("pair '" + pair.id() + "' already exists");
        }
        Orderbook kalshi = books.book(Platform.KALSHI, pair.kalshiTicker());
        Orderbook yes = books.book(Platform.POLYMARKET, pair.yesTokenId());
        Orderbook no = books.book(Platform.POLYMARKET, pair.noTokenId());
        PairSlot slot = new PairSlot(new MarketState(pair, kalshi, yes, no));
        pairsById.put(pair.id(), slot);
        pairsByKalshiTicker
                .computeIfAbsent(pair.kalshiTicker(), t -> new ArrayList<>())
                .add(slot);
        pairsByToken.put(pair.yesTokenId(), slot);
        pairsByToken.put(pair.noTokenId(), slot);
    }

    /**
     * Stops watching a pair. Its open opportunities are closed (published like any close) so nobody keeps
     * trading on a pair the operator removed. The books stay: another pair or a re-added one may use them.
     *
     * @return false when no pair has this id
     */
    public boolean removePair(String pairId, long nowNanos) {
        PairSlot slot = pairsById.remove(pairId);
        if (slot == null) {
            return false;
        }
        MarketPair pair = slot.state.pair();
        List<PairSlot> sharing = pairsByKalshiTicker.get(pair.kalshiTicker());
        sharing.remove(slot);
        if (sharing.isEmpty()) {
            pairsByKalshiTicker.remove(pair.kalshiTicker());
        }
        pairsByToken.remove(pair.yesTokenId(), slot);
        pairsByToken.remove(pair.noTokenId(), slot);
        dirty.remove(slot);
        tracker.closeAll(pairId, nowNanos).forEach(opportunities);
        return true;
    }

    public List<MarketPair> pairs() {
        return pairsById.values().stream().map(slot -> slot.state.pair()).toList();
    }

    public MarketState state(String pairId) {
        PairSlot slot = pairsById.get(pairId);
        return slot == null ? null : slot.state;
    }

    public boolean isSubscribed(Platform platform, String instrument) {
        return platform == Platform.KALSHI
                ? pairsByKalshiTicker.containsKey(instrument)
                : pairsByToken.containsKey(instrument);
    }

    /** Applies the events of one frame as received over the bus, then evaluates. */
    public void apply(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            books.apply(event);
            if (event instanceof VenueDisconnected) {
                pairsById.values().forEach(this::markDirty);
            } else {
                touch(event.platform(), instrumentOf(event));
            }
        }
        onFrameEnd(batch.platform(), batch.receivedAtNanos());
    }

    private static String instrumentOf(MarketDataEvent event) {
        if (event instanceof OrderBookSnapshotReceived s) {
            return s.instrument();
        } else if (event instanceof OrderBookDeltaReceived d) {
            return d.instrument();
        }
        return ((BookMarkedStale) event).instrument();
    }

    @Override
    public void onSnapshot(Platform platform, String instrument, LevelBuffer bids, LevelBuffer asks, long atNanos) {
        books.applySnapshot(platform, instrument, bids, asks, atNanos);
        touch(platform, instrument);
    }

    @Override
    public void onLevelSet(Platform platform, String instrument, Side side, long price, long size, long atNanos) {
        if (books.setLevel(platform, instrument, side, price, size, atNanos) != null) {
            touch(platform, instrument);
        }
    }

    @Override
    public void onLevelChange(Platform platform, String instrument, Side side, long price, long delta, long atNanos) {
        if (books.changeLevel(platform, instrument, side, price, delta, atNanos) != null) {
            touch(platform, instrument);
        }
    }

    @Override
    public void onStale(Platform platform, String instrument, String reason, long atNanos) {
        if (books.markStale(platform, instrument) != null) {
            touch(platform, instrument);
        }
    }

    @Override
    public void onVenueDisconnected(Platform platform, String reason, long atNanos) {
        books.markAllStale(platform);
        pairsById.values().forEach(this::markDirty);
    }

    @Override
    public void onFrameEnd(Platform platform, long atNanos) {
        for (int i = 0; i < dirty.size(); i++) {
            PairSlot slot = dirty.get(i);
            slot.dirty = false;
            evaluate(slot, atNanos);
        }
        dirty.clear();
    }

    private void evaluate(PairSlot slot, long atNanos) {
        String pairId = slot.state.pair().id();
        for (Direction direction : DIRECTIONS) {
            evaluations++;
            Opportunity found = BuyBothDetector.evaluate(slot.state, direction);
            OpportunityEvent event = tracker.update(pairId, direction, found, atNanos);
            if (event != null) {
                opportunities.accept(withReturnOnCapital(slot.state.pair(), event));
            }
        }
    }

    private static final Direction[] DIRECTIONS = Direction.values();

    /** Contracts §7: the return-on-capital fields, when both markets' expected resolution times are known. */
    private OpportunityEvent withReturnOnCapital(MarketPair pair, OpportunityEvent event) {
        if (!(event instanceof ArbitrageOpportunityFound found)) {
            return event;
        }
        long kalshi = calendar.kalshi(pair);
        long polymarket = calendar.polymarket(pair);
        if (kalshi == MarketView.UNKNOWN || polymarket == MarketView.UNKNOWN) {
            return event;
        }
        Opportunity o = found.opportunity();
        return found.withReturnOnCapital(
                ReturnOnCapital.of(o.edge(), o.totalCost(), kalshi, polymarket, found.detectedAtNanos()));
    }

    /** The markets' expected resolution times (fed from {@code MarketStatusChanged}); same thread as the rest. */
    public ResolutionCalendar resolutionCalendar() {
        return calendar;
    }

    private void touch(Platform platform, String instrument) {
        if (platform == Platform.KALSHI) {
            List<PairSlot> slots = pairsByKalshiTicker.get(instrument);
            if (slots != null) {
                for (int i = 0; i < slots.size(); i++) {
                    markDirty(slots.get(i));
                }
            }
        } else {
            PairSlot slot = pairsByToken.get(instrument);
            if (slot != null) {
                markDirty(slot);
            }
        }
    }

    private void markDirty(PairSlot slot) {
        if (!slot.dirty) {
            slot.dirty = true;
            dirty.add(slot);
        }
    }

    public Collection<Orderbook> allBooks(Platform platform) {
        return books.all(platform);
    }

    public Orderbook book(Platform platform, String instrument) {
        return books.find(platform, instrument);
    }

    /** Contracts §5: every book a pair needs or a snapshot created. */
    public String dumpBooksJson() {
        return BookDumpJson.write(books.all(Platform.KALSHI), books.all(Platform.POLYMARKET));
    }

    public long evaluations() {
        return evaluations;
    }

    private static final class PairSlot {
        private final MarketState state;
        private boolean dirty;

        private PairSlot(MarketState state) {
            this.state = state;
        }
    }
}

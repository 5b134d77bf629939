package com.doubletime.kalshi;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OrderBookSnapshotReceived;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.monitor.ArbitrageEngine;
import com.doubletime.simulator.SimulatedMarket;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Listens to the Kalshi feed on the bus the way the monitor does: applies every batch to the monitor's own
 * {@link ArbitrageEngine}, whose pairs are primed with Polymarket asks so cheap that any fresh Kalshi book
 * shows an opportunity. Each opportunity found is checked against the freshness of the Kalshi book it came
 * from: one found on a stale book is recorded as a violation.
 */
final class FeedProbe {
    private ArbitrageEngine engine;
    private final List<String> violations = new ArrayList<>();
    private final List<MarketDataEvent> events = new ArrayList<>();
    private final List<String> tickers;
    private int opportunities;
    private FeedHealth health;

    FeedProbe(Vertx vertx, List<SimulatedMarket> markets) {
        BusCodecs.registerAll(vertx.eventBus());
        this.tickers = markets.stream().map(SimulatedMarket::kalshiTicker).toList();
        List<MarketPair> pairs = markets.stream()
                .map(m -> new MarketPair(
                        m.kalshiTicker(),
                        "",
                        m.kalshiTicker(),
                        70_000,
                        m.conditionId(),
                        m.yesTokenId(),
                        m.noTokenId(),
                        0,
                        10_000,
                        0,
                        false,
                        m.inverse() ? Polarity.INVERSE : Polarity.SAME,
                        0,
                        MarketPair.UNLIMITED))
                .toList();
        engine = new ArbitrageEngine(pairs, event -> {
            if (event instanceof ArbitrageOpportunityFound found) {
                opportunities++;
                Orderbook kalshi = this.engine.book(Platform.KALSHI, found.pairId()); // pair id = ticker
                if (kalshi == null || !kalshi.isFresh()) {
                    violations.add("opportunity " + found.id() + " found on a stale Kalshi book");
                }
            }
        });
        // every Polymarket token offered at 0.01 in size: the Kalshi side alone decides
        for (SimulatedMarket market : markets) {
            for (String token : List.of(market.yesTokenId(), market.noTokenId())) {
                engine.apply(new MarketDataBatch(
                        Platform.POLYMARKET,
                        1,
                        List.of(new OrderBookSnapshotReceived(
                                Platform.POLYMARKET,
                                token,
                                Levels.EMPTY,
                                new Levels(new long[] {10_000}, new long[] {1_000_000 * FixedPoint.ONE}),
                                1))));
            }
        }
        vertx.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, message -> apply(message.body()));
        vertx.eventBus().<FeedHealth>consumer(Addresses.FEED_HEALTH, message -> {
            synchronized (this) {
                health = message.body();
            }
        });
    }

    private synchronized void apply(MarketDataBatch batch) {
        if (batch.platform() != Platform.KALSHI) {
            return;
        }
        events.addAll(batch.events());
        engine.apply(batch);
    }

    synchronized boolean fresh(String ticker) {
        Orderbook book = engine.book(Platform.KALSHI, ticker);
        return book != null && book.isFresh();
    }

    synchronized TreeMap<Long, Long> bids(String ticker) {
        Orderbook book = engine.book(Platform.KALSHI, ticker);
        return book == null
                ? new TreeMap<>()
                : SignedSimulator.levels(book.bids().toLevels(), false);
    }

    synchronized TreeMap<Long, Long> asks(String ticker) {
        Orderbook book = engine.book(Platform.KALSHI, ticker);
        return book == null
                ? new TreeMap<>()
                : SignedSimulator.levels(book.asks().toLevels(), false);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int opportunities() {
        return opportunities;
    }

    synchronized FeedHealth health() {
        return health;
    }

    /** Events received so far; {@link #mark()} then {@link #since(int)} isolates one phase. */
    synchronized int mark() {
        return events.size();
    }

    synchronized List<MarketDataEvent> since(int mark) {
        return List.copyOf(events.subList(mark, events.size()));
    }

    /** Whether {@code ticker}'s book was marked stale (gap, ended subscription or disconnect) after {@code mark}. */
    synchronized boolean markedStaleSince(int mark, String ticker) {
        return events.subList(mark, events.size()).stream()
                .anyMatch(e -> e instanceof VenueDisconnected
                        || e instanceof BookMarkedStale stale
                                && stale.instrument().equals(ticker));
    }

    List<String> tickers() {
        return tickers;
    }
}

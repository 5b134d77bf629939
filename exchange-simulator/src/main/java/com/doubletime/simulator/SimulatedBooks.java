package com.doubletime.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every book of both venues: the single source of truth the servers read snapshots from. Mutations go
 * through the {@code apply} methods, which tell the {@link BookListener} exactly what changed. Owned by
 * one event loop; not thread-safe.
 */
final class SimulatedBooks {

    private final Map<String, KalshiBook> kalshiByTicker = new LinkedHashMap<>();
    private final Map<String, String> marketIdByTicker = new LinkedHashMap<>();
    private final Map<String, PolymarketBook> polymarketByToken = new LinkedHashMap<>();
    private final Map<String, String> conditionIdByToken = new LinkedHashMap<>();
    private BookListener listener = BookListener.IGNORE;
    private long ordersSeen;

    SimulatedBooks(List<SimulatedMarket> markets) {
        for (SimulatedMarket market : markets) {
            kalshiByTicker.put(market.kalshiTicker(), new KalshiBook());
            // a stable id per ticker, so reconnecting clients see the same market_id
            marketIdByTicker.put(
                    market.kalshiTicker(),
                    UUID.nameUUIDFromBytes(market.kalshiTicker().getBytes(StandardCharsets.UTF_8))
                            .toString());
            for (String token : List.of(market.yesTokenId(), market.noTokenId())) {
                polymarketByToken.put(token, new PolymarketBook());
                conditionIdByToken.put(token, market.conditionId());
            }
        }
    }

    void listener(BookListener listener) {
        this.listener = listener;
    }

    /** The book of a ticker, or null when the ticker is not served. */
    KalshiBook kalshi(String ticker) {
        return kalshiByTicker.get(ticker);
    }

    String marketId(String ticker) {
        return marketIdByTicker.get(ticker);
    }

    /** The book of a token, or null when the token is not served. */
    PolymarketBook polymarket(String tokenId) {
        return polymarketByToken.get(tokenId);
    }

    String conditionId(String tokenId) {
        return conditionIdByToken.get(tokenId);
    }

    /** Adds a signed size change to one Kalshi bid level and reports the change actually applied. */
    void applyKalshi(String ticker, KalshiSide side, long price, long delta) {
        KalshiBook book = requireKalshi(ticker);
        long applied = book.bids(side).add(price, delta);
        if (applied != 0) {
            listener.onKalshiDelta(new KalshiDelta(ticker, side, price, applied));
        }
    }

    /**
     * Sets Polymarket levels to absolute sizes, in the given order. The changes of each market become one
     * {@code price_change}; markets are reported in order of first appearance.
     */
    void applyPolymarket(List<PolymarketLevelUpdate> updates) {
        Map<String, List<PolymarketLevelChange>> changesByMarket = new LinkedHashMap<>();
        for (PolymarketLevelUpdate update : updates) {
            PolymarketBook book = requirePolymarket(update.assetId());
            book.levels(update.side()).set(update.price(), update.size());
            PolymarketLevelChange change = new PolymarketLevelChange(
                    update.assetId(),
                    update.side(),
                    update.price(),
                    Math.max(0, update.size()),
                    nextOrderHash(),
                    book.bestBid(),
                    book.bestAsk());
            changesByMarket
                    .computeIfAbsent(conditionId(update.assetId()), id -> new ArrayList<>())
                    .add(change);
        }
        changesByMarket.forEach(
                (market, changes) -> listener.onPolymarketPriceChange(new PolymarketPriceChange(market, changes)));
    }

    private String nextOrderHash() {
        // counter-based so a seed replays to identical frames
        return Sha1.hex("simulated-order-" + ++ordersSeen);
    }

    private KalshiBook requireKalshi(String ticker) {
        KalshiBook book = kalshiByTicker.get(ticker);
        if (book == null) {
            throw new IllegalArgumentException("unknown Kalshi ticker: " + ticker);
        }
        return book;
    }

    private PolymarketBook requirePolymarket(String tokenId) {
        PolymarketBook book = polymarketByToken.get(tokenId);
        if (book == null) {
            throw new IllegalArgumentException("unknown Polymarket token: " + tokenId);
        }
        return book;
    }
}

package com.doubletime.domain;

/** Root aggregate of one matched market across both venues. */
public final class MarketState {
    private final MarketPair pair;
    private final MarketOutcomes kalshi;
    private final MarketOutcomes polymarket;

    public MarketState(MarketPair pair, Orderbook kalshiBook, Orderbook polymarketYes, Orderbook polymarketNo) {
        this.pair = pair;
        this.kalshi = MarketOutcomes.kalshi(kalshiBook);
        this.polymarket = MarketOutcomes.polymarket(polymarketYes, polymarketNo);
    }

    public MarketPair pair() {
        return pair;
    }

    public MarketOutcomes kalshi() {
        return kalshi;
    }

    public MarketOutcomes polymarket() {
        return polymarket;
    }

    /** Trading on a book that is not fresh is trading on a guess. */
    public boolean isFresh() {
        return kalshi.isFresh() && polymarket.isFresh();
    }

    /** Kalshi YES ask (1 − best NO bid), or -1 when there is none. */
    public long kalshiBestAsk(Outcome outcome) {
        AskLadder asks = kalshi.asks(outcome);
        return asks.levelCount() == 0 ? -1 : asks.price(0);
    }

    public long polymarketBestAsk(Outcome outcome) {
        AskLadder asks = polymarket.asks(outcome);
        return asks.levelCount() == 0 ? -1 : asks.price(0);
    }
}

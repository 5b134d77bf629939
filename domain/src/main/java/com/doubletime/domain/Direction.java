package com.doubletime.domain;

/** Which pair of contracts a buy-both trade buys. */
public enum Direction {
    /** Buy Kalshi YES and the Polymarket token that pays when Kalshi resolves NO. */
    KALSHI_YES_POLYMARKET_NO(Outcome.YES),
    /** Buy Kalshi NO and the Polymarket token that pays when Kalshi resolves YES. */
    KALSHI_NO_POLYMARKET_YES(Outcome.NO);

    private final Outcome kalshiOutcome;

    Direction(Outcome kalshiOutcome) {
        this.kalshiOutcome = kalshiOutcome;
    }

    public Outcome kalshiOutcome() {
        return kalshiOutcome;
    }

    /** The Kalshi outcome the Polymarket leg must pay on. */
    public Outcome hedgedKalshiOutcome() {
        return kalshiOutcome.opposite();
    }
}

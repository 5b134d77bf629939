package com.doubletime.simulator;

/**
 * The lifecycle side of one simulated Polymarket market as Gamma and the market channel show it: {@code active},
 * {@code closed}, {@code acceptingOrders}, {@code endDate}, and the winning token once resolved. Single writer:
 * the simulator's event loop.
 */
final class PolymarketMarketState {
    final SimulatedMarket market;
    boolean active = true;
    boolean closed;
    boolean acceptingOrders = true;
    long endDateMillis;
    /** The winning token id once resolved; {@link #SPLIT} for a 50/50 resolution; null before. */
    String winnerToken;

    long resolvedAtMillis;

    static final String SPLIT = "50-50";

    PolymarketMarketState(SimulatedMarket market, long endDateMillis) {
        this.market = market;
        this.endDateMillis = endDateMillis;
    }

    boolean tradable() {
        return active && !closed && acceptingOrders;
    }

    boolean resolved() {
        return winnerToken != null;
    }

    /** What one share of {@code tokenId} pays at redemption, in micro-dollars; 0 before resolution. */
    long payoutMicros(String tokenId) {
        if (winnerToken == null) {
            return 0;
        }
        if (SPLIT.equals(winnerToken)) {
            return 500_000;
        }
        return winnerToken.equals(tokenId) ? 1_000_000 : 0;
    }
}

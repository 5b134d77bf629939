package com.doubletime.simulator;

/**
 * The lifecycle side of one simulated Kalshi market (kalshi.md §4.1): REST {@code status}
 * ({@code active | inactive | closed | determined | finalized}, plus {@code initialized} before opening), times,
 * shard and result. Single writer: the simulator's event loop.
 */
final class KalshiMarketState {
    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";
    static final String CLOSED = "closed";
    static final String DETERMINED = "determined";
    static final String FINALIZED = "finalized";

    final String ticker;
    String status = ACTIVE;
    long openTimeMillis;
    long closeTimeMillis;
    long expectedExpirationMillis;
    int exchangeIndex;
    /** {@code yes}, {@code no}, {@code scalar} or {@code ""} (void) once determined; null before. */
    String result;
    /** What one YES contract pays, simulator price scale; -1 until determined. */
    long settlementValue = -1;

    long determinedAtMillis;
    long settledAtMillis;

    KalshiMarketState(String ticker, long openTimeMillis, long closeTimeMillis, long expectedExpirationMillis) {
        this.ticker = ticker;
        this.openTimeMillis = openTimeMillis;
        this.closeTimeMillis = closeTimeMillis;
        this.expectedExpirationMillis = expectedExpirationMillis;
    }

    boolean tradable() {
        return ACTIVE.equals(status);
    }
}

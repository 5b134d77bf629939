package com.doubletime.kalshi.rest;

import java.util.Locale;

/**
 * Kalshi's API tiers and their token budgets per second (kalshi.md §6). Every request costs tokens
 * (default 10; a V2 cancel 2); reads and writes draw on separate buckets. The write bucket holds two
 * seconds of budget ("allows bursts"); the sources say nothing of the read bucket, so it holds one.
 */
public enum KalshiRateTier {
    BASIC(200, 100),
    ADVANCED(300, 300),
    PREMIER(1_000, 1_000),
    PARAGON(2_000, 2_000),
    PRIME(4_000, 4_000);

    public static final int DEFAULT_COST = 10;
    public static final int CANCEL_COST = 2;

    private final int readTokensPerSecond;
    private final int writeTokensPerSecond;

    KalshiRateTier(int readTokensPerSecond, int writeTokensPerSecond) {
        this.readTokensPerSecond = readTokensPerSecond;
        this.writeTokensPerSecond = writeTokensPerSecond;
    }

    public int readTokensPerSecond() {
        return readTokensPerSecond;
    }

    public int writeTokensPerSecond() {
        return writeTokensPerSecond;
    }

    public TokenBucket newReadBucket() {
        return new TokenBucket(readTokensPerSecond, readTokensPerSecond);
    }

    public TokenBucket newWriteBucket() {
        return new TokenBucket(2L * writeTokensPerSecond, writeTokensPerSecond);
    }

    public static KalshiRateTier parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown Kalshi API tier '" + name + "'; one of basic, advanced, premier," + " paragon, prime");
        }
    }
}

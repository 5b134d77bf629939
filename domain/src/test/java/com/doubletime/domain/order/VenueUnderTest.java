package com.doubletime.domain.order;

import com.doubletime.domain.Outcome;

/**
 * One venue as {@link VenueOrderGatewayContract} drives it: the gateway under test, a market whose book stands still
 * (nothing held on it yet), and the faults the contract needs. Each implementation's test builds one per test
 * (a simulator for a real venue's gateway, the scripted venue for the test fake) and closes it after.
 */
public interface VenueUnderTest extends AutoCloseable {
    VenueOrderGateway gateway();

    /** The market traded: a Kalshi ticker or a Polymarket token id. */
    String instrument();

    /** The outcome bought on {@link #instrument()}. */
    Outcome outcome();

    /** The best ask of {@link #outcome()} ({@code FixedPoint}); the next level up is dearer. */
    long bestAsk() throws Exception;

    /** What rests at {@link #bestAsk()} ({@code FixedPoint} contracts): at least the contract's order size. */
    long restingAtBestAsk() throws Exception;

    /** The venue answers the next {@code count} order requests with 429 (too many requests). */
    void rateLimitNextOrders(int count);

    /**
     * A gateway to a venue that accepts connections and never answers, giving up on a request after
     * {@code timeoutMillis}.
     */
    VenueOrderGateway silentGateway(long timeoutMillis) throws Exception;
}

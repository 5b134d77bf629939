package com.doubletime.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the Polymarket venue can be told to show, switched per test from any thread; the simulator's
 * event loop reads them. Each mirrors a failure seen on the real CLOB (polymarket.md §8) or a documented
 * answer (§3.3, §3.8).
 */
public final class PolymarketFaults {

    private final AtomicLong stallGeneration = new AtomicLong(-1);
    private final AtomicInteger dropConnections = new AtomicInteger();
    private final AtomicInteger malformedFrames = new AtomicInteger();
    private final AtomicInteger lostPriceChanges = new AtomicInteger();
    private final AtomicInteger maxSubscribeAssets = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger tooEarly = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();
    private final AtomicInteger rawUnitAmounts = new AtomicInteger();
    private final AtomicInteger retryAfterSeconds = new AtomicInteger(1);
    private final AtomicLong connectionsOpened = new AtomicLong();

    /**
     * Silent stall: every connection open now stops sending market data (book dumps included) but keeps
     * answering PING with PONG, with no close frame and no error; connections opened later are healthy.
     */
    public void stallOpenConnections() {
        stallGeneration.set(connectionsOpened.get());
    }

    /** Ends the stall of {@link #stallOpenConnections()} (for tests that want the same connection back). */
    public void clearStall() {
        stallGeneration.set(-1);
    }

    /** Closes every open connection at the TCP level, without a WebSocket close frame. */
    public void dropOpenConnectionsWithoutCloseFrame() {
        dropConnections.incrementAndGet();
    }

    /** The next market-data broadcast is preceded by {@code count} malformed frames on every connection. */
    public void sendMalformedFrames(int count) {
        malformedFrames.set(count);
    }

    /** The next {@code count} {@code price_change} frames are lost on the way to every client. */
    public void loseNextPriceChanges(int count) {
        lostPriceChanges.set(count);
    }

    /** A (re)subscribe frame naming more than {@code assets} ids makes the server close the socket. */
    public void closeOnSubscribeLargerThan(int assets) {
        maxSubscribeAssets.set(assets);
    }

    /**
     * The next {@code count} matched {@code POST /order} replies carry {@code makingAmount}/{@code takingAmount}
     * as raw 6-decimal integers instead of the decimals the real CLOB sends: a reply a client must not take at
     * its word; {@code GET /data/order} still tells the truth.
     */
    public void answerNextMatchesInRawUnits(int count) {
        rawUnitAmounts.set(count);
    }

    /** The next {@code count} {@code POST /order} get 429 with {@code Retry-After}. */
    public void rateLimitNextOrders(int count, int retryAfter) {
        retryAfterSeconds.set(retryAfter);
        rateLimited.set(count);
    }

    /** The next {@code count} {@code POST /order} get 425 Too Early with {@code Retry-After} (engine restart). */
    public void tooEarlyForNextOrders(int count, int retryAfter) {
        retryAfterSeconds.set(retryAfter);
        tooEarly.set(count);
    }

    /** The next {@code count} accepted orders answer {@code delayed} and match a moment later. */
    public void delayNextOrders(int count) {
        delayed.set(count);
    }

    // --- read by the venue on its event loop ---

    long registerConnection() {
        return connectionsOpened.incrementAndGet();
    }

    boolean stalled(long connectionNumber) {
        long generation = stallGeneration.get();
        return generation >= 0 && connectionNumber <= generation;
    }

    int dropRequests() {
        return dropConnections.get();
    }

    int takeMalformedFrames() {
        return malformedFrames.getAndSet(0);
    }

    boolean takeLostPriceChange() {
        return lostPriceChanges.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    int maxSubscribeAssets() {
        return maxSubscribeAssets.get();
    }

    boolean takeRateLimited() {
        return rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeTooEarly() {
        return tooEarly.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeDelayed() {
        return delayed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeRawUnitAmounts() {
        return rawUnitAmounts.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds.get();
    }
}

package com.doubletime.simulator;

/**
 * Timestamps for latency measurement in the same JVM ({@link System#nanoTime()}): when a scripted scenario
 * step's frames have been written to every client, and when each order reaches a venue's order endpoint
 * (after its body is read, before fault gates, signature checks and matching). Called on the simulator's
 * event loop: an implementation must be quick and must not block. Install with
 * {@link ExchangeSimulator#probe(SimulatorProbe)}.
 */
public interface SimulatorProbe {

    /** The venue an order reached. */
    enum Venue {
        KALSHI,
        POLYMARKET
    }

    /** Does nothing: the default. */
    SimulatorProbe NONE = new SimulatorProbe() {
        @Override
        public void stepSent(int stepIndex, long nanoTime) {}

        @Override
        public void orderReceived(Venue venue, String clientOrderId, long nanoTime) {}
    };

    /**
     * Scenario step {@code stepIndex} (0-based) has been played: {@code nanoTime} is when its frames started to be
     * written to the sockets.
     */
    void stepSent(int stepIndex, long nanoTime);

    /**
     * An order create request arrived. {@code clientOrderId} is Kalshi's {@code client_order_id}, or the
     * Polymarket order's {@code salt} (the CLOB has no client id); null when the body does not carry it.
     */
    void orderReceived(Venue venue, String clientOrderId, long nanoTime);
}

package com.doubletime.launcher;

import com.doubletime.simulator.ExchangeSimulator;

/**
 * Where the exchange simulators listen, whether they run in this JVM or in their own processes (the benchmarks run
 * them apart, so the simulators' event loops do not share the stack's CPU time or queue one venue's order behind
 * the other's).
 */
public record SimulatorEndpoints(
        String kalshiWsUrl,
        String kalshiRestUrl,
        String polymarketWsUrl,
        String polymarketRestUrl,
        String polygonRpcUrl) {
    /** The simulator running in this JVM. */
    public static SimulatorEndpoints of(ExchangeSimulator simulator) {
        return new SimulatorEndpoints(
                simulator.kalshiWsUrl(),
                simulator.kalshiRestUrl(),
                simulator.polymarketWsUrl(),
                simulator.polymarketRestUrl(),
                simulator.polygonRpcUrl());
    }

    /** Kalshi from one simulator, Polymarket from another: one process per venue. */
    public static SimulatorEndpoints split(SimulatorEndpoints kalshi, SimulatorEndpoints polymarket) {
        return new SimulatorEndpoints(
                kalshi.kalshiWsUrl(),
                kalshi.kalshiRestUrl(),
                polymarket.polymarketWsUrl(),
                polymarket.polymarketRestUrl(),
                polymarket.polygonRpcUrl());
    }
}

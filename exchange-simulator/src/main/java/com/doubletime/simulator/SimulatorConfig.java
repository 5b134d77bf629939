package com.doubletime.simulator;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Start-up settings of the simulator.
 *
 * @param host               interface both servers bind to, normally {@code 127.0.0.1}
 * @param kalshiPort         Kalshi server port; 0 picks a free port
 * @param polymarketPort     Polymarket server port; 0 picks a free port
 * @param markets            markets served on both venues
 * @param seed               seed of the random walk; equal seeds give equal book histories
 * @param stepIntervalMillis time between random-walk steps; 0 or less keeps the books still
 * @param windowEveryNSteps  every that many steps one market shows a buy-both window; 0 = never
 * @param scenarioFile       when set, the scripted scenario is played instead of the random walk
 * @param catalogue          titles, close dates and strikes of the listed markets, plus extra listed markets, served
 *                           on Kalshi {@code GET /markets} and Gamma {@code /markets} for pair discovery; null = none
 */
public record SimulatorConfig(
        String host,
        int kalshiPort,
        int polymarketPort,
        List<SimulatedMarket> markets,
        long seed,
        long stepIntervalMillis,
        int windowEveryNSteps,
        Path scenarioFile,
        SimulatorCatalogue catalogue) {

    /** Without a catalogue. */
    public SimulatorConfig(
            String host,
            int kalshiPort,
            int polymarketPort,
            List<SimulatedMarket> markets,
            long seed,
            long stepIntervalMillis,
            int windowEveryNSteps,
            Path scenarioFile) {
        this(
                host,
                kalshiPort,
                polymarketPort,
                markets,
                seed,
                stepIntervalMillis,
                windowEveryNSteps,
                scenarioFile,
                null);
    }

    public static final String LOOPBACK = "127.0.0.1";

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        markets = List.copyOf(Objects.requireNonNull(markets, "markets"));
        if (kalshiPort < 0 || polymarketPort < 0) {
            throw new IllegalArgumentException("ports must be 0 (random) or positive");
        }
        if (windowEveryNSteps < 0) {
            throw new IllegalArgumentException("windowEveryNSteps must be 0 (never) or positive");
        }
        Set<String> tickers = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (SimulatedMarket market : markets) {
            if (!tickers.add(market.kalshiTicker())) {
                throw new IllegalArgumentException("Kalshi ticker listed twice: " + market.kalshiTicker());
            }
            if (!tokens.add(market.yesTokenId()) || !tokens.add(market.noTokenId())) {
                throw new IllegalArgumentException("market " + market.kalshiTicker() + ": token id listed twice");
            }
        }
    }

    public SimulatorConfig withCatalogue(SimulatorCatalogue catalogue) {
        return new SimulatorConfig(
                host,
                kalshiPort,
                polymarketPort,
                markets,
                seed,
                stepIntervalMillis,
                windowEveryNSteps,
                scenarioFile,
                catalogue);
    }

    /** Loopback, random ports, a step every 500 ms and a window every 20 steps. */
    public static SimulatorConfig randomWalk(List<SimulatedMarket> markets, long seed) {
        return new SimulatorConfig(LOOPBACK, 0, 0, markets, seed, 500, 20, null);
    }
}

package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.capital.CapitalSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a backtest replays with.
 *
 * @param pairs the pairs file's pairs
 * @param executor the executor's settings as a deployment would read them: risk limits (global and per pair), the
 *     maximum book age, the leg-risk policy ({@code live.legRisk}), the capital settings ({@code capital}: paper cash
 *     per venue, the ranking window) and the decision age bound ({@code maxDecisionAgeMillis}); mode and journal do
 *     not apply. Its paper cash is the one given below when one is.
 * @param latenciesMillis one run per latency, in this order: how long after the frame that opened or changed a window
 *     (capture clock) each order reaches its venue
 * @param kalshiUseYesPrice how the capture's Kalshi subscription was made (docs/replay.md)
 * @param kalshiCash starting paper cash on Kalshi, dollars (all on shard 0, the default); null: the executor
 *     settings' {@code capital.paperCash.kalshi} (default {@value CapitalSettings#DEFAULT_PAPER_CASH_TEXT})
 * @param polymarketCash starting paper cash on Polymarket, dollars; null: the executor settings'
 */
public record BacktestSettings(
        List<MarketPair> pairs,
        ExecutorConfig executor,
        List<Long> latenciesMillis,
        boolean kalshiUseYesPrice,
        BigDecimal kalshiCash,
        BigDecimal polymarketCash) {
    /** The paper account's default per venue (the executor's and the simulators' default balance). */
    public static final BigDecimal DEFAULT_CASH = CapitalSettings.DEFAULT_PAPER_CASH;

    public static final List<Long> DEFAULT_LATENCIES_MILLIS = List.of(0L, 25L, 100L, 250L);

    public BacktestSettings {
        pairs = List.copyOf(pairs);
        latenciesMillis = List.copyOf(latenciesMillis);
        if (latenciesMillis.isEmpty()) {
            throw new IllegalArgumentException("at least one latency is needed");
        }
        for (long latency : latenciesMillis) {
            if (latency < 0) {
                throw new IllegalArgumentException("a latency cannot be negative, got " + latency);
            }
        }
        if (kalshiCash != null && kalshiCash.signum() < 0 || polymarketCash != null && polymarketCash.signum() < 0) {
            throw new IllegalArgumentException("starting cash cannot be negative");
        }
        CapitalSettings capital = executor.capital();
        executor = executor.withCapital(new CapitalSettings(
                kalshiCash == null ? capital.paperKalshiCash() : Map.of(0, kalshiCash),
                polymarketCash == null ? capital.paperPolymarketCash() : polymarketCash,
                capital.refreshIntervalMillis(),
                capital.freeCashFloor(),
                capital.rankingWindowMillis()));
        kalshiCash = executor.capital().paperCash(Platform.KALSHI);
        polymarketCash = executor.capital().paperCash(Platform.POLYMARKET);
    }

    /** With the executor settings' own paper cash. */
    public BacktestSettings(
            List<MarketPair> pairs, ExecutorConfig executor, List<Long> latenciesMillis, boolean kalshiUseYesPrice) {
        this(pairs, executor, latenciesMillis, kalshiUseYesPrice, null, null);
    }
}

package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.executor.ExecutorConfig;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a backtest replays with.
 *
 * @param pairs the pairs file's pairs
 * @param executor the executor's settings as a deployment would read them: risk limits (global and per pair), the
 *     maximum book age, the leg-risk policy ({@code live.legRisk}); mode and journal do not apply
 * @param latenciesMillis one run per latency, in this order: how long after the frame that opened or changed a window
 *     (capture clock) each order reaches its venue
 * @param kalshiUseYesPrice how the capture's Kalshi subscription was made (docs/replay.md)
 * @param kalshiCash starting paper cash on Kalshi, dollars
 * @param polymarketCash starting paper cash on Polymarket, dollars
 */
public record BacktestSettings(
        List<MarketPair> pairs,
        ExecutorConfig executor,
        List<Long> latenciesMillis,
        boolean kalshiUseYesPrice,
        BigDecimal kalshiCash,
        BigDecimal polymarketCash) {
    /** The paper account's default per venue (the simulators' default balance). */
    public static final BigDecimal DEFAULT_CASH = new BigDecimal("10000");

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
        if (kalshiCash.signum() < 0 || polymarketCash.signum() < 0) {
            throw new IllegalArgumentException("starting cash cannot be negative");
        }
    }
}

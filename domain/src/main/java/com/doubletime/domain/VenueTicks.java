package com.doubletime.domain;

import java.util.List;

/**
 * Where a binary contract can trade, in {@link FixedPoint} millionths: strictly between 0 and 1, on a
 * venue tick. Kept in one place because both feeds' parsers (a level elsewhere is malformed, never a
 * price to trade at), the pairs file and the order gateways rely on it.
 *
 * <ul>
 *   <li>Polymarket: {@code tick ≤ price ≤ 1 − tick} (CLOB V2 SDK {@code priceValid}); the SDK knows the ticks
 *       0.1, 0.01, 0.005, 0.0025, 0.001 and 0.0001 (polymarket.md §2.4: 0.005 and 0.0025 were added in
 *       July 2026; the May 2026 Python SDK knows only the other four).</li>
 *   <li>Kalshi: prices are {@code _dollars} strings with four decimals; a market's price level structure
 *       makes its tick 0.01, 0.001 or, finest, 0.0001 ("centi-cent", kalshi.md §7).</li>
 * </ul>
 *
 * A price is checked against {@link #FINEST} in the feeds: a market's own tick can change while it streams
 * (Polymarket {@code tick_size_change}, Kalshi {@code price_level_structure_updated}), so a level on a finer
 * tick than the one configured is still the venue's word; a level off every tick is not.
 */
public final class VenueTicks {
    /** 0.0001, the finest tick of either venue. */
    public static final long FINEST = 100;

    /** Polymarket's tick sizes, coarsest first. */
    public static final List<Long> POLYMARKET = List.of(100_000L, 10_000L, 5_000L, 2_500L, 1_000L, 100L);

    private VenueTicks() {}

    /** Strictly between 0 and 1: a price of 0 or 1 buys a certainty, which no book offers. */
    public static boolean inTradableRange(long price) {
        return price > 0 && price < FixedPoint.ONE;
    }

    public static boolean onTick(long price, long tick) {
        return price % tick == 0;
    }

    public static boolean isPolymarketTick(long tick) {
        return POLYMARKET.contains(tick);
    }
}

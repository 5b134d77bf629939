package com.doubletime.simulator;

/**
 * One scripted lifecycle change (scenario step {@code kalshiMarket} / {@code polymarketMarket}); null fields stay
 * as they are.
 */
sealed interface MarketChange {

    /**
     * @param status          Kalshi REST status to move to: {@code active}, {@code inactive}, {@code closed},
     *                        {@code determined}, {@code finalized}
     * @param result          {@code yes}, {@code no}, {@code scalar} or {@code ""} (void) for determined/finalized
     * @param settlementValue what one YES pays (simulator price scale), or -1 to derive it from the result
     * @param closeTimeMillis a new close time, or -1
     * @param expectedExpirationMillis a new expected expiration, or -1
     */
    record Kalshi(
            String ticker,
            String status,
            String result,
            long settlementValue,
            long closeTimeMillis,
            long expectedExpirationMillis)
            implements MarketChange {}

    /**
     * @param status  {@code open}, {@code paused}, {@code closed} or {@code resolved}
     * @param winner  for {@code resolved}: {@code YES}, {@code NO}, {@code 50-50} or a token id
     * @param endDateMillis a new Gamma {@code endDate}, or -1
     */
    record Polymarket(String conditionId, String status, String winner, long endDateMillis) implements MarketChange {}
}

package com.doubletime.bus.protocol;

import com.doubletime.domain.Platform;
import com.doubletime.domain.trade.ExecutionMode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The executor's capital (contracts §7 {@code GET /api/capital}): per venue its cash, what open and in-flight orders
 * lock, what is free (Kalshi per shard, Polymarket capped by the exchange's allowance), the money in open positions,
 * the P&amp;L settled today, and the Polymarket winnings still to redeem.
 *
 * @param asOfMillis when the executor answered, epoch ms
 * @param positionsAtCost money outlaid on open positions (both legs and fees)
 * @param settledToday realised P&amp;L of the positions settled on the executor's current UTC day
 * @param redemptionConfigured whether the executor redeems Polymarket winnings itself
 */
public record CapitalReport(
        long asOfMillis,
        ExecutionMode mode,
        List<Venue> venues,
        BigDecimal positionsAtCost,
        BigDecimal settledToday,
        List<Redeemable> redeemable,
        boolean redemptionConfigured) {
    public CapitalReport {
        venues = List.copyOf(venues);
        redeemable = List.copyOf(redeemable);
    }

    /**
     * One venue. {@code known} is false while a live venue's cash was never read: the amounts are then zero and
     * {@code readFailure} may say why.
     *
     * @param allowance Polymarket's exchange allowance, null on Kalshi (or when the venue reports none)
     * @param cashAsOfMillis when the cash was read (paper: now), epoch ms
     * @param readFailure why the last read failed, or null
     * @param floor the free-cash floor configured for the venue, or null
     */
    public record Venue(
            Platform platform,
            boolean known,
            BigDecimal cash,
            BigDecimal allowance,
            BigDecimal locked,
            BigDecimal free,
            List<Shard> shards,
            long cashAsOfMillis,
            String readFailure,
            BigDecimal floor) {
        public Venue {
            shards = List.copyOf(shards);
        }
    }

    /** One Kalshi exchange shard ({@code exchange_index}). */
    public record Shard(int exchangeIndex, BigDecimal cash, BigDecimal locked, BigDecimal free) {}

    /**
     * A resolved Polymarket market whose tokens pay, to be redeemed on chain.
     *
     * @param yesShares FixedPoint shares of the YES token
     * @param noShares FixedPoint shares of the NO token
     * @param state {@code pending}, {@code redeeming}, {@code failed} or {@code redeemed}
     */
    public record Redeemable(
            String pairId,
            String conditionId,
            long yesShares,
            long noShares,
            BigDecimal payout,
            String state,
            String transactionHash,
            String detail) {}
}

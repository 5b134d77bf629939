package com.doubletime.domain.trade;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A pair's position settled: both its markets resolved and paid, journaled as a record of its own so that a restart
 * replays it (positions to zero, capital released, the same realised P&amp;L). Contracts are whole numbers; money is
 * exact dollars; a per-contract payout is {@link FixedPoint} dollars per YES contract (a NO contract pays the rest of
 * the dollar).
 *
 * @param state {@link PositionState#SETTLED}, or {@link PositionState#DIVERGED} when the venues did not pay $1 per
 *     hedged pair (its {@link ResolutionDivergence} alert was raised first); P&amp;L is realised either way
 * @param kalshiResult the venue's word for the result ({@code yes}, {@code no}, a scalar value)
 * @param cost what the settled contracts cost, both legs, fees excluded
 * @param fees both venues' fees on them
 * @param kalshiPayout what the Kalshi contracts paid
 * @param polymarketPayout what the Polymarket tokens pay (on Polymarket only once redeemed on chain)
 * @param realizedPnl {@code kalshiPayout + polymarketPayout − cost − fees}, exact
 * @param tradeIds the trades whose contracts settled (their reports become {@link TradeStatus#SETTLED})
 * @param atNanos when it was settled, epoch nanos
 */
public record PositionSettled(
        String pairId,
        PositionState state,
        String kalshiMarket,
        String kalshiResult,
        long kalshiYesPayout,
        String polymarketMarket,
        String polymarketResult,
        long polymarketYesPayout,
        long kalshiYes,
        long kalshiNo,
        long polymarketYes,
        long polymarketNo,
        BigDecimal cost,
        BigDecimal fees,
        BigDecimal kalshiPayout,
        BigDecimal polymarketPayout,
        BigDecimal realizedPnl,
        List<String> tradeIds,
        long atNanos)
        implements JournalEntry {

    public PositionSettled {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kalshiMarket, "kalshiMarket");
        Objects.requireNonNull(polymarketMarket, "polymarketMarket");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(kalshiPayout, "kalshiPayout");
        Objects.requireNonNull(polymarketPayout, "polymarketPayout");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        if (state == PositionState.OPEN) {
            throw new IllegalArgumentException(pairId + ": a settlement is settled or diverged, not open");
        }
        for (long payout : new long[] {kalshiYesPayout, polymarketYesPayout}) {
            if (payout < 0 || payout > FixedPoint.ONE) {
                throw new IllegalArgumentException(pairId + ": a payout per contract lies within 0..1");
            }
        }
        tradeIds = List.copyOf(tradeIds);
    }

    /** One settlement per pair and pair of markets: journaling it twice records it once. */
    public String eventId() {
        return "settlement:" + pairId + ":" + kalshiMarket + ":" + polymarketMarket;
    }

    public BigDecimal payouts() {
        return kalshiPayout.add(polymarketPayout);
    }

    /** What one trade of this position made: its contracts' payouts − its total cost (legs and fees), exact. */
    public BigDecimal pnlOf(TradeReport report) {
        BigDecimal kalshi = payout(
                report.kalshi().filledQuantity(),
                kalshiYesPayout,
                report.kalshi().order().outcome());
        BigDecimal polymarket = payout(
                report.polymarket().filledQuantity(),
                polymarketYesPayout,
                report.polymarket().order().outcome());
        return kalshi.add(polymarket).subtract(report.totalCost());
    }

    /** {@code contracts} whole contracts of {@code outcome} in a market paying {@code yesPayout} per YES. */
    public static BigDecimal payout(long contracts, long yesPayout, Outcome outcome) {
        long perContract = outcome == Outcome.YES ? yesPayout : FixedPoint.ONE - yesPayout;
        return BigDecimal.valueOf(contracts).multiply(FixedPoint.toBigDecimal(perContract));
    }
}

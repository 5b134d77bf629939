package com.doubletime.domain.trade;

import com.doubletime.domain.Direction;
import java.math.BigDecimal;

/**
 * The outcome of one buy-both trade: what each leg requested and got, at what cost and fees.
 *
 * <p>{@code realisedEdge} is what the trade has locked in: each hedged pair (one contract on each venue)
 * pays exactly $1, so it is {@code hedgedQuantity − totalCost}. Contracts bought on one venue only are
 * counted at zero until they are unwound or hedged, so an unhedged trade shows the loss it risks.
 *
 * @param totalCost both legs' costs plus both fees
 * @param reason why the trade was rejected or did not fill completely; null when it filled
 * @param executedAtNanos when the fills were known (epoch nanos)
 * @param realizedPnl what the trade made once its markets settled: its contracts' payouts − {@code totalCost},
 *     exact; null until then (status {@link TradeStatus#SETTLED})
 */
public record TradeReport(
        String tradeId,
        String opportunityId,
        String pairId,
        Direction direction,
        ExecutionMode mode,
        TradeStatus status,
        LegFill kalshi,
        LegFill polymarket,
        BigDecimal totalCost,
        BigDecimal realisedEdge,
        String reason,
        long detectedAtNanos,
        long decidedAtNanos,
        long executedAtNanos,
        BigDecimal realizedPnl)
        implements JournalEntry {

    /** A report before settlement: no realised P&amp;L yet. */
    public TradeReport(
            String tradeId,
            String opportunityId,
            String pairId,
            Direction direction,
            ExecutionMode mode,
            TradeStatus status,
            LegFill kalshi,
            LegFill polymarket,
            BigDecimal totalCost,
            BigDecimal realisedEdge,
            String reason,
            long detectedAtNanos,
            long decidedAtNanos,
            long executedAtNanos) {
        this(
                tradeId,
                opportunityId,
                pairId,
                direction,
                mode,
                status,
                kalshi,
                polymarket,
                totalCost,
                realisedEdge,
                reason,
                detectedAtNanos,
                decidedAtNanos,
                executedAtNanos,
                null);
    }

    /** This trade settled: status {@link TradeStatus#SETTLED} with what it made; its fills are unchanged. */
    public TradeReport settled(BigDecimal pnl) {
        return new TradeReport(
                tradeId,
                opportunityId,
                pairId,
                direction,
                mode,
                TradeStatus.SETTLED,
                kalshi,
                polymarket,
                totalCost,
                realisedEdge,
                reason,
                detectedAtNanos,
                decidedAtNanos,
                executedAtNanos,
                pnl);
    }

    /** Contracts held on both venues: they pay $1 per pair whatever the outcome. */
    public long hedgedQuantity() {
        return Math.min(kalshi.filledQuantity(), polymarket.filledQuantity());
    }

    /** Contracts held on one venue only: open leg risk. */
    public long unhedgedQuantity() {
        return Math.abs(kalshi.filledQuantity() - polymarket.filledQuantity());
    }

    /** The report of a rejected decision: nothing was sent, nothing is owed. */
    public static TradeReport rejected(TradeDecision decision, ExecutionMode mode) {
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                mode,
                TradeStatus.REJECTED,
                LegFill.notSent(decision.kalshi()),
                LegFill.notSent(decision.polymarket()),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                decision.reason(),
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                decision.decidedAtNanos());
    }
}

package com.doubletime.executor.paper;

import com.doubletime.domain.AskLadder;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.lifecycle.VenueStrategy;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The paper venue: both legs of an accepted trade as immediate-or-cancel buys against the executor's own books
 * as they are at fill time, at once (no order leaves the process, nothing to journal but the report).
 *
 * <p>Paper fills do not consume book liquidity: two trades in quick succession may both fill against the same
 * resting size. Fills are whole contracts on both venues; a partly taken level keeps its fractional size.
 * {@code realisedEdge} counts only hedged pairs at $1; contracts bought on one venue count as zero until
 * unwound, and such a trade is reported PARTIALLY_FILLED with the UNHEDGED count in its reason.
 */
public final class PaperVenue implements VenueStrategy {
    private final OrderbookSet books;
    private final LongSupplier clock;

    public PaperVenue(OrderbookSet books, LongSupplier clock) {
        this.books = books;
        this.clock = clock;
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.PAPER;
    }

    @Override
    public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
        return CompletableFuture.completedFuture(fill(decision, pair, books, clock.getAsLong()));
    }

    /** Both legs against {@code books} now; a rejected decision yields its REJECTED report. */
    public static TradeReport fill(TradeDecision decision, MarketPair pair, OrderbookSet books, long nowNanos) {
        if (!decision.accepted()) {
            return TradeReport.rejected(decision, ExecutionMode.PAPER);
        }
        LegFill kalshi = fillLeg(books, decision.kalshi(), decision.quantity(), VenueFees.of(pair, Platform.KALSHI));
        LegFill polymarket =
                fillLeg(books, decision.polymarket(), decision.quantity(), VenueFees.of(pair, Platform.POLYMARKET));
        BigDecimal totalCost =
                kalshi.cost().add(kalshi.fee()).add(polymarket.cost()).add(polymarket.fee());
        long hedged = Math.min(kalshi.filledQuantity(), polymarket.filledQuantity());
        TradeStatus status = kalshi.complete() && polymarket.complete()
                ? TradeStatus.FILLED
                : kalshi.filledQuantity() == 0 && polymarket.filledQuantity() == 0
                        ? TradeStatus.UNFILLED
                        : TradeStatus.PARTIALLY_FILLED;
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                ExecutionMode.PAPER,
                status,
                kalshi,
                polymarket,
                totalCost,
                BigDecimal.valueOf(hedged).subtract(totalCost),
                fillReason(status, kalshi, polymarket, books),
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                nowNanos);
    }

    private static LegFill fillLeg(OrderbookSet books, LegOrder order, long quantity, VenueFees fees) {
        Orderbook book = books.find(order.platform(), order.instrument());
        if (book == null || book.isStale()) {
            return IocFill.buy(order, EMPTY, quantity, fees);
        }
        return IocFill.buy(order, IocFill.asks(book, order), quantity, fees);
    }

    private static String fillReason(TradeStatus status, LegFill kalshi, LegFill polymarket, OrderbookSet books) {
        if (status == TradeStatus.FILLED) {
            return null;
        }
        StringBuilder reason = new StringBuilder();
        for (LegFill leg : new LegFill[] {kalshi, polymarket}) {
            Orderbook book = books.find(leg.order().platform(), leg.order().instrument());
            if (book == null || book.isStale()) {
                reason.append(leg.order().platform().wireName())
                        .append(" book ")
                        .append(leg.order().instrument())
                        .append(" went stale before the order reached it; ");
            }
        }
        if (status == TradeStatus.UNFILLED) {
            return reason.append("nothing rested at or below either limit price")
                    .toString();
        }
        reason.append("kalshi filled ")
                .append(kalshi.filledQuantity())
                .append(" of ")
                .append(kalshi.requestedQuantity())
                .append(", polymarket filled ")
                .append(polymarket.filledQuantity())
                .append(" of ")
                .append(polymarket.requestedQuantity());
        long unhedged = Math.abs(kalshi.filledQuantity() - polymarket.filledQuantity());
        if (unhedged > 0) {
            String longVenue = kalshi.filledQuantity() > polymarket.filledQuantity() ? "kalshi" : "polymarket";
            reason.append("; ")
                    .append(unhedged)
                    .append(" contracts UNHEDGED on ")
                    .append(longVenue);
        }
        return reason.toString();
    }

    private static final AskLadder EMPTY = new AskLadder() {
        @Override
        public int levelCount() {
            return 0;
        }

        @Override
        public long price(int level) {
            throw new IndexOutOfBoundsException(level);
        }

        @Override
        public long size(int level) {
            throw new IndexOutOfBoundsException(level);
        }
    };
}

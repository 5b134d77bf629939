package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.lifecycle.VenueStrategy;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.paper.PaperVenue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The backtest's venue strategy: both entry orders reach the replayed books {@code latency} ms (capture clock) after
 * the last look let them go, and fill there immediate-or-cancel by the paper fill rule ({@link PaperVenue#fill}
 * against the executor's books as they stand at arrival). What they took is held back ({@link TakenLiquidity}). When
 * the legs filled different quantities, the live leg-risk path takes over ({@link LiveExecution#afterEntries}: the
 * configured policy's re-hedge and unwind orders, each reaching its venue {@code latency} ms after it is sent, through
 * {@link ReplayedOrderGateway}). Reports are paper reports: nothing leaves the process.
 */
final class ReplayedVenue implements VenueStrategy {
    private final OrderbookSet books;
    private final TakenLiquidity liquidity;
    private final CaptureClock clock;
    private final LiveExecution legRisk;
    private final long latencyMillis;

    ReplayedVenue(
            OrderbookSet books,
            TakenLiquidity liquidity,
            CaptureClock clock,
            LiveExecution legRisk,
            long latencyMillis) {
        this.books = books;
        this.liquidity = liquidity;
        this.clock = clock;
        this.legRisk = legRisk;
        this.latencyMillis = latencyMillis;
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.PAPER;
    }

    @Override
    public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
        CompletableFuture<TradeReport> report = new CompletableFuture<>();
        clock.schedule(latencyMillis, () -> arrive(decision, pair, report));
        return report;
    }

    private void arrive(TradeDecision decision, MarketPair pair, CompletableFuture<TradeReport> report) {
        long now = clock.getAsLong();
        TradeReport entry = PaperVenue.fill(decision, pair, books, now);
        liquidity.take(entry.kalshi(), OrderAction.BUY, now);
        liquidity.take(entry.polymarket(), OrderAction.BUY, now);
        liquidity.evaluate(Platform.KALSHI, now);
        if (entry.kalshi().filledQuantity() == entry.polymarket().filledQuantity()) {
            report.complete(entry);
            return;
        }
        legRisk.afterEntries(decision, pair, entry.kalshi(), entry.polymarket()).whenComplete((done, failure) -> {
            if (failure != null) {
                report.completeExceptionally(failure);
            } else {
                report.complete(asPaper(done));
            }
        });
    }

    /** The leg-risk path writes live reports; these fills never left the process. */
    private static TradeReport asPaper(TradeReport report) {
        return new TradeReport(
                report.tradeId(),
                report.opportunityId(),
                report.pairId(),
                report.direction(),
                ExecutionMode.PAPER,
                report.status(),
                report.kalshi(),
                report.polymarket(),
                report.totalCost(),
                report.realisedEdge(),
                report.reason(),
                report.detectedAtNanos(),
                report.decidedAtNanos(),
                report.executedAtNanos());
    }
}

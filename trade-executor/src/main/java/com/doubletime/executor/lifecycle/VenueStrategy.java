package com.doubletime.executor.lifecycle;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import java.util.concurrent.CompletionStage;

/**
 * Where an accepted trade's legs are executed once the last look let it go: the paper venue fills them against
 * the executor's own books at once; the live venue sends them to Kalshi and Polymarket and handles leg risk.
 * A backtest plugs in a simulated venue (orders reaching a replayed book some milliseconds later).
 *
 * <p>The report's execution steps (order requests, answers, alerts) are the strategy's to journal; the report
 * itself is journaled by the lifecycle. The stage may complete on any thread: the lifecycle continues on its
 * own.
 */
public interface VenueStrategy {
    ExecutionMode mode();

    /** Both legs of an accepted decision on {@code pair} as it is now; completes with the trade's report. */
    CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair);
}

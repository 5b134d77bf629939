package com.doubletime.executor.live;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.lifecycle.VenueStrategy;
import java.util.concurrent.CompletionStage;

/** The live venue: both legs sent to Kalshi and Polymarket by {@link LiveExecution}, leg risk handled there. */
public final class LiveVenue implements VenueStrategy {
    private final LiveExecution execution;

    public LiveVenue(LiveExecution execution) {
        this.execution = execution;
    }

    @Override
    public ExecutionMode mode() {
        return ExecutionMode.LIVE;
    }

    @Override
    public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
        return execution.execute(decision, pair);
    }
}

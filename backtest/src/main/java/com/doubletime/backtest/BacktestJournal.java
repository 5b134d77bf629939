package com.doubletime.backtest;

import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.executor.lifecycle.TradeJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The backtest's journal: every entry counts at once (nothing is on a disk to wait for), and what the leg-risk path
 * journaled about a trade — its alerts and its re-hedge and unwind orders — is kept for the trade's line in the
 * report; a settlement the settlement desk journals goes to {@code settlements}, each decision to {@code decisions}. Decisions and reports are not kept
 * here: the backtest's ledger reads the reports as they come.
 */
final class BacktestJournal implements TradeJournal {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<String, List<String>> legRiskByTrade = new HashMap<>();
    private final Consumer<PositionSettled> settlements;
    private final Consumer<TradeDecision> decisions;
    private long correctiveOrders;

    BacktestJournal(Consumer<PositionSettled> settlements, Consumer<TradeDecision> decisions) {
        this.settlements = settlements;
        this.decisions = decisions;
    }

    @Override
    public CompletionStage<Void> append(JournalEntry entry) {
        if (entry instanceof ExecutionAlert alert && alert.tradeId() != null) {
            legRiskByTrade
                    .computeIfAbsent(alert.tradeId(), id -> new ArrayList<>())
                    .add(alert.message());
        } else if (entry instanceof OrderEvent order
                && order.kind() == OrderEventKind.REQUESTED
                && order.purpose() != LegPurpose.ENTRY) {
            correctiveOrders++;
        } else if (entry instanceof PositionSettled settled) {
            settlements.accept(settled);
        } else if (entry instanceof TradeDecision decision) {
            decisions.accept(decision);
        }
        return DONE;
    }

    /** The alerts journaled for a trade (unhedged, leg risk handled), oldest first; empty when none. */
    List<String> legRisk(String tradeId) {
        return legRiskByTrade.getOrDefault(tradeId, List.of());
    }

    /** Re-hedge and unwind orders sent. */
    long correctiveOrders() {
        return correctiveOrders;
    }
}

package com.doubletime.executor.recovery;

import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.position.PositionBook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the executor rebuilds from its journal before it takes any opportunity, without Vert.x:
 *
 * <ol>
 *   <li>{@link #fold}, over every entry oldest first: positions and P&amp;L from every trade report, the
 *       operator's last control state, and the live trades a restart interrupted (a decision with order events
 *       but no report);</li>
 *   <li>{@link #recover}, over the journal's recent entries: the recent trades for queries;</li>
 *   <li>{@link #closeInterrupted}: every accepted decision the restart left without a report is closed in the journal
 *       with what really happened, its report journaled and counted before any new trade starts. Live: a trade with
 *       order events is reconciled with the venues (nothing re-sent, {@link TradeRecovery}); one without is looked
 *       up at the venues by the client order ids its orders would have had, and reported as not sent unless a venue
 *       holds one. Paper: the report says plainly that no order was sent.</li>
 * </ol>
 */
public final class StartupRecovery {
    private static final System.Logger LOG = System.getLogger(StartupRecovery.class.getName());

    private final PositionBook positions;
    private final TradeRecovery interrupted = new TradeRecovery();
    private TradingControl control;

    public StartupRecovery(PositionBook positions) {
        this.positions = positions;
    }

    /** Feeds one journal entry, oldest first (the fold may run on a worker thread; nothing else reads it then). */
    public void fold(JournalEntry entry) {
        interrupted.fold(entry);
        if (entry instanceof TradeReport report) {
            positions.record(report);
        } else if (entry instanceof ControlChange change) {
            control = change.state();
        }
    }

    /** The operator's last control state in the journal, or null when it has none. */
    public TradingControl journaledControl() {
        return control;
    }

    /** Recent trades come back from the journal (decisions never reported are closed by {@link #closeInterrupted}). */
    public void recover(List<JournalEntry> recent, TradeHistory history, ExecutionMode mode) {
        for (JournalEntry entry : recent) {
            if (entry instanceof TradeReport report) {
                history.add(report);
            }
        }
        LOG.log(
                System.Logger.Level.INFO,
                "trade executor (" + mode.wireName() + ") started with " + history.size()
                        + " recent trades from the journal");
    }

    /**
     * Closes the live trades a restart interrupted, one after the other, before any new trade starts. Without
     * venues (paper mode) they are only reported: a live trade is reconciled in live mode.
     *
     * @param journal journals (and publishes) each finding, alert and report
     * @param loop the executor's thread, where each report is handed to {@code reported}
     * @param reported counts a closed trade in the positions and publishes it
     */
    public CompletionStage<Void> closeInterrupted(
            CurrentPairs pairs,
            Map<Platform, VenueOrderGateway> venues,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock,
            Consumer<TradeReport> reported) {
        List<TradeRecovery.Interrupted> trades = interrupted.interrupted();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (TradeDecision decision : interrupted.unrequested()) {
            chain = chain.thenCompose(done -> closed(
                    venues.isEmpty()
                            ? TradeRecovery.closePaper(decision, journal, clock.getAsLong())
                            : TradeRecovery.closeUnrequested(
                                    decision, pairs.find(decision.pairId()), venues, journal, clock),
                    loop,
                    reported));
        }
        if (trades.isEmpty()) {
            return chain;
        }
        if (venues.isEmpty()) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    trades.size() + " live trade(s) in the journal were interrupted by a "
                            + "restart; start in live mode to reconcile them with the venues");
            return chain;
        }
        for (TradeRecovery.Interrupted trade : trades) {
            chain = chain.thenCompose(done -> closed(
                    TradeRecovery.reconcile(trade, pairs.find(trade.decision.pairId()), venues, journal, clock),
                    loop,
                    reported));
        }
        return chain;
    }

    /** A closed trade's report (journaled) counted on the executor's thread. */
    private static CompletionStage<Void> closed(
            CompletionStage<TradeReport> report, Executor loop, Consumer<TradeReport> reported) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        report.whenComplete((journaled, failure) -> loop.execute(() -> {
            if (failure != null) {
                closed.completeExceptionally(failure);
            } else {
                reported.accept(journaled);
                closed.complete(null);
            }
        }));
        return closed;
    }
}

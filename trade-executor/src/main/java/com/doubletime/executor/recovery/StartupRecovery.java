package com.doubletime.executor.recovery;

import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.position.PositionBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
 *   <li>Live, before that: the venues are asked for the account's orders since the journal's newest entry ({@link
 *       VenueOrderImport}); those the journal lacks (a power cut lost its unflushed tail after they left) go to their
 *       surviving decision or are journaled as imported trades, so the journal's positions equal the venues'. When
 *       a venue cannot be asked, trading stays stopped until an operator acknowledges.</li>
 * </ol>
 */
public final class StartupRecovery {
    private static final System.Logger LOG = System.getLogger(StartupRecovery.class.getName());

    private final PositionBook positions;
    private final TradeRecovery interrupted = new TradeRecovery();
    private final VenueOrderImport lostOrders = new VenueOrderImport();
    private TradingControl control;

    public StartupRecovery(PositionBook positions) {
        this.positions = positions;
    }

    /** Feeds one journal entry, oldest first (the fold may run on a worker thread; nothing else reads it then). */
    public void fold(JournalEntry entry) {
        interrupted.fold(entry);
        lostOrders.fold(entry);
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
     * Closes the live trades a restart interrupted, one after the other, before any new trade starts, then journals
     * the trades the venues hold and the journal lost. Without venues (paper mode) they are only reported: a live
     * trade is reconciled in live mode.
     *
     * @param journal journals (and publishes) each finding, alert and report
     * @param loop the executor's thread, where each report is handed to {@code reported}
     * @param reported counts a closed trade in the positions and publishes it
     * @param unchecked told (on {@code loop}) why the venues' order records could not be read: trading must stop
     */
    public CompletionStage<Void> closeInterrupted(
            CurrentPairs pairs,
            Map<Platform, VenueOrderGateway> venues,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock,
            Consumer<TradeReport> reported,
            Consumer<String> unchecked) {
        if (venues.isEmpty()) {
            return close(pairs, venues, journal, loop, clock, reported, VenueOrderImport.Found.NOTHING);
        }
        return lostOrders
                .find(venues)
                .toCompletableFuture()
                .handleAsync(
                        (found, failure) -> {
                            if (failure == null) {
                                return found;
                            }
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            unchecked.accept("the venues' order records since the journal's last entry could not be"
                                    + " read, so orders a power cut kept out of the journal cannot be ruled out: "
                                    + cause.getMessage());
                            return VenueOrderImport.Found.NOTHING;
                        },
                        loop)
                .thenCompose(found -> close(pairs, venues, journal, loop, clock, reported, found));
    }

    private CompletionStage<Void> close(
            CurrentPairs pairs,
            Map<Platform, VenueOrderGateway> venues,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock,
            Consumer<TradeReport> reported,
            VenueOrderImport.Found found) {
        if (found.unfilled() > 0) {
            LOG.log(
                    System.Logger.Level.INFO,
                    found.unfilled() + " unfilled order(s) at the venues are not in the journal: nothing to count");
        }
        List<VenueOrder> kalshiLost = new ArrayList<>(found.kalshi());
        List<VenueOrder> polymarketLost = new ArrayList<>(found.polymarket());
        List<TradeRecovery.Interrupted> trades = interrupted.interrupted();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (TradeDecision decision : interrupted.unrequested()) {
            // the decision asks Kalshi for its entry order itself; Polymarket's is matched from the account's trades
            kalshiLost.removeIf(order -> VenueOrderImport.isEntryOf(order, decision.tradeId()));
            VenueOrder polymarket = claim(polymarketLost, decision);
            chain = chain.thenCompose(done -> closed(
                    venues.isEmpty()
                            ? TradeRecovery.closePaper(decision, journal, clock.getAsLong())
                            : TradeRecovery.closeUnrequested(
                                    decision, pairs.find(decision.pairId()), venues, journal, clock, polymarket),
                    loop,
                    reported));
        }
        if (!trades.isEmpty() && venues.isEmpty()) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    trades.size() + " live trade(s) in the journal were interrupted by a "
                            + "restart; start in live mode to reconcile them with the venues");
            return chain;
        }
        for (TradeRecovery.Interrupted trade : trades) {
            List<VenueOrder> unjournaled = claim(kalshiLost, polymarketLost, trade);
            chain = chain.thenCompose(done -> closed(
                    TradeRecovery.reconcile(
                            trade, pairs.find(trade.decision.pairId()), venues, journal, clock, unjournaled),
                    loop,
                    reported));
        }
        if (kalshiLost.isEmpty() && polymarketLost.isEmpty()) {
            return chain;
        }
        List<VenueOrder> unpaired = new ArrayList<>();
        List<VenueOrderImport.Lost> lost =
                lostOrders.trades(new VenueOrderImport.Found(kalshiLost, polymarketLost, 0), pairs, unpaired);
        for (VenueOrderImport.Lost trade : lost) {
            chain = chain.thenCompose(done -> closed(VenueOrderImport.close(trade, journal, clock), loop, reported));
        }
        for (VenueOrder order : unpaired) {
            String message = order.platform().wireName() + " holds order " + order.venueOrderId()
                    + (order.clientOrderId() == null ? "" : " (" + order.clientOrderId() + ")") + " on "
                    + order.instrument() + " that the journal lacks, on no configured pair: not counted; check it";
            LOG.log(System.Logger.Level.ERROR, message);
            chain = chain.thenCompose(done -> journal.append(new ExecutionAlert(
                    "unpaired:" + order.venueOrderId(),
                    null,
                    ExecutionAlert.AlertKind.RECOVERED,
                    message,
                    clock.getAsLong())));
        }
        return chain;
    }

    /**
     * The lost orders of an interrupted trade (the power cut kept some of its order events, not all): Kalshi's by the
     * trade id in their client order id; Polymarket's entry on the decision's token when the journal holds no
     * Polymarket order of the trade.
     */
    private static List<VenueOrder> claim(
            List<VenueOrder> kalshiLost, List<VenueOrder> polymarketLost, TradeRecovery.Interrupted trade) {
        List<VenueOrder> claimed = new ArrayList<>();
        kalshiLost.removeIf(order -> {
            boolean ours = trade.decision
                    .tradeId()
                    .equals(VenueOrderImport.ourKalshiOrder(order).tradeId());
            if (ours) {
                claimed.add(order);
            }
            return ours;
        });
        if (trade.orders.values().stream().noneMatch(events -> events.get(0).platform() == Platform.POLYMARKET)) {
            VenueOrder polymarket = claim(polymarketLost, trade.decision);
            if (polymarket != null) {
                claimed.add(polymarket);
            }
        }
        return claimed;
    }

    /** The first lost Polymarket entry order on the decision's token, created no earlier than the decision. */
    private static VenueOrder claim(List<VenueOrder> polymarketLost, TradeDecision decision) {
        long decidedMillis = TimeUnit.NANOSECONDS.toMillis(decision.decidedAtNanos()) - VenueOrderImport.MARGIN_MILLIS;
        for (VenueOrder order : polymarketLost) {
            if (order.instrument().equals(decision.polymarket().instrument())
                    && order.action() == OrderAction.BUY
                    && order.createdAtMillis() >= decidedMillis) {
                polymarketLost.remove(order);
                return order;
            }
        }
        return null;
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

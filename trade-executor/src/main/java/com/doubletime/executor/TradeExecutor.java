package com.doubletime.executor;

import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.control.OperatorControl;
import com.doubletime.executor.lifecycle.BookMirror;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.LastLook;
import com.doubletime.executor.lifecycle.Scheduler;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.lifecycle.TradeLifecycle;
import com.doubletime.executor.lifecycle.VenueStrategy;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.live.LiveVenue;
import com.doubletime.executor.live.PositionCheck;
import com.doubletime.executor.live.VenueWarmUp;
import com.doubletime.executor.paper.PaperVenue;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.position.PositionReconciler;
import com.doubletime.executor.position.PositionsView;
import com.doubletime.executor.recovery.StartupRecovery;
import com.doubletime.executor.risk.TradeDecider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The whole executor as plain objects, without Vert.x: the parts of {@code package-info}'s drawing built and
 * connected, with the inputs the verticle hands over from the bus and the answers it sends back. Paper when no
 * venues are given, live (both legs through {@link LiveExecution}) when they are.
 *
 * <p>Single writer: every method is called on the executor's thread ({@code loop}). What it produces goes to
 * {@link Outputs}: reports once journaled, execution steps once journaled (by the {@code steps} journal), control
 * changes.
 */
public final class TradeExecutor {
    /** Where the executor's products go (the verticle publishes them on the bus). */
    public interface Outputs {
        /** A trade's report, journaled and counted in the positions. */
        void reported(TradeReport report);

        /** The operator changed the controls (journaled). */
        void controlChanged(TradingControl state);
    }

    private final ExecutorConfig config;
    private final Map<Platform, VenueOrderGateway> venues;
    private final TradeJournal steps;
    private final Scheduler scheduler;
    private final Executor loop;
    private final LongSupplier clock;
    private final CurrentPairs pairs;
    private final BookMirror books;
    private final PositionBook positions = new PositionBook();
    private final TradeHistory history;
    private final OperatorControl control;
    private final TradeLifecycle lifecycle;
    private final StartupRecovery recovery;
    private final Outputs outputs;

    /**
     * @param venues one order gateway per platform in live mode; empty for paper
     * @param records journals decisions, reports and control changes
     * @param steps journals live execution steps (order events, alerts) and makes them known
     * @param loop the executor's thread: runs a task at once when already on it, else queues it there
     * @param tradeIds a fresh id per decision
     */
    public TradeExecutor(
            ExecutorConfig config,
            List<MarketPair> pairs,
            Map<Platform, VenueOrderGateway> venues,
            TradeJournal records,
            TradeJournal steps,
            Scheduler scheduler,
            Executor loop,
            LongSupplier clock,
            Supplier<String> tradeIds,
            Outputs outputs) {
        this.config = config;
        this.venues = Map.copyOf(venues);
        this.steps = steps;
        this.scheduler = scheduler;
        this.loop = loop;
        this.clock = clock;
        this.outputs = outputs;
        this.pairs = new CurrentPairs(pairs);
        this.books = new BookMirror(scheduler);
        this.history = new TradeHistory(config.recentTrades());
        this.recovery = new StartupRecovery(positions);
        this.control = new OperatorControl(TradingControl.initial(config.mode(), config.riskLimits()), records, clock);
        TradeDecider decider = new TradeDecider(
                this.pairs, control::current, positions, config.pairRiskLimits(), config.maxBookAge(), tradeIds);
        VenueStrategy venue = live()
                ? new LiveVenue(new LiveExecution(this.venues, steps, scheduler, clock, config.live()))
                : new PaperVenue(books.books(), clock);
        this.lifecycle = new TradeLifecycle(
                decider,
                new LastLook(control::current, books),
                books,
                this.pairs,
                venue,
                records,
                positions,
                history,
                clock,
                loop,
                outputs::reported);
    }

    /** Start-up, step 1: one journal entry, oldest first (may run on a worker thread, before anything else). */
    public void fold(JournalEntry entry) {
        recovery.fold(entry);
    }

    /**
     * Start-up, step 2, before any opportunity: the controls as journaled, the recent trades, interrupted live
     * trades closed with the venues, then one warm-up read per venue (live).
     */
    public CompletionStage<Void> recover(List<JournalEntry> recent) {
        if (recovery.journaledControl() != null) {
            control.restore(recovery.journaledControl(), config.mode());
        }
        recovery.recover(recent, history, config.mode());
        CompletionStage<Void> closed =
                recovery.closeInterrupted(pairs, live() ? venues : Map.of(), steps, loop, clock, lifecycle::reported);
        return live() ? closed.thenCompose(done -> VenueWarmUp.run(venues, scheduler, loop)) : closed;
    }

    public void onMarketData(MarketDataBatch batch) {
        books.apply(batch);
    }

    public void onOpportunity(OpportunityEvent event) {
        lifecycle.onOpportunity(event);
    }

    public void onPairsChanged(PairsChanged change) {
        pairs.apply(change);
    }

    /** Applies an operator command; the answer is the new state or why it was refused. */
    public CompletionStage<OperatorControl.Answer> control(ControlCommand command) {
        return control.apply(command).thenApply(answer -> {
            if (answer.changed()) {
                outputs.controlChanged(answer.state());
            }
            return answer;
        });
    }

    public List<TradeReport> recentTrades(int limit) {
        return history.latest(limit);
    }

    public PositionsReport positionsReport() {
        return PositionsView.report(positions, clock.getAsLong());
    }

    /** The positions the meters read. */
    public PositionBook positions() {
        return positions;
    }

    /** Live: one round comparing the journal's positions with the venues' (run periodically); null in paper mode. */
    public PositionCheck positionCheck() {
        return live()
                ? new PositionCheck(new PositionReconciler(venues, pairs), positions, lifecycle, steps, loop, clock)
                : null;
    }

    private boolean live() {
        return config.mode() == ExecutionMode.LIVE;
    }
}

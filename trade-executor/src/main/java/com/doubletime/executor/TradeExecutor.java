package com.doubletime.executor;

import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.settlement.Redeemer;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.capital.CapitalView;
import com.doubletime.executor.capital.CashRefresher;
import com.doubletime.executor.control.OperatorControl;
import com.doubletime.executor.journal.ReadBack;
import com.doubletime.executor.lifecycle.BookMirror;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.LastLook;
import com.doubletime.executor.lifecycle.MarketBoard;
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
import com.doubletime.executor.recovery.JournalFold;
import com.doubletime.executor.recovery.StartupRecovery;
import com.doubletime.executor.risk.TradeDecider;
import com.doubletime.executor.settlement.Redemptions;
import com.doubletime.executor.settlement.SettlementDesk;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

        /** The operator changed the controls (journaled), or the executor halted or resumed on its own. */
        void controlChanged(TradingControl state);

        /** A trade's report turned SETTLED by its position's settlement (journaled as the settlement). */
        default void settled(TradeReport report) {}

        /**
         * An alert that cannot wait for the journal (the journal is what failed): published at once; it is journaled
         * once the journal records again.
         */
        default void alert(ExecutionAlert alert) {}
    }

    private static final System.Logger LOG = System.getLogger(TradeExecutor.class.getName());

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
    private final MarketBoard markets = new MarketBoard();
    private final CapitalDesk capital;
    private final SettlementDesk settlement;
    private final Redemptions redemptions;
    private final CashRefresher cashReads;
    private final TradeJournal records;
    private final JournalFold journalFold = new JournalFold(this::fold);
    private boolean journalDown;
    private boolean fencedOut;

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
        this(config, pairs, venues, records, steps, scheduler, loop, clock, tradeIds, outputs, null);
    }

    /**
     * As above, with the Polymarket winnings of settled live positions redeemed on chain by {@code redeemer} (null:
     * they are listed as redeemable for the trader, not redeemed).
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
            Outputs outputs,
            Redeemer redeemer) {
        this.config = config;
        this.venues = Map.copyOf(venues);
        this.capital = new CapitalDesk(config.mode(), config.capital(), markets, clock);
        this.cashReads = live()
                ? new CashRefresher(
                        this.venues, capital, scheduler, loop, config.capital().refreshIntervalMillis())
                : null;
        this.steps = cashReads == null ? steps : watched(steps, cashReads);
        this.scheduler = scheduler;
        this.loop = loop;
        this.clock = clock;
        this.outputs = outputs;
        this.pairs = new CurrentPairs(pairs);
        this.books = new BookMirror(scheduler);
        this.history = new TradeHistory(config.recentTrades());
        this.recovery = new StartupRecovery(positions);
        this.records = records;
        this.control = new OperatorControl(
                TradingControl.initial(config.mode(), config.riskLimits()), records, clock, scheduler);
        TradeDecider decider = new TradeDecider(
                this.pairs,
                control::current,
                positions,
                config.pairRiskLimits(),
                config.maxBookAge(),
                tradeIds,
                markets,
                capital);
        LastLook lastLook = new LastLook(control::current, books, markets, capital)
                .withMaxDecisionAge(config.failClosed().maxDecisionAge(), clock);
        VenueStrategy venue = live()
                ? new LiveVenue(new LiveExecution(this.venues, this.steps, scheduler, clock, config.live())
                        .withSendCheck(decision -> sendBlocked(lastLook, decision)))
                : new PaperVenue(books.books(), clock);
        this.lifecycle = new TradeLifecycle(
                decider, lastLook, books, this.pairs, venue, records, positions, history, clock, loop, report -> {
                    if (cashReads != null) {
                        cashReads.reported(report);
                    }
                    outputs.reported(report);
                });
        lifecycle.onHalt(this::journalUnavailable);
        for (VenueOrderGateway gateway : this.venues.values()) {
            gateway.onFillMismatch(message -> loop.execute(() -> fillMismatch(gateway.platform(), message)));
        }
        lifecycle.withCapital(capital, scheduler, config.capital().rankingWindowMillis());
        capital.onAlert(alert -> this.steps.append(alert));
        this.redemptions = live()
                ? new Redemptions(
                        redeemer, this.pairs, this.steps, loop, clock, () -> cashReads.deposited(Platform.POLYMARKET))
                : null;
        this.settlement = new SettlementDesk(
                markets,
                this.pairs,
                positions,
                history,
                capital,
                redemptions,
                this.steps,
                loop,
                clock,
                outputs::settled);
        settlement.onSettled(() -> {
            if (cashReads != null) {
                venues.keySet().forEach(cashReads::refresh);
            }
        });
    }

    /** The steps journal, telling the cash reads of every order the venue refused for funds. */
    private static TradeJournal watched(TradeJournal steps, CashRefresher cashReads) {
        return new TradeJournal() {
            @Override
            public CompletionStage<Void> append(JournalEntry entry) {
                observe(entry);
                return steps.append(entry);
            }

            @Override
            public CompletionStage<Void> appendAll(List<JournalEntry> entries) {
                entries.forEach(this::observe);
                return steps.appendAll(entries);
            }

            private void observe(JournalEntry entry) {
                if (entry instanceof OrderEvent event) {
                    cashReads.orderEvent(event);
                }
            }
        };
    }

    /** Right before live orders leave, once their requests are journaled: the kill switch, a halt, the age. */
    private String sendBlocked(LastLook lastLook, TradeDecision decision) {
        TradingControl state = control.current();
        if (state.killSwitch()) {
            return "the kill switch was turned on before the orders were sent";
        }
        if (state.haltedBecause() != null) {
            return "trading halted before the orders were sent: " + state.haltedBecause();
        }
        return lastLook.staleBecause(decision);
    }

    /** What the journal folds at start-up: every entry once, and the lines that cannot be read (damage). */
    public ReadBack readBack() {
        return journalFold;
    }

    /** Repeated and unreadable lines found at start-up. */
    public JournalFold journalFold() {
        return journalFold;
    }

    /**
     * The journal failed or stopped answering: trading halts (nothing is decided; a decided trade sends nothing), the
     * state says why, and one alert is published at once (journaled once the journal is back).
     */
    public void journalUnavailable(String reason) {
        if (journalDown) {
            return;
        }
        journalDown = true;
        String halt = reason + "; trading is halted (what was not yet recorded is kept and written once the journal"
                + " records again)";
        control.journalUnavailable(halt);
        lifecycle.halt(halt);
        outputs.controlChanged(control.current());
        long now = clock.getAsLong();
        ExecutionAlert alert =
                new ExecutionAlert("halted:" + now, null, ExecutionAlert.AlertKind.TRADING_HALTED, halt, now);
        LOG.log(System.Logger.Level.ERROR, "TRADING HALTED: " + halt);
        outputs.alert(alert);
        records.append(alert);
    }

    /**
     * Another executor took over: the journal refused this one's write for a newer fencing epoch. Halted for good, the
     * way a journal outage halts (the state says why, a TRADING_HALTED alert is published), but nothing held is ever
     * written (the alert is not journaled: it cannot be) and trading never resumes on this instance.
     */
    public void fencedOut(String reason) {
        if (fencedOut) {
            return;
        }
        fencedOut = true;
        journalDown = true;
        String halt = reason + "; trading is halted on this instance for good (another executor is active)";
        control.journalUnavailable(halt);
        lifecycle.halt(halt);
        outputs.controlChanged(control.current());
        long now = clock.getAsLong();
        LOG.log(System.Logger.Level.ERROR, "TRADING HALTED: " + halt);
        outputs.alert(new ExecutionAlert("fenced:" + now, null, ExecutionAlert.AlertKind.TRADING_HALTED, halt, now));
    }

    /**
     * The journal recorded everything held during its outage: trading resumes, or waits for an operator's
     * acknowledgement when so configured. Journaled and published as an alert.
     */
    public void journalBack(String summary) {
        if (fencedOut) {
            return; // nothing is ever written again here
        }
        journalDown = false;
        boolean resume = config.failClosed().resumeAfterJournalOutage();
        String outcome = resume
                ? summary + "; trading resumes"
                : summary + "; trading waits for an operator to acknowledge it (POST /api/control/acknowledge)";
        control.journalBack(outcome, !resume);
        if (resume) {
            lifecycle.resume();
        } else {
            lifecycle.halt(outcome);
        }
        outputs.controlChanged(control.current());
        long now = clock.getAsLong();
        LOG.log(System.Logger.Level.WARNING, outcome);
        steps.append(
                new ExecutionAlert("resumed:" + now, null, ExecutionAlert.AlertKind.TRADING_RESUMED, outcome, now));
    }

    /** A venue corrected a fill its answer reported: journaled and published as an alert, logged as an error. */
    private void fillMismatch(Platform platform, String message) {
        long now = clock.getAsLong();
        LOG.log(System.Logger.Level.ERROR, "FILL MISMATCH on " + platform.wireName() + ": " + message);
        steps.append(new ExecutionAlert(
                "fill-mismatch:" + now + ":" + message.hashCode(),
                null,
                ExecutionAlert.AlertKind.FILL_MISMATCH,
                platform.wireName() + ": " + message,
                now));
    }

    /** Start-up, step 1: one journal entry, oldest first (may run on a worker thread, before anything else). */
    public void fold(JournalEntry entry) {
        recovery.fold(entry);
        capital.fold(entry);
        settlement.fold(entry);
        if (redemptions != null) {
            redemptions.fold(entry);
        }
    }

    /**
     * Start-up, step 2, before any opportunity: the controls as journaled, the recent trades, interrupted live
     * trades closed with the venues, then one warm-up read per venue (live).
     */
    public CompletionStage<Void> recover(List<JournalEntry> recent) {
        if (recovery.journaledControl() != null) {
            control.restore(recovery.journaledControl(), config.mode());
        }
        if (journalFold.repeated() > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the trade journal repeats " + journalFold.repeated() + " entries (the same event id and content"
                            + " twice): each was counted once");
        }
        String damage = journalFold.damage();
        if (damage != null) {
            if (live()) {
                return CompletableFuture.failedFuture(new IllegalStateException("trade-executor: the trade journal is"
                        + " damaged: " + damage + "; live mode does not start on a damaged journal: check those lines"
                        + " against the venues, then acknowledge them (start in paper mode on the same journal and"
                        + " POST /api/control/acknowledge) or repair the file"));
            }
            control.damaged(damage);
            long now = clock.getAsLong();
            steps.append(new ExecutionAlert(
                    "damaged:" + now,
                    null,
                    ExecutionAlert.AlertKind.JOURNAL_DAMAGED,
                    control.current().haltedBecause(),
                    now));
        }
        recovery.recover(recent, history, config.mode());
        settlement.recover(recent);
        // a decision's report may be on a line that cannot be read: closing it as never filled could be false
        CompletionStage<Void> closed = damage != null
                ? CompletableFuture.completedFuture(null)
                : recovery.closeInterrupted(
                        pairs,
                        live() ? venues : Map.of(),
                        steps,
                        loop,
                        clock,
                        lifecycle::reported,
                        this::venuesUnchecked);
        if (!live()) {
            return closed;
        }
        // the first cash reads before the first opportunity: live trades are never paid from unread cash
        return closed.thenCompose(done -> VenueWarmUp.run(venues, scheduler, loop))
                .thenCompose(done -> cashReads.readAll())
                .thenRun(() -> {
                    cashReads.start();
                    redemptions.redeemPending();
                });
    }

    /** Start-up could not rule out orders the journal lost: the kill switch stays on until an operator acknowledges. */
    private void venuesUnchecked(String why) {
        control.venuesUnchecked(why);
        long now = clock.getAsLong();
        steps.append(new ExecutionAlert(
                "venues-unchecked:" + now,
                null,
                ExecutionAlert.AlertKind.TRADING_HALTED,
                control.current().haltedBecause(),
                now));
    }

    /** Stops the periodic cash reads (live). */
    public void stop() {
        if (cashReads != null) {
            cashReads.stop();
        }
    }

    /** A market's life as a feed reports it: pairs on it are suspended or resume, held positions may settle. */
    public void onMarketStatus(MarketStatusChanged change) {
        markets.update(change);
        settlement.marketChanged(change.view());
    }

    public void onMarketData(MarketDataBatch batch) {
        books.apply(batch);
    }

    public void onOpportunity(OpportunityEvent event) {
        lifecycle.onOpportunity(event);
    }

    public void onPairsChanged(PairsChanged change) {
        pairs.apply(change);
        settlement.evaluateAll();
    }

    /** Applies an operator command; the answer is the new state or why it was refused. */
    public CompletionStage<OperatorControl.Answer> control(ControlCommand command) {
        return control.apply(command).thenApply(answer -> {
            if (answer.changed()) {
                if (command instanceof ControlCommand.Acknowledge && control.journalHalt() == null) {
                    lifecycle.resume();
                }
                outputs.controlChanged(answer.state());
            }
            return answer;
        });
    }

    /** The control state in force (the operator's, with the executor's own halts). */
    public TradingControl controlState() {
        return control.current();
    }

    public List<TradeReport> recentTrades(int limit) {
        return history.latest(limit);
    }

    public PositionsReport positionsReport() {
        return PositionsView.report(positions, clock.getAsLong());
    }

    /** Cash, locked and free per venue (and Kalshi shard), positions at cost, today's settlements, redeemables. */
    public CapitalReport capitalReport() {
        return CapitalView.report(capital, positions, redemptions, clock.getAsLong());
    }

    /** The capital rules (the meters read them). */
    public CapitalDesk capital() {
        return capital;
    }

    /** The positions the meters read. */
    public PositionBook positions() {
        return positions;
    }

    /** Live: one round comparing the journal's positions with the venues' (run periodically); null in paper mode. */
    public PositionCheck positionCheck() {
        return live()
                ? new PositionCheck(
                        new PositionReconciler(venues, pairs, markets::resolving),
                        positions,
                        lifecycle,
                        steps,
                        loop,
                        clock)
                : null;
    }

    private boolean live() {
        return config.mode() == ExecutionMode.LIVE;
    }
}

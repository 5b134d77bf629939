package com.doubletime.executor.lifecycle;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.capital.CapitalRanking;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.risk.TradeDecider;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One trade from opportunity to report, paper and live alike, without Vert.x:
 *
 * <pre>
 *  opportunity ─► decide ─► journal the decision ─► books caught up? ─► last look ─► venue strategy ─► journal the
 *                 (risk)      (durable first)        (≤ 50 ms)          (controls,     (paper: IOC fill;   report ─►
 *                                                                        pair now,      live: both legs,    positions,
 *                                                                        books now)     leg risk)           listener
 * </pre>
 *
 * Nothing is published before its journal write completed. A rejection (by the decision or the last look) is
 * journaled and reported like any trade and never reaches a venue. If the journal fails the lifecycle halts: no
 * further opportunity is decided (nothing may be done that is not recorded) until the executor resumes it
 * ({@link #resume}, once the journal records again); each opportunity refused meanwhile is counted in a log line
 * written at most every {@link #HALT_LOG_INTERVAL_NANOS}, and the halt is told to {@link #onHalt}'s listener once.
 *
 * <p>Capital (issue 12, {@link #withCapital}): an accepted decision locks both legs' cash until its report; an
 * opportunity free cash cannot pay in full waits briefly in a {@link CapitalRanking} so the highest annualised return
 * is decided first.
 *
 * <p>Single writer: every step runs on the executor's thread ({@code loop}); a strategy's stage that completes
 * elsewhere (a venue's answer) is continued there. Time comes from {@code clock} and waits from the
 * {@link Scheduler}, so a backtest can drive the same lifecycle from a replayed capture on a virtual clock.
 */
public final class TradeLifecycle {
    private static final System.Logger LOG = System.getLogger(TradeLifecycle.class.getName());
    /** While halted, opportunities refused are logged in one line per ten seconds, with their count. */
    public static final long HALT_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final TradeDecider decider;
    private final LastLook lastLook;
    private final BookMirror books;
    private final CurrentPairs pairs;
    private final VenueStrategy venue;
    private final TradeJournal journal;
    private final PositionBook positions;
    private final TradeHistory history;
    private final LongSupplier clock;
    private final Executor loop;
    private final Consumer<TradeReport> listener;
    private CapitalDesk capital;
    private CapitalRanking ranking;
    private String haltedBecause;
    private final RateLimitedLog refusedWhileHalted;
    private Consumer<String> haltListener = reason -> {};
    /** Trades between their decision and their report, and how many ever started (position reconciliation waits). */
    private int tradesInFlight;

    private long tradesStarted;

    /**
     * @param journal records decisions and reports (durable before anything depends on them)
     * @param loop the executor's thread: runs a task now when already on it, else queues it there
     * @param listener told of every report once it is journaled and counted (the verticle publishes it)
     */
    public TradeLifecycle(
            TradeDecider decider,
            LastLook lastLook,
            BookMirror books,
            CurrentPairs pairs,
            VenueStrategy venue,
            TradeJournal journal,
            PositionBook positions,
            TradeHistory history,
            LongSupplier clock,
            Executor loop,
            Consumer<TradeReport> listener) {
        this.decider = decider;
        this.lastLook = lastLook;
        this.books = books;
        this.pairs = pairs;
        this.venue = venue;
        this.journal = journal;
        this.positions = positions;
        this.history = history;
        this.clock = clock;
        this.loop = loop;
        this.listener = listener;
        this.refusedWhileHalted = new RateLimitedLog(LOG, System.Logger.Level.ERROR, HALT_LOG_INTERVAL_NANOS, clock);
    }

    /** Told once when a journal failure halts this lifecycle (the reason), so the executor can show it. */
    public TradeLifecycle onHalt(Consumer<String> listener) {
        this.haltListener = listener;
        return this;
    }

    /**
     * Stops deciding opportunities: nothing is decided or journaled until {@link #resume}. Trades already decided
     * carry on (their journal writes wait for the journal; their last look refuses to send once halted).
     */
    public void halt(String reason) {
        haltedBecause = reason;
    }

    /** Decides opportunities again (the journal records again). */
    public void resume() {
        haltedBecause = null;
    }

    /**
     * Capital rules for this lifecycle: decisions lock cash until their reports, and opportunities cash cannot pay in
     * full wait up to {@code rankingWindowMillis} (0: never) to be decided highest annualised return first.
     */
    public TradeLifecycle withCapital(CapitalDesk desk, Scheduler scheduler, long rankingWindowMillis) {
        this.capital = desk;
        this.ranking = rankingWindowMillis > 0 ? new CapitalRanking(scheduler, rankingWindowMillis, this::trade) : null;
        return this;
    }

    /** A new opportunity is decided (once per id) and, if accepted, traded; a closed one is forgotten. */
    public void onOpportunity(OpportunityEvent event) {
        if (event instanceof ArbitrageOpportunityClosed closed) {
            if (ranking != null) {
                ranking.closed(closed.id());
            }
            decider.forget(closed.id());
            return;
        }
        ArbitrageOpportunityFound found = (ArbitrageOpportunityFound) event;
        if (ranking != null
                && haltedBecause == null
                && (ranking.isWaiting(found.id())
                        || !capital.coversInFull(pairs.find(found.opportunity().pairId()), found.opportunity()))) {
            ranking.offer(found);
            return;
        }
        trade(found);
    }

    /** Decides one opportunity and, if accepted, trades it. */
    private void trade(ArbitrageOpportunityFound found) {
        if (haltedBecause != null) {
            refusedWhileHalted.log("not trading opportunity " + found.id() + ": " + haltedBecause);
            return;
        }
        TradeDecision decision = decider.decide(found, books.books(), clock.getAsLong());
        if (decision == null) {
            return; // an update of an opportunity already decided
        }
        MarketPair decidedWith = pairs.find(decision.pairId());
        if (capital != null && decision.accepted()) {
            capital.hold(decision, decidedWith);
        }
        tradesInFlight++;
        tradesStarted++;
        journal.append(decision)
                .thenCompose(recorded -> books.caughtUp(pairs.find(decision.pairId()), found.opportunity()))
                .thenCompose(caughtUp -> send(decision, decidedWith))
                .thenCompose(report -> journal.append(report).thenApply(recorded -> report))
                .whenComplete((report, failure) -> {
                    tradesInFlight--;
                    if (failure != null) {
                        if (capital != null) {
                            capital.releaseHolds(decision.tradeId());
                        }
                        halt(decision, unwrap(failure));
                    } else {
                        reported(report);
                    }
                });
    }

    /**
     * A report journaled: kept for queries, folded into the positions the next decisions are checked against,
     * logged, and handed to the listener. Also how start-up recovery counts a trade it closed.
     */
    public void reported(TradeReport report) {
        history.add(report);
        positions.record(report);
        if (capital != null) {
            capital.release(report);
        }
        if (report.unhedgedQuantity() > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "UNHEDGED " + report.mode().wireName() + " trade " + report.tradeId() + " on " + report.pairId()
                            + ": " + report.reason());
        } else {
            LOG.log(
                    System.Logger.Level.INFO,
                    report.mode().wireName() + " trade " + report.tradeId() + " " + report.status() + " on "
                            + report.pairId() + (report.reason() == null ? "" : ": " + report.reason()));
        }
        listener.accept(report);
    }

    /** Why trading halted (the journal failed), or null while it runs. */
    public String haltedBecause() {
        return haltedBecause;
    }

    public int tradesInFlight() {
        return tradesInFlight;
    }

    public long tradesStarted() {
        return tradesStarted;
    }

    /** The last look, then the strategy; a rejection is the trade's report. Continues on the executor's thread. */
    private CompletionStage<TradeReport> send(TradeDecision decision, MarketPair decidedWith) {
        MarketPair pair = pairs.find(decision.pairId());
        String stop = lastLook.closedBecause(decision, decidedWith, pair);
        if (stop != null) {
            return CompletableFuture.completedFuture(rejected(decision, stop));
        }
        CompletableFuture<TradeReport> legs = venue.execute(decision, pair).toCompletableFuture();
        if (legs.isDone()) {
            return legs; // the paper venue: already on the executor's thread
        }
        CompletableFuture<TradeReport> onLoop = new CompletableFuture<>();
        legs.whenComplete((report, failure) -> loop.execute(() -> {
            if (failure != null) {
                onLoop.completeExceptionally(failure);
            } else {
                onLoop.complete(report);
            }
        }));
        return onLoop;
    }

    private TradeReport rejected(TradeDecision decision, String reason) {
        return new TradeReport(
                decision.tradeId(),
                decision.opportunityId(),
                decision.pairId(),
                decision.direction(),
                venue.mode(),
                TradeStatus.REJECTED,
                LegFill.notSent(decision.kalshi()),
                LegFill.notSent(decision.polymarket()),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                reason,
                decision.detectedAtNanos(),
                decision.decidedAtNanos(),
                clock.getAsLong());
    }

    private void halt(TradeDecision decision, Throwable failure) {
        boolean first = haltedBecause == null;
        haltedBecause = "the trade journal failed (" + failure + "); trading is halted";
        LOG.log(
                System.Logger.Level.ERROR,
                "journal write for trade " + decision.tradeId() + " failed; " + haltedBecause,
                failure);
        if (first) {
            haltListener.accept(haltedBecause);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}

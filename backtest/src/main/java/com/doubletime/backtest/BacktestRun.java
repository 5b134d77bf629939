package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.lifecycle.BookMirror;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.LastLook;
import com.doubletime.executor.lifecycle.MarketBoard;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeLifecycle;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.risk.TradeDecider;
import com.doubletime.executor.settlement.SettlementDesk;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.monitor.ArbitrageEngine;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One latency run: the capture through the live sessions and the monitor's engine, whose opportunities go to the
 * executor's own parts wired as {@code TradeExecutor} wires them for paper trading — the decision (risk limits,
 * controls, book checks, minimum order size, markets open, both legs payable from free cash), the capital ranking, the
 * last look (the same checks again and the decision age bound), a {@link ReplayedVenue} whose orders reach the
 * replayed books {@code latency} ms later, the paper account drawn down by each trade, and the settlement desk paying
 * it back when the capture's lifecycle frames settle a pair — all on the capture's clock. The engine and the
 * executor's books both sit behind {@link TakenLiquidity}. What the reports and settlements say goes to a
 * {@link RunLedger}.
 *
 * <p>Order of events: a frame is applied and evaluated; the opportunities it published are decided in the order
 * published; orders due by then arrive (latency 0: before the next frame); a timer due at the same nanosecond as a
 * frame fires first.
 */
final class BacktestRun {
    /** The settlement desk turns the recent reports of a settled pair into SETTLED ones; the ledger has its own. */
    private static final int HISTORY = 1;

    private final CaptureClock clock = new CaptureClock();
    private final ArrayDeque<OpportunityEvent> published = new ArrayDeque<>();
    private final CapturePlayback playback;
    private final MarketLives markets;
    private final TradeLifecycle lifecycle;
    private final BacktestJournal journal;
    private final TakenLiquidity liquidity;
    private final RunLedger ledger;
    private final MarketBoard board = new MarketBoard();
    private final SettlementDesk settlement;
    private final ArbitrageEngine engine;
    /** Open opportunities the executor has not decided yet (waiting in its capital ranking), by id. */
    private final Map<String, ArbitrageOpportunityFound> undecided = new HashMap<>();
    /** Open opportunities the executor decided (updates of them are not decided again). */
    private final Set<String> decided = new HashSet<>();

    private long lastFrameNanos = Long.MIN_VALUE;
    private long tradeIds;

    /** @param reported told of every report after the ledger counted it */
    BacktestRun(BacktestSettings settings, long latencyMillis, Consumer<TradeReport> reported) {
        List<MarketPair> pairs = settings.pairs();
        ExecutorConfig config = settings.executor();
        this.ledger = new RunLedger(latencyMillis);
        this.journal = new BacktestJournal(ledger::onSettled, decision -> {
            undecided.remove(decision.opportunityId());
            decided.add(decision.opportunityId());
        });
        this.engine = new ArbitrageEngine(pairs, published::add);
        BookMirror books = new BookMirror(clock);
        this.liquidity = new TakenLiquidity(engine, books.books());
        this.markets = new MarketLives(pairs, this::marketStatus);
        this.playback = new CapturePlayback(liquidity, settings.kalshiUseYesPrice(), markets);
        CurrentPairs current = new CurrentPairs(pairs);
        PositionBook positions = new PositionBook();
        TradeHistory history = new TradeHistory(HISTORY);
        TradingControl control = TradingControl.initial(ExecutionMode.PAPER, config.riskLimits());
        CapitalDesk capital = new CapitalDesk(ExecutionMode.PAPER, config.capital(), board, clock);
        String idPrefix = "bt" + latencyMillis + "ms-";
        TradeDecider decider = new TradeDecider(
                current,
                () -> control,
                positions,
                config.pairRiskLimits(),
                config.maxBookAge(),
                () -> idPrefix + ++tradeIds,
                board,
                capital);
        // the decision's age on the capture's clock: a decision is looked at again the moment it is taken here, as
        // the backtest's journal takes no time
        LastLook lastLook = new LastLook(() -> control, books, board, capital)
                .withMaxDecisionAge(config.failClosed().maxDecisionAge(), clock);
        Map<Platform, VenueOrderGateway> gateways = Map.of(
                Platform.KALSHI,
                new ReplayedOrderGateway(Platform.KALSHI, pairs, books.books(), liquidity, clock, latencyMillis),
                Platform.POLYMARKET,
                new ReplayedOrderGateway(Platform.POLYMARKET, pairs, books.books(), liquidity, clock, latencyMillis));
        LiveExecution legRisk = new LiveExecution(gateways, journal, clock, clock, config.live());
        ReplayedVenue venue = new ReplayedVenue(books.books(), liquidity, clock, legRisk, latencyMillis);
        this.lifecycle = new TradeLifecycle(
                        decider, lastLook, books, current, venue, journal, positions, history, clock, clock, report -> {
                            ledger.onReport(report, journal.legRisk(report.tradeId()));
                            reported.accept(report);
                        })
                .withCapital(capital, clock, config.capital().rankingWindowMillis());
        this.settlement = new SettlementDesk(
                board, current, positions, history, capital, null, journal, clock, clock, settledReport -> {});
    }

    /** One capture line, in merged order. */
    void onLine(CaptureLineReader line, boolean captureLine) {
        if (captureLine && (line.hasFrame() || line.event() != null)) {
            long at = line.recvNanos();
            while (clock.fireNext(at)) {
                decide();
            }
            clock.moveTo(at);
            lastFrameNanos = Math.max(lastFrameNanos, at);
            markets.onClock(clock.getAsLong());
        }
        playback.onLine(line, captureLine);
        settle();
    }

    /** After the last line: orders still on their way arrive at their time, against the books as they were left. */
    RunLedger finish() {
        settle();
        while (clock.fireNext(Long.MAX_VALUE)) {
            decide();
        }
        ledger.finish(lastFrameNanos, liquidity.heldBack());
        return ledger;
    }

    /** What the frame published is decided; orders due now arrive, and what they changed is decided in turn. */
    private void settle() {
        decide();
        while (clock.fireNext(clock.getAsLong())) {
            decide();
        }
    }

    /**
     * Each opportunity to the executor. One that free cash cannot pay in full waits in the capital ranking and may
     * close before it is decided: the executor then journals nothing of it, and the ledger counts it missed for
     * capital.
     */
    private void decide() {
        for (OpportunityEvent event = published.poll(); event != null; event = published.poll()) {
            lifecycle.onOpportunity(event);
            if (event instanceof ArbitrageOpportunityFound found) {
                if (!decided.contains(found.id())) {
                    undecided.put(found.id(), found);
                }
            } else if (event instanceof ArbitrageOpportunityClosed closed) {
                decided.remove(closed.id());
                ArbitrageOpportunityFound dropped = undecided.remove(closed.id());
                if (dropped != null) {
                    ledger.onClosedUndecided(dropped, clock.getAsLong());
                }
            }
        }
    }

    /**
     * A market's life as the feeds would report it: the monitor's calendar takes its expected resolution (the
     * opportunities' contracts §7 fields), the executor takes it as {@code TradeExecutor.onMarketStatus} does.
     */
    private void marketStatus(MarketStatusChanged change) {
        engine.resolutionCalendar().update(change);
        board.update(change);
        settlement.marketChanged(change.view());
    }

    MarketLives markets() {
        return markets;
    }

    CapturePlayback playback() {
        return playback;
    }

    TakenLiquidity liquidity() {
        return liquidity;
    }

    BacktestJournal journal() {
        return journal;
    }

    long lastFrameNanos() {
        return lastFrameNanos;
    }
}

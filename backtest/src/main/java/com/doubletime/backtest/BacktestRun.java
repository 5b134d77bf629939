package com.doubletime.backtest;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.lifecycle.BookMirror;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.LastLook;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.lifecycle.TradeLifecycle;
import com.doubletime.executor.live.LiveExecution;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.risk.TradeDecider;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.monitor.ArbitrageEngine;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One latency run: the capture through the live sessions and the monitor's engine, whose opportunities go to the
 * executor's own trade lifecycle — the decision (risk limits, controls, book checks, minimum order size), the last
 * look, and a {@link ReplayedVenue} whose orders reach the replayed books {@code latency} ms later — on the capture's
 * clock. The engine and the executor's books both sit behind {@link TakenLiquidity}. What the reports say goes to a
 * {@link RunLedger}.
 *
 * <p>Order of events: a frame is applied and evaluated; the opportunities it published are decided in the order
 * published; orders due by then arrive (latency 0: before the next frame); a timer due at the same nanosecond as a
 * frame fires first.
 */
final class BacktestRun {
    private static final int HISTORY = 1;

    private final CaptureClock clock = new CaptureClock();
    private final ArrayDeque<OpportunityEvent> published = new ArrayDeque<>();
    private final CapturePlayback playback;
    private final MarketLives markets;
    private final TradeLifecycle lifecycle;
    private final BacktestJournal journal = new BacktestJournal();
    private final TakenLiquidity liquidity;
    private final RunLedger ledger;
    private long lastFrameNanos = Long.MIN_VALUE;
    private long tradeIds;

    /** @param reported told of every report after the ledger counted it */
    BacktestRun(BacktestSettings settings, long latencyMillis, Consumer<TradeReport> reported) {
        List<MarketPair> pairs = settings.pairs();
        ExecutorConfig config = settings.executor();
        this.ledger = new RunLedger(latencyMillis);
        ArbitrageEngine engine = new ArbitrageEngine(pairs, published::add);
        BookMirror books = new BookMirror(clock);
        this.liquidity = new TakenLiquidity(engine, books.books());
        this.markets = new MarketLives(pairs, this::marketsChanged);
        this.playback = new CapturePlayback(liquidity, settings.kalshiUseYesPrice(), markets);
        CurrentPairs current = new CurrentPairs(pairs);
        PositionBook positions = new PositionBook();
        TradingControl control = TradingControl.initial(ExecutionMode.PAPER, config.riskLimits());
        String idPrefix = "bt" + latencyMillis + "ms-";
        TradeDecider decider = new TradeDecider(
                current,
                () -> control,
                positions,
                config.pairRiskLimits(),
                config.maxBookAge(),
                () -> idPrefix + ++tradeIds);
        Map<Platform, VenueOrderGateway> gateways = Map.of(
                Platform.KALSHI,
                new ReplayedOrderGateway(Platform.KALSHI, pairs, books.books(), liquidity, clock, latencyMillis),
                Platform.POLYMARKET,
                new ReplayedOrderGateway(Platform.POLYMARKET, pairs, books.books(), liquidity, clock, latencyMillis));
        LiveExecution legRisk = new LiveExecution(gateways, journal, clock, clock, config.live());
        ReplayedVenue venue = new ReplayedVenue(books.books(), liquidity, clock, legRisk, latencyMillis);
        this.lifecycle = new TradeLifecycle(
                decider,
                new LastLook(() -> control, books),
                books,
                current,
                venue,
                journal,
                positions,
                new TradeHistory(HISTORY),
                clock,
                clock,
                report -> {
                    ledger.onReport(report, journal.legRisk(report.tradeId()));
                    reported.accept(report);
                });
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

    private void decide() {
        for (OpportunityEvent event = published.poll(); event != null; event = published.poll()) {
            lifecycle.onOpportunity(event);
        }
    }

    private void marketsChanged(MarketPair pair, MarketView kalshi, MarketView polymarket, MarketStatusChanged cause) {
        ledger.onMarkets(pair.id(), kalshi, polymarket, clock.getAsLong());
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

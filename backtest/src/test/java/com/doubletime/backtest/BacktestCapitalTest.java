package com.doubletime.backtest;

import static com.doubletime.backtest.BacktestWindowsTest.CONDITION;
import static com.doubletime.backtest.BacktestWindowsTest.NO;
import static com.doubletime.backtest.BacktestWindowsTest.PAIR;
import static com.doubletime.backtest.BacktestWindowsTest.TICKER;
import static com.doubletime.backtest.BacktestWindowsTest.YES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.feed.capture.MergedCapture;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capital and market rules of the live executor, applied to a capture: starting cash per venue sizes and refuses
 * trades as the executor's capital desk does, cash stays locked until the capture ends or the pair settles, a pair
 * whose market is not open is not traded, minAnnualizedReturn refuses what it cannot show, and a decision's age is
 * counted on the capture's clock.
 *
 * <p>Books as in {@link BacktestWindowsTest}: a window is 50 contracts at Kalshi YES 0.45 + Polymarket NO 0.50.
 * Kalshi's side of 50 costs 22.50 + fee ⌈0.07 × 50 × 0.45 × 0.55⌉ = 0.87: $23.37.
 */
class BacktestCapitalTest {
    static final String TICKER_B = "KXBT-26DEC-T2";
    static final String CONDITION_B = "0x" + "cd".repeat(32);
    static final String YES_B = "10000000000000000000000000000000000000000000000000000000000000000000000000001";
    static final String NO_B = "10000000000000000000000000000000000000000000000000000000000000000000000000002";
    static final MarketPair PAIR_B =
            CaptureScript.pair("bt-pair-b", TICKER_B, CONDITION_B, YES_B, NO_B, FixedPoint.parse("0.01"));

    @TempDir
    Path dir;

    private BacktestResult backtest(
            CaptureScript script, List<MarketPair> pairs, ExecutorConfig executor, BigDecimal kalshiCash)
            throws Exception {
        Path file = script.write(dir.resolve("capture-" + System.nanoTime() + ".jsonl"));
        BacktestSettings settings = new BacktestSettings(pairs, executor, List.of(0L), false, kalshiCash, null);
        return Backtest.run(settings, MergedCapture.of(file, 1 << 12), ProgressLine.off());
    }

    /** Pair B's standing books, as pair A's. */
    private static CaptureScript booksB(CaptureScript script) {
        return script.kalshiSnapshot(TICKER_B, new int[] {49, 100}, new int[] {48, 100})
                .polymarketBook(CONDITION_B, YES_B, new int[] {47, 100}, new int[] {53, 100})
                .polymarketBook(CONDITION_B, NO_B, new int[] {47, 100}, new int[] {53, 100});
    }

    private static CaptureScript openA(CaptureScript script, double millis) {
        return BacktestWindowsTest.open(script, millis);
    }

    private static CaptureScript closeA(CaptureScript script, double millis) {
        return script.at(millis)
                .kalshiDelta(TICKER, "no", 55, -50)
                .at(millis + 0.5)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 0);
    }

    private static CaptureScript openB(CaptureScript script, double millis) {
        return script.at(millis)
                .kalshiDelta(TICKER_B, "no", 55, 50)
                .at(millis + 0.5)
                .polymarketLevel(CONDITION_B, NO_B, "SELL", 50, 50);
    }

    private static CaptureScript closeB(CaptureScript script, double millis) {
        return script.at(millis)
                .kalshiDelta(TICKER_B, "no", 55, -50)
                .at(millis + 0.5)
                .polymarketLevel(CONDITION_B, NO_B, "SELL", 50, 0);
    }

    private static List<TradeReport> trades(RunLedger run) {
        return run.tradesKept().stream().map(RunLedger.Trade::report).toList();
    }

    @Test
    void aTradeIsSizedDownToWhatKalshiCashPaysAndTheNextWindowIsRefusedWhileThatCashIsLocked() throws Exception {
        CaptureScript script = closeA(openA(BacktestWindowsTest.books(), 1000), 1030);
        script = closeA(openA(script, 2000), 2030).at(3000).kalshiDelta(TICKER, "yes", 49, 1);

        RunLedger run = backtest(script, List.of(PAIR), BacktestWindowsTest.unlimited(), new BigDecimal("10"))
                .runs()
                .get(0);

        List<TradeReport> trades = trades(run);
        assertEquals(2, trades.size(), trades.toString());
        // 21 × 0.45 + ⌈0.07 × 21 × 0.45 × 0.55⌉ = 9.45 + 0.37 = 9.82 ≤ $10; 22 would cost 9.90 + 0.39 = 10.29
        TradeReport sized = trades.get(0);
        assertEquals(TradeStatus.FILLED, sized.status());
        assertEquals(21, sized.kalshi().filledQuantity());
        assertEquals(21, sized.polymarket().filledQuantity());
        assertEquals(
                new BigDecimal("9.82"),
                sized.kalshi().cost().add(sized.kalshi().fee()).stripTrailingZeros());
        TradeReport refused = trades.get(1);
        assertEquals(TradeStatus.REJECTED, refused.status());
        assertTrue(
                refused.reason()
                        .startsWith("insufficient free cash: KALSHI shard 0: 1 contracts need 0.470000, free 0.18"),
                refused.reason());
        assertEquals(1L, run.missed().get(MissReason.CAPITAL));
        assertEquals(MissReason.CAPITAL, run.misses().get(0).why());
    }

    @Test
    void aWindowCashCannotPayInFullThatClosesWhileWaitingInTheCapitalRankingIsMissedForCapital() throws Exception {
        // the executor ranks what cash cannot pay in full for 20 ms (capital.rankingWindowMillis); this one closes in
        // 10
        CaptureScript script =
                closeA(openA(BacktestWindowsTest.books(), 1000), 1010).at(2000).kalshiDelta(TICKER, "yes", 49, 1);

        RunLedger run = backtest(script, List.of(PAIR), BacktestWindowsTest.unlimited(), new BigDecimal("10"))
                .runs()
                .get(0);

        assertEquals(0, run.trades(), "never decided: nothing journaled, nothing sent");
        assertEquals(1, run.closedUndecided());
        assertEquals(1L, run.missed().get(MissReason.CAPITAL));
        RunLedger.Miss miss = run.misses().get(0);
        assertEquals(PAIR.id(), miss.pairId());
        assertEquals(50, miss.quantity());
        assertTrue(
                miss.reason().contains("waited in the capital ranking and closed 9 ms after opening"), miss.reason());
    }

    @Test
    void cashLockedByATradeIsFreeAgainWhenItsPairSettlesAndPaysAnotherPairsWindow() throws Exception {
        CaptureScript script = booksB(BacktestWindowsTest.books());
        script = closeA(openA(script, 1000), 1030);
        script = closeB(openB(script, 2000), 2030);
        // pair A's markets resolve YES: its 50 Kalshi YES pay $50, its 50 Polymarket NO nothing
        script.at(3000)
                .kalshiLifecycle(TICKER, "determined", "\"result\":\"yes\",\"settlement_value\":\"1\"")
                .at(3500)
                .kalshiLifecycle(TICKER, "settled", "")
                .at(4000)
                .polymarketResolved(CONDITION, YES, "Yes");
        script = closeB(openB(script, 5000), 5030).at(6000).kalshiDelta(TICKER_B, "yes", 49, 1);

        RunLedger run = backtest(
                        script, List.of(PAIR, PAIR_B), BacktestWindowsTest.unlimited(), new BigDecimal("23.50"))
                .runs()
                .get(0);

        List<TradeReport> trades = trades(run);
        assertEquals(
                List.of(TradeStatus.FILLED, TradeStatus.REJECTED, TradeStatus.FILLED),
                trades.stream().map(TradeReport::status).toList());
        assertEquals(PAIR.id(), trades.get(0).pairId());
        assertEquals(50, trades.get(0).kalshi().filledQuantity(), "$23.37 of the $23.50");
        assertTrue(trades.get(1).reason().contains("insufficient free cash"), "$0.13 left for pair B");
        assertEquals(PAIR_B.id(), trades.get(2).pairId());
        assertEquals(50, trades.get(2).kalshi().filledQuantity(), "$0.13 + the $50 pair A's contracts paid");
        RunLedger.PairLedger a = run.pairs().get(PAIR.id());
        assertTrue(a.settled);
        assertEquals(CaptureScript.T0 + 4_000_000_000L, a.releasedAtNanos);
        // 50 − (22.50 + 0.87) − (25.00 + ⌈0.04 × 50 × 0.50 × 0.50⌉ = 0.50): what the hedge's edge said
        assertEquals(new BigDecimal("1.13"), a.pnl.stripTrailingZeros());
        assertFalse(run.pairs().get(PAIR_B.id()).settled);
    }

    @Test
    void aPairWhoseKalshiMarketIsPausedIsNotTradedUntilTheMarketOpensAgain() throws Exception {
        CaptureScript script =
                BacktestWindowsTest.books().at(500).kalshiLifecycle(TICKER, "deactivated", "\"is_deactivated\":true");
        script = closeA(openA(script, 1000), 1030).at(1500).kalshiLifecycle(TICKER, "activated", "");
        script = closeA(openA(script, 2000), 2030);

        RunLedger run = backtest(script, List.of(PAIR), BacktestWindowsTest.unlimited(), null)
                .runs()
                .get(0);

        List<TradeReport> trades = trades(run);
        assertEquals(
                List.of(TradeStatus.REJECTED, TradeStatus.FILLED),
                trades.stream().map(TradeReport::status).toList());
        assertTrue(
                trades.get(0).reason().contains("is suspended: kalshi " + TICKER + " is paused"),
                trades.get(0).reason());
        assertEquals(1L, run.missed().get(MissReason.MARKET_SUSPENDED));
    }

    @Test
    void aLifecycleFrameThatCannotBeReadIsSkippedAndSaidOnce() throws Exception {
        CaptureScript script = BacktestWindowsTest.books()
                .at(500)
                .kalshiLifecycle(TICKER, "deactivated", "\"is_deactivated\":\"maybe\"");
        script = closeA(openA(script, 1000), 1030);

        BacktestResult result = backtest(script, List.of(PAIR), BacktestWindowsTest.unlimited(), null);

        assertEquals(
                TradeStatus.FILLED,
                BacktestWindowsTest.onlyTrade(result.runs().get(0)).status(),
                "the market stays open");
        List<String> said =
                result.warnings().stream().filter(w -> w.contains("lifecycle")).toList();
        assertEquals(1, said.size(), result.warnings().toString());
        assertTrue(said.get(0).startsWith("1 market lifecycle frame(s) could not be read"), said.get(0));
        assertTrue(said.get(0).contains("is_deactivated is not a boolean"), said.get(0));
    }

    @Test
    void aMinimumAnnualisedReturnRefusesWindowsWhoseResolutionTheCaptureDoesNotTell() throws Exception {
        RiskLimits u = BacktestWindowsTest.UNLIMITED;
        RiskLimits tenPercent = new RiskLimits(
                u.maxNotionalPerTrade(),
                u.maxPositionPerPair(),
                u.maxTotalExposure(),
                u.maxUnhedgedExposure(),
                u.dailyLossLimit(),
                u.maxTradesPerMinute(),
                new BigDecimal("0.10"));
        ExecutorConfig minimum = ExecutorConfig.DEFAULT.withRiskLimits(tenPercent, Map.of());
        CaptureScript script = closeA(openA(BacktestWindowsTest.books(), 1000), 1030);

        RunLedger run = backtest(script, List.of(PAIR), minimum, null).runs().get(0);

        TradeReport refused = BacktestWindowsTest.onlyTrade(run);
        assertEquals(TradeStatus.REJECTED, refused.status());
        assertTrue(refused.reason().startsWith("annualised return unknown"), refused.reason());
        assertEquals(1L, run.missed().get(MissReason.RISK_LIMIT));
    }

    @Test
    void aDecisionsAgeIsCountedOnTheCapturesClockNotTheMachines() throws Exception {
        // the capture is from 2025: on the machine's clock every decision would be a year old at its last look
        ExecutorConfig strict = ExecutorConfig.fromJson(new JsonObject().put("maxDecisionAgeMillis", 1))
                .withRiskLimits(BacktestWindowsTest.UNLIMITED, Map.of());
        CaptureScript script = closeA(openA(BacktestWindowsTest.books(), 1000), 1030);

        RunLedger run = backtest(script, List.of(PAIR), strict, null).runs().get(0);

        assertEquals(TradeStatus.FILLED, BacktestWindowsTest.onlyTrade(run).status());
    }
}

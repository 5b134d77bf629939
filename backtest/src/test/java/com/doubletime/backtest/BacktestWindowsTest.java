package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * One pair, windows scripted frame by frame: what each latency gets, what leg risk does when one venue's depth is
 * gone at arrival, and liquidity taken staying taken.
 *
 * <p>The books: Kalshi YES bids 0.49×100, NO bids 0.48×100 (YES asks 0.52); each Polymarket token bids 0.47×100 and
 * asks 0.53×100 (the NO token also 0.52×0 or as the test says). No window on them. A window opens with two frames: a
 * Kalshi NO bid 0.55×50 (YES ask 0.45×50), then a Polymarket NO ask 0.50×50: 50 contracts at 0.45 + 0.50.
 */
class BacktestWindowsTest {
    static final String TICKER = "KXBT-26DEC-T1";
    static final String CONDITION = "0x" + "ab".repeat(32);
    static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    /** Min edge 0.01: 0.45 + 0.52 plus fees is not a window, 0.45 + 0.50 is. */
    static final MarketPair PAIR = CaptureScript.pair("bt-pair", TICKER, CONDITION, YES, NO, FixedPoint.parse("0.01"));

    static final RiskLimits UNLIMITED = new RiskLimits(
            RiskLimits.MAX_DOLLARS,
            RiskLimits.MAX_POSITION_PER_PAIR,
            RiskLimits.MAX_DOLLARS,
            RiskLimits.MAX_DOLLARS,
            RiskLimits.MAX_DOLLARS,
            RiskLimits.MAX_TRADES_PER_MINUTE);

    @TempDir
    Path dir;

    /** The standing books, at T0. */
    static CaptureScript books() {
        return books(new int[] {47, 100}, new int[] {53, 100});
    }

    static CaptureScript books(int[] noTokenBids, int[] noTokenAsks) {
        return new CaptureScript()
                .at(0)
                .connected("kalshi")
                .connected("polymarket")
                .kalshiSnapshot(TICKER, new int[] {49, 100}, new int[] {48, 100})
                .polymarketBook(CONDITION, YES, new int[] {47, 100}, new int[] {53, 100})
                .polymarketBook(CONDITION, NO, noTokenBids, noTokenAsks);
    }

    /** Opens the window at {@code millis} (its second frame half a millisecond later). */
    static CaptureScript open(CaptureScript script, double millis) {
        return script.at(millis)
                .kalshiDelta(TICKER, "no", 55, 50)
                .at(millis + 0.5)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 50);
    }

    BacktestResult backtest(CaptureScript script, ExecutorConfig executor, Long... latencies) throws Exception {
        Path file = script.write(dir.resolve("capture-" + System.nanoTime() + ".jsonl"));
        BacktestSettings settings = new BacktestSettings(
                List.of(PAIR),
                executor,
                List.of(latencies),
                false,
                BacktestSettings.DEFAULT_CASH,
                BacktestSettings.DEFAULT_CASH);
        return Backtest.run(settings, MergedCapture.of(file, 1 << 12), ProgressLine.off());
    }

    static ExecutorConfig unlimited() {
        return ExecutorConfig.DEFAULT.withRiskLimits(UNLIMITED, Map.of());
    }

    /** Unlimited, with the report-only leg-risk policy: a leg that fills short stays short. */
    static ExecutorConfig reportOnly() {
        return ExecutorConfig.fromJson(new JsonObject()
                        .put("live", new JsonObject().put("legRisk", new JsonObject().put("policy", "report-only"))))
                .withRiskLimits(UNLIMITED, Map.of());
    }

    /** The window opens at 1000 ms; Polymarket's side of it is gone at 1010, Kalshi's at 1060. */
    static CaptureScript polymarketGoneAtArrival() {
        return open(books(), 1000)
                .at(1010)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 0)
                .at(1060)
                .kalshiDelta(TICKER, "no", 55, -50);
    }

    static TradeReport onlyTrade(RunLedger run) {
        assertEquals(1, run.tradesKept().size(), "one trade");
        return run.tradesKept().get(0).report();
    }

    @Test
    void aWindowThatClosesThirtyMillisecondsAfterOpeningFillsAtZeroAndTwentyFiveAndIsMissedAtOneHundred()
            throws Exception {
        CaptureScript script = open(books(), 1000)
                .at(1030)
                .kalshiDelta(TICKER, "no", 55, -50)
                .at(1030.2)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 0)
                .at(2000)
                .kalshiDelta(TICKER, "yes", 49, 1);

        BacktestResult result = backtest(script, unlimited(), 0L, 25L, 100L);

        assertEquals(1, result.census().windows());
        RunLedger atZero = result.runs().get(0);
        RunLedger at25 = result.runs().get(1);
        RunLedger at100 = result.runs().get(2);
        for (RunLedger filled : List.of(atZero, at25)) {
            TradeReport report = onlyTrade(filled);
            assertEquals(TradeStatus.FILLED, report.status(), "latency " + filled.latencyMillis());
            assertEquals(50, report.kalshi().filledQuantity());
            assertEquals(50, report.polymarket().filledQuantity());
            assertEquals(0, result.census().openingEdge().compareTo(filled.pnl()), "the window's edge, exactly");
        }
        assertEquals(
                CaptureScript.T0 + 1_000_500_000L + 25_000_000L,
                onlyTrade(at25).executedAtNanos(),
                "the orders reach the books 25 ms after the frame that opened the window");
        TradeReport missed = onlyTrade(at100);
        assertEquals(TradeStatus.UNFILLED, missed.status());
        assertEquals(1, at100.missed().get(MissReason.CLOSED_BEFORE_ARRIVAL));
        assertEquals("closed before arrival", at100.misses().get(0).why().words());
        assertEquals(0, at100.pnl().signum());
        assertEquals(0, at100.capitalUsed().signum());
    }

    @Test
    void aWindowWhosePolymarketDepthVanishesAtArrivalFillsKalshiAndTheLegRiskPolicyRehedges() throws Exception {
        // a Polymarket NO ask at 0.52 stands within the default re-hedge slippage (0.02) of the window's 0.50
        CaptureScript script = open(books(new int[] {47, 100}, new int[] {52, 100, 53, 100}), 1000)
                .at(1010)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 0)
                .at(1060)
                .kalshiDelta(TICKER, "no", 55, -50);

        RunLedger run = backtest(script, unlimited(), 25L).runs().get(0);

        RunLedger.Trade trade = run.tradesKept().get(0);
        TradeReport report = trade.report();
        assertEquals(50, report.kalshi().filledQuantity(), "the Kalshi leg filled at arrival");
        assertEquals(50, report.polymarket().filledQuantity(), "the re-hedge bought the Polymarket leg");
        assertEquals(
                FixedPoint.parse("0.52"),
                report.polymarket().levels().get(0).price(),
                "at the next ask, within the slippage");
        assertEquals(0, report.unhedgedQuantity());
        assertEquals(2, trade.legRisk().size(), trade.legRisk().toString());
        assertTrue(
                trade.legRisk().get(0).startsWith("50 contracts UNHEDGED on kalshi"),
                trade.legRisk().toString());
        assertTrue(
                trade.legRisk().get(0).contains("policy rehedge"),
                trade.legRisk().toString());
        assertTrue(
                trade.legRisk().get(1).startsWith("leg risk closed"),
                trade.legRisk().toString());
        assertEquals(
                CaptureScript.T0 + 1_000_500_000L + 50_000_000L,
                report.executedAtNanos(),
                "the re-hedge order reached Polymarket one latency after the entry's answer");
        // 50 × (1 − 0.45 − 0.52) = 1.50, less fees: Kalshi 0.07 × 50 × 0.45 × 0.55 = 0.86625 → 0.87;
        // Polymarket 0.04 × 50 × 0.52 × 0.48 = 0.4992
        assertEquals(new BigDecimal("0.1308"), run.pnl().stripTrailingZeros());
    }

    @Test
    void aLegLeftShortUnderTheReportOnlyPolicyIsCountedUnhedged() throws Exception {
        CaptureScript script = polymarketGoneAtArrival();

        RunLedger run = backtest(script, reportOnly(), 25L).runs().get(0);

        TradeReport report = onlyTrade(run);
        assertEquals(TradeStatus.PARTIALLY_FILLED, report.status());
        assertEquals(50, report.unhedgedQuantity());
        assertEquals(1, run.unhedged());
        assertEquals(1, run.partial());
        assertTrue(run.tradesKept().get(0).legRisk().get(0).contains("policy report-only"));
        // the 50 Kalshi contracts count at nothing until they settle: −(22.50 + 0.87)
        assertEquals(new BigDecimal("-23.37"), run.pnl().stripTrailingZeros());
        assertEquals(new BigDecimal("23.37"), run.maxDrawdown().stripTrailingZeros());
        assertEquals(new BigDecimal("23.37"), run.capitalUsed().stripTrailingZeros());
    }

    @Test
    void aPairWhoseMarketsSettleInTheCaptureIsPaidWhatItsContractsPayAndFreesItsCapital() throws Exception {
        CaptureScript script = polymarketGoneAtArrival()
                // Kalshi determines YES and settles; Polymarket resolves YES: the 50 Kalshi YES held alone pay $50
                .at(5000)
                .kalshiLifecycle(TICKER, "determined", "\"result\":\"yes\",\"settlement_value\":\"1\"")
                .at(6000)
                .kalshiLifecycle(TICKER, "settled", "")
                .at(7000)
                .polymarketResolved(CONDITION, YES, "Yes")
                .at(8000)
                .kalshiDelta(TICKER, "yes", 49, 1);

        RunLedger run = backtest(script, reportOnly(), 25L).runs().get(0);

        assertEquals(1, run.unhedged());
        // paid 22.50 + 0.87 fee for 50 Kalshi YES, which paid $50 at settlement
        assertEquals(new BigDecimal("26.63"), run.pnl().stripTrailingZeros());
        assertEquals(new BigDecimal("23.37"), run.capitalUsed().stripTrailingZeros(), "the most it tied up");
        RunLedger.PairLedger pair = run.pairs().get(PAIR.id());
        assertTrue(pair.settled);
        assertEquals(CaptureScript.T0 + 7_000_000_000L, pair.releasedAtNanos, "free again when the last market paid");
        assertEquals(0, pair.locked.signum());
    }

    @Test
    void aWindowTradedAtZeroIsNotTradedAgainWhileItsLevelsAreUnchangedAndOnlyForWhatTheVenuesAdd() throws Exception {
        CaptureScript script = open(books(), 1000)
                // the same books move elsewhere: the detector looks again, the window's levels are still taken
                .at(1005)
                .kalshiDelta(TICKER, "yes", 49, 5)
                .at(1006)
                .polymarketLevel(CONDITION, NO, "BUY", 47, 120)
                .at(1007)
                .polymarketLevel(CONDITION, YES, "SELL", 53, 80)
                // Polymarket says its level holds the 50 we took: nothing new there
                .at(1010)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 50)
                // then 80: 30 new; Kalshi's level is still all taken, so still no window
                .at(1015)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 80)
                // Kalshi adds 10 to its level: 10 new, and a window of 10 (not of the 60 the capture shows)
                .at(1020)
                .kalshiDelta(TICKER, "no", 55, 10)
                .at(1030)
                .kalshiDelta(TICKER, "no", 55, -60)
                .at(1030.5)
                .polymarketLevel(CONDITION, NO, "SELL", 50, 0);

        BacktestResult result = backtest(script, unlimited(), 0L);

        assertEquals(1, result.census().windows(), "one window in the capture, open from 1000 to 1030 ms");
        RunLedger run = result.runs().get(0);
        List<RunLedger.Trade> trades = run.tradesKept();
        assertEquals(2, trades.size(), "traded when it opened, and again only for what the venues added");
        TradeReport first = trades.get(0).report();
        TradeReport second = trades.get(1).report();
        assertEquals(CaptureScript.T0 + 1_000_500_000L, first.executedAtNanos());
        assertEquals(50, first.kalshi().filledQuantity());
        assertEquals(CaptureScript.T0 + 1_020_000_000L, second.executedAtNanos());
        assertEquals(10, second.kalshi().filledQuantity(), "the 10 Kalshi added, not the 60 the capture shows");
        assertEquals(10, second.polymarket().filledQuantity());
        assertNotEquals(first.opportunityId(), second.opportunityId());
        assertEquals(TradeStatus.FILLED, second.status());
        assertEquals(0, run.liquidityHeldBack(), "the venues emptied both levels: nothing is held back any more");
    }
}

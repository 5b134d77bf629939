package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.feed.capture.MergedCapture;
import com.doubletime.monitor.ArbitrageEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated capture of several pairs with random book changes and hundreds of windows. */
class GeneratedCaptureTest {
    private static final int PAIRS = 6;
    private static final int FRAMES = 20_000;
    private static final int WINDOW_EVERY = 40;
    /** More than every window of the capture together can cost: cash never binds. */
    private static final BigDecimal UNLIMITED_CASH = RiskLimits.MAX_DOLLARS;

    @TempDir
    Path dir;

    private BacktestResult backtest(GeneratedCapture generated, Path capture, List<Long> latencies) throws Exception {
        BacktestSettings settings = new BacktestSettings(
                generated.pairs,
                ExecutorConfig.DEFAULT.withRiskLimits(BacktestWindowsTest.UNLIMITED, Map.of()),
                latencies,
                false,
                UNLIMITED_CASH,
                UNLIMITED_CASH);
        return Backtest.run(settings, MergedCapture.of(capture, 1 << 16), ProgressLine.off());
    }

    @Test
    void atLatencyZeroWithUnlimitedLimitsAndCapitalEveryWindowOfTheReplayIsTradedOnceForItsEdge() throws Exception {
        GeneratedCapture generated = new GeneratedCapture(PAIRS, 11);
        Path capture = generated.write(FRAMES, WINDOW_EVERY).write(dir.resolve("generated.jsonl"));
        // the replay, as ./double-time replay runs it: its distinct opportunity ids and their opening edges
        Map<String, BigDecimal> opened = new LinkedHashMap<>();
        CapturePlayback replay = new CapturePlayback(
                new ArbitrageEngine(generated.pairs, event -> {
                    if (event instanceof ArbitrageOpportunityFound found) {
                        opened.putIfAbsent(found.id(), found.opportunity().edge());
                    }
                }),
                false,
                null);
        MergedCapture.of(capture, 1 << 16).read(replay::onLine);
        BigDecimal edges = opened.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(opened.size() > 100, "windows in the capture: " + opened.size());

        RunLedger run = backtest(generated, capture, List.of(0L)).runs().get(0);

        assertEquals(opened.size(), run.trades(), "one trade per opportunity id");
        assertEquals(opened.size(), run.filled(), "every one filled in full");
        assertEquals(
                edges.setScale(2, RoundingMode.HALF_EVEN),
                run.pnl().setScale(2, RoundingMode.HALF_EVEN),
                "P&L is the sum of the windows' edges, to the cent");
        assertEquals(0, edges.compareTo(run.pnl()), "exactly, in fact: the paper fill prices as the detector does");
    }

    @Test
    void twoRunsOfTheSameInputsWriteTheSameSummaryByteForByte() throws Exception {
        GeneratedCapture first = new GeneratedCapture(PAIRS, 5);
        Path capture = first.write(FRAMES / 4, WINDOW_EVERY).write(dir.resolve("generated.jsonl"));
        List<Long> latencies = List.of(0L, 25L, 100L);

        String one = SummaryJson.write(backtest(first, capture, latencies));
        String two = SummaryJson.write(backtest(new GeneratedCapture(PAIRS, 5), capture, latencies));

        assertEquals(one, two);
        assertTrue(one.startsWith("{\"frames\":"), one);
    }
}

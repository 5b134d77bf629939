package com.doubletime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.fixtures.ControlledRepository;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.FakeVenue;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.live.LiveExecution;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairs added, removed and edited over the API while the executor runs: it trades on the pairs as they are now,
 * from the decision to the last look and the legs (one owner of the current pairs), never on the list it
 * started with.
 */
@Timeout(30)
class PairChangesTest {
    private final ExecutorHarness executor = new ExecutorHarness();

    @TempDir
    Path dir;

    PairChangesTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private static MarketPair edited(long polymarketFeeRate, long minOrderSize) {
        MarketPair p = Fixtures.PAIR;
        return new MarketPair(
                p.id(),
                p.description(),
                p.kalshiTicker(),
                p.kalshiTakerFeeRate(),
                p.conditionId(),
                p.yesTokenId(),
                p.noTokenId(),
                polymarketFeeRate,
                p.tickSize(),
                minOrderSize,
                p.negRisk(),
                p.polarity(),
                p.minEdge(),
                p.maxQuantity());
    }

    private static PairsChanged replace(MarketPair before, MarketPair after) {
        return new PairsChanged(List.of(after), List.of(after), List.of(before));
    }

    @Test
    void aPairAddedWhileRunningTrades() throws Exception {
        executor.deployPaper(Fixtures.config("1000"), List.of(), ControlledRepository.automatic(List.of()));
        executor.publish(new PairsChanged(List.of(Fixtures.PAIR), List.of(Fixtures.PAIR), List.of()));
        executor.publishStandardBooks();

        executor.publishOpportunity("fed:K:1");

        TradeReport report = executor.nextTrade();
        assertEquals(TradeStatus.FILLED, report.status(), report.reason());
        assertEquals(150, report.hedgedQuantity());
    }

    @Test
    void aPairEditedBetweenTheDecisionAndTheOrdersIsCheckedWithItsNewLimits() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        executor.deployPaper(Fixtures.config("1000"), List.of(Fixtures.PAIR), journal);
        executor.publishStandardBooks();
        executor.publishOpportunity("fed:K:1");
        ControlledRepository.Pending decision = journal.next();
        assertTrue(assertInstanceOf(TradeDecision.class, decision.entry()).accepted());

        // Polymarket's minimum order size rises above the decided 150 contracts while the decision is journaled
        executor.publish(replace(Fixtures.PAIR, edited(Fixtures.PAIR.polymarketTakerFeeRate(), Fixtures.fp("200"))));
        executor.barrier();
        decision.complete();

        TradeReport report = assertInstanceOf(TradeReport.class, journal.next().entry());
        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals(
                "re-check before sending: quantity 150 is below Polymarket's minimum order size 200 of pair "
                        + Fixtures.PAIR_ID + " (edited since the decision)",
                report.reason());
    }

    @Test
    void anEditedPairsFeeRateIsChargedOnItsLiveFills() throws Exception {
        FakeVenue kalshi = new FakeVenue(Platform.KALSHI);
        FakeVenue polymarket = new FakeVenue(Platform.POLYMARKET);
        ExecutorConfig live = new ExecutorConfig(
                ExecutionMode.LIVE,
                new BigDecimal("1000"),
                dir.resolve("trades.jsonl"),
                Duration.ofDays(3_650),
                100,
                LiveExecution.Settings.DEFAULT,
                0,
                null);
        executor.deployLive(
                live,
                List.of(Fixtures.PAIR),
                null,
                Map.of(Platform.KALSHI, kalshi, Platform.POLYMARKET, polymarket),
                System::nanoTime);
        // the venue's fee on this market is now zero (the fake venue reports no fee, so the rate decides it)
        executor.publish(replace(Fixtures.PAIR, edited(0, Fixtures.PAIR.minOrderSize())));
        executor.publishStandardBooks();

        executor.publishOpportunity("fed:K:1");

        TradeReport report = executor.trades.poll(20, TimeUnit.SECONDS);
        assertEquals(TradeStatus.FILLED, report.status(), report.reason());
        assertEquals(
                0,
                BigDecimal.ZERO.compareTo(report.polymarket().fee()),
                report.polymarket().fee() + "");
    }
}

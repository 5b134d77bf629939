package com.doubletime.executor.risk;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.fixtures.PaperDesk;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Risk limits configured globally and overridden per pair (the standard opportunity is 150 contracts). */
class PairRiskLimitsTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger opportunities = new AtomicInteger();

    private PaperDesk trader(JsonObject config) {
        return new PaperDesk(
                List.of(Fixtures.PAIR), ExecutorConfig.fromJson(config), () -> "t" + ids.incrementAndGet());
    }

    private TradeDecision decide(PaperDesk trader, long now) {
        OrderbookSet books = Fixtures.standardBooks();
        return trader.decide(
                Fixtures.detect(books, Direction.KALSHI_YES_POLYMARKET_NO, "x:" + opportunities.incrementAndGet(), T0),
                books,
                now);
    }

    private static JsonObject pairOverride(JsonObject limits) {
        return new JsonObject().put("pairRiskLimits", new JsonObject().put(Fixtures.PAIR_ID, limits));
    }

    @Test
    void globalAndPerPairLimitsAreReadFromTheConfig() {
        ExecutorConfig config = ExecutorConfig.fromJson(new JsonObject()
                .put(
                        "riskLimits",
                        new JsonObject().put("maxPositionPerPair", 500).put("maxNotionalPerTrade", "300"))
                .put("pairRiskLimits", new JsonObject().put("p1", new JsonObject().put("maxTradesPerMinute", 2))));

        assertEquals(500, config.riskLimits().maxPositionPerPair());
        assertEquals(0, new BigDecimal("300").compareTo(config.riskLimits().maxNotionalPerTrade()));
        assertEquals(Map.of("p1", Map.of("maxTradesPerMinute", 2)), config.pairRiskLimits());
    }

    @Test
    void aBadOverrideIsRefusedNamingThePairAndTheLimit() {
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> ExecutorConfig.fromJson(pairOverride(new JsonObject().put("maxPositionPerPair", -3))));
        assertTrue(
                bad.getMessage().startsWith("executor.pairRiskLimits." + Fixtures.PAIR_ID + " maxPositionPerPair"),
                bad.getMessage());
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> ExecutorConfig.fromJson(pairOverride(new JsonObject().put("maxFun", 1))));
        assertTrue(unknown.getMessage().contains("maxFun"), unknown.getMessage());
        IllegalArgumentException global = assertThrows(
                IllegalArgumentException.class,
                () -> ExecutorConfig.fromJson(
                        new JsonObject().put("riskLimits", new JsonObject().put("dailyLossLimit", 5))));
        assertTrue(global.getMessage().startsWith("executor.riskLimits dailyLossLimit"), global.getMessage());
    }

    @Test
    void perPairPositionAndNotionalReplaceTheGlobalValuesForThatPair() {
        TradeDecision capped = decide(trader(pairOverride(new JsonObject().put("maxPositionPerPair", 40))), T0);
        assertEquals(40, capped.quantity());
        assertTrue(capped.reason().contains("pair " + Fixtures.PAIR_ID + " max position per pair 40"), capped.reason());

        TradeDecision notional = decide(
                trader(new JsonObject()
                        .put("maxNotionalPerTrade", "10")
                        .put(
                                "pairRiskLimits",
                                new JsonObject()
                                        .put(Fixtures.PAIR_ID, new JsonObject().put("maxNotionalPerTrade", "500")))),
                T0);
        assertEquals(150, notional.quantity(), "the pair may spend more than the global $10");

        TradeDecision global = decide(trader(new JsonObject().put("maxNotionalPerTrade", "10")), T0);
        assertEquals(10, global.quantity(), global.reason());
    }

    @Test
    void perPairTradesPerMinuteCountOnlyThatPairsTrades() {
        PaperDesk trader = trader(
                pairOverride(new JsonObject().put("maxTradesPerMinute", 1)).put("maxBookAgeMillis", 120_000));
        assertTrue(decide(trader, T0).accepted());

        TradeDecision second = decide(trader, T0 + 1_000_000_000L);

        assertFalse(second.accepted());
        assertEquals("pair " + Fixtures.PAIR_ID + ": max 1 trades per minute reached", second.reason());
        assertTrue(decide(trader, T0 + 61_000_000_000L).accepted());
    }

    @Test
    void perPairExposureCapsByThePairsOwnOutlayAndTheGlobalCapStillApplies() {
        PaperDesk trader = trader(pairOverride(new JsonObject().put("maxTotalExposure", "105")));
        trader.record(JournalSamples.PAPER_REPORT); // $97.85 outlaid on this pair

        TradeDecision decision = decide(trader, T0);

        assertEquals(7, decision.quantity(), "$7.15 left covers seven contracts at about $0.97 each, fees included");
        assertTrue(decision.reason().contains("pair " + Fixtures.PAIR_ID + " max exposure $105"), decision.reason());

        PaperDesk looseGlobal = trader(new JsonObject()
                .put("riskLimits", new JsonObject().put("maxTotalExposure", "105"))
                .put(
                        "pairRiskLimits",
                        new JsonObject().put(Fixtures.PAIR_ID, new JsonObject().put("maxTotalExposure", "5000"))));
        looseGlobal.record(JournalSamples.PAPER_REPORT);
        TradeDecision bound = decide(looseGlobal, T0);
        assertEquals(7, bound.quantity(), "the global total still binds");
        assertTrue(bound.reason().contains("by max total exposure $105"), bound.reason());
    }

    @Test
    void perPairUnhedgedExposureAndDailyLossBlockThatPair() {
        TradeReport unhedged = new TradeReport(
                "u",
                "o",
                Fixtures.PAIR_ID,
                Direction.KALSHI_YES_POLYMARKET_NO,
                ExecutionMode.PAPER,
                TradeStatus.PARTIALLY_FILLED,
                JournalSamples.PAPER_REPORT.kalshi(),
                LegFill.notSent(JournalSamples.PAPER_REPORT.polymarket().order()),
                JournalSamples.PAPER_REPORT
                        .kalshi()
                        .cost()
                        .add(JournalSamples.PAPER_REPORT.kalshi().fee()),
                JournalSamples.PAPER_REPORT
                        .kalshi()
                        .cost()
                        .add(JournalSamples.PAPER_REPORT.kalshi().fee())
                        .negate(),
                "polymarket filled nothing",
                T0,
                T0,
                T0);

        PaperDesk tight = trader(pairOverride(new JsonObject().put("maxUnhedgedExposure", "40")));
        tight.record(unhedged);
        TradeDecision blocked = decide(tight, T0);
        assertFalse(blocked.accepted());
        assertTrue(blocked.reason().startsWith("pair " + Fixtures.PAIR_ID + ": unhedged exposure $"), blocked.reason());

        PaperDesk lossy = trader(pairOverride(new JsonObject().put("dailyLossLimit", "10")));
        lossy.record(unhedged);
        TradeDecision lossBlocked = decide(lossy, T0);
        assertFalse(lossBlocked.accepted());
        assertTrue(
                lossBlocked.reason().startsWith("pair " + Fixtures.PAIR_ID + ": realised loss today $"),
                lossBlocked.reason());

        PaperDesk global = trader(new JsonObject());
        global.record(unhedged);
        assertTrue(decide(global, T0).accepted(), "the default global limits leave room");
        assertEquals(
                RiskLimits.DEFAULT, ExecutorConfig.fromJson(new JsonObject()).riskLimits());
    }
}

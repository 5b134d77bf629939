package com.doubletime.executor.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.CapitalSizing;
import com.doubletime.domain.capital.ShardCash;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.lifecycle.MarketBoard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The capital rules without Vert.x: the paper account, holds from decision to report, live cash read per venue and
 * shard, sizing and refusals that name venue, shard and shortfall, and the free-cash floor.
 *
 * <p>The standard decision (102 contracts at limits 0.42 / 0.53, rates 0.07 / 0.04) holds Kalshi 42.84 + fee 1.74
 * = $44.58 and Polymarket 54.06 + fee 1.01633 = $55.07633; its paper fill costs Kalshi $43.57 and Polymarket
 * $54.27793.
 */
class CapitalDeskTest {
    private static final TradeDecision DECISION = JournalSamples.PAPER_DECISION;
    private static final TradeReport REPORT = JournalSamples.PAPER_REPORT;

    private final MarketBoard markets = new MarketBoard();

    private CapitalDesk paper(CapitalSettings settings) {
        return new CapitalDesk(ExecutionMode.PAPER, settings, markets, () -> Fixtures.T0);
    }

    private CapitalDesk live() {
        return new CapitalDesk(ExecutionMode.LIVE, CapitalSettings.DEFAULT, markets, () -> Fixtures.T0);
    }

    private static CapitalSettings cash(Map<Integer, BigDecimal> kalshi, String polymarket) {
        return new CapitalSettings(
                kalshi, new BigDecimal(polymarket), 30_000, Map.of(), CapitalSettings.DEFAULT_RANKING_WINDOW_MILLIS);
    }

    private void kalshiMarketOnShard(int shard) {
        markets.update(new MarketStatusChanged(
                new MarketView(
                        Platform.KALSHI,
                        Fixtures.TICKER,
                        MarketStatus.OPEN,
                        MarketView.UNKNOWN,
                        MarketView.UNKNOWN,
                        shard,
                        null),
                "rest",
                0));
    }

    private CapitalSizing.Sizing sizeStandard(CapitalDesk desk, long wanted) {
        return desk.size(Fixtures.PAIR, DECISION.kalshi(), DECISION.polymarket(), wanted, 5);
    }

    @Test
    void thePaperAccountPaysForEachTradeAndIsPaidBackAtSettlement() {
        CapitalDesk desk = paper(CapitalSettings.DEFAULT);
        assertEquals(
                0,
                new BigDecimal("10000").compareTo(desk.capital(Platform.KALSHI).free()));

        desk.hold(DECISION, Fixtures.PAIR);
        assertMoney("44.580000", desk.capital(Platform.KALSHI).locked());
        assertMoney("55.076330", desk.capital(Platform.POLYMARKET).locked());
        desk.release(REPORT);

        assertEquals(0, desk.capital(Platform.KALSHI).locked().signum(), "released at the report");
        assertEquals(
                0,
                new BigDecimal("9956.43")
                        .compareTo(desk.capital(Platform.KALSHI).cash()));
        assertEquals(
                0,
                new BigDecimal("9945.72207")
                        .compareTo(desk.capital(Platform.POLYMARKET).cash()));

        desk.settled(settlement(new BigDecimal("0"), new BigDecimal("102")));

        assertEquals(
                0,
                new BigDecimal("9956.43")
                        .compareTo(desk.capital(Platform.KALSHI).cash()));
        assertEquals(
                0,
                new BigDecimal("10047.72207")
                        .compareTo(desk.capital(Platform.POLYMARKET).cash()));
    }

    @Test
    void thePaperAccountIsRebuiltFromTheJournalsTradesAndSettlements() {
        CapitalDesk before = paper(CapitalSettings.DEFAULT);
        before.release(REPORT);
        before.settled(settlement(new BigDecimal("0"), new BigDecimal("102")));

        CapitalDesk after = paper(CapitalSettings.DEFAULT);
        after.fold(DECISION);
        after.fold(REPORT);
        after.fold(settlement(new BigDecimal("0"), new BigDecimal("102")));

        for (Platform venue : Platform.values()) {
            assertEquals(before.capital(venue), after.capital(venue));
        }
    }

    @Test
    void aTradeIsSizedDownToWhatTheShortVenueCanPayNamingIt() {
        CapitalDesk desk = paper(cash(Map.of(0, new BigDecimal("10000")), "27.00"));

        CapitalSizing.Sizing sizing = sizeStandard(desk, 102);

        assertEquals(50, sizing.quantity(), "50 × 0.53 + fee 0.4982 → 0.49820 = $26.99820 fits $27");
        assertTrue(sizing.reason().contains("POLYMARKET: 51 contracts need"), sizing.reason());
    }

    @Test
    void aVenueShortOfCashForTheMinimumRefusesTheTradeNamingVenueAndShortfall() {
        CapitalDesk desk = paper(cash(Map.of(0, new BigDecimal("10000")), "1"));

        CapitalSizing.Sizing sizing = sizeStandard(desk, 102);

        assertTrue(sizing.rejected());
        assertEquals(
                "insufficient free cash: POLYMARKET: 5 contracts need 2.699820, free 1, short 1.699820",
                sizing.reason());
    }

    @Test
    void anUnfundedKalshiShardRefusesTheTradeOnItsMarketsWhateverTheOtherShardsHold() {
        CapitalDesk desk = paper(cash(Map.of(0, new BigDecimal("10000")), "10000"));
        kalshiMarketOnShard(2);

        CapitalSizing.Sizing sizing = sizeStandard(desk, 102);

        assertTrue(sizing.rejected());
        assertEquals(
                "insufficient free cash: KALSHI shard 2: 5 contracts need 2.190000, free 0, short 2.190000",
                sizing.reason());
    }

    @Test
    void liveCashNeverReadPaysForNothing() {
        CapitalDesk desk = live();

        assertNull(desk.capital(Platform.KALSHI));
        assertTrue(desk.unknownBecause().startsWith("capital unknown: kalshi cash has not been read yet"));
        desk.readFailed(Platform.KALSHI, "HTTP 503");
        assertTrue(desk.unknownBecause().contains("HTTP 503"), desk.unknownBecause());
    }

    @Test
    void liveCashSpentByATradeStaysLockedUntilAReadThatStartedAfterItsReport() {
        CapitalDesk desk = live();
        readBoth(desk, "1000", "1000");
        desk.hold(DECISION, Fixtures.PAIR);
        long startedBeforeTheReport = desk.readStarted(Platform.KALSHI);

        desk.release(REPORT);
        assertMoney("43.570000", desk.capital(Platform.KALSHI).locked(), "spent, not read yet");

        desk.cashRead(kalshi("1000"), startedBeforeTheReport);
        assertMoney("43.570000", desk.capital(Platform.KALSHI).locked(), "that read began too early");

        long afterTheReport = desk.readStarted(Platform.KALSHI);
        desk.cashRead(kalshi("956.43"), afterTheReport);
        assertEquals(0, desk.capital(Platform.KALSHI).locked().signum());
        assertMoney("956.43", desk.capital(Platform.KALSHI).free());
        assertMoney("54.277930", desk.capital(Platform.POLYMARKET).locked(), "its own read is due");
    }

    @Test
    void liveKalshiCashIsPerShardAsTheVenueBreaksItDown() {
        CapitalDesk desk = live();
        kalshiMarketOnShard(2);
        desk.cashRead(
                VenueCash.kalshi(
                        new BigDecimal("1000"),
                        List.of(new ShardCash(0, new BigDecimal("990")), new ShardCash(2, new BigDecimal("10"))),
                        0),
                desk.readStarted(Platform.KALSHI));
        desk.cashRead(VenueCash.polymarket(new BigDecimal("500"), new BigDecimal("300"), 0), 1);

        CapitalSizing.Sizing sizing = sizeStandard(desk, 102);

        assertEquals(22, sizing.quantity(), "shard 2's $10 pays 22 × (0.42 + fee): $9.24 + $0.15");
        assertTrue(sizing.reason().contains("KALSHI shard 2: 23 contracts need"), sizing.reason());
        assertMoney("300", desk.capital(Platform.POLYMARKET).free(), "capped by the allowance");
    }

    @Test
    void theLastLookRefusesATradeWhoseCashFellSinceItsDecision() {
        CapitalDesk desk = live();
        readBoth(desk, "1000", "1000");
        desk.hold(DECISION, Fixtures.PAIR);
        assertNull(desk.overdrawnBecause(DECISION, Fixtures.PAIR));

        desk.cashRead(kalshi("40"), desk.readStarted(Platform.KALSHI));

        String why = desk.overdrawnBecause(DECISION, Fixtures.PAIR);
        assertNotNull(why);
        assertTrue(why.contains("KALSHI shard 0 can no longer pay both legs: free cash is -4.58"), why);
    }

    @Test
    void freeCashBelowItsFloorRaisesOneAlertUntilItIsBackAbove() {
        List<ExecutionAlert> alerts = new ArrayList<>();
        CapitalDesk desk = new CapitalDesk(
                        ExecutionMode.LIVE,
                        new CapitalSettings(
                                Map.of(0, BigDecimal.ZERO),
                                BigDecimal.ZERO,
                                30_000,
                                Map.of(Platform.KALSHI, new BigDecimal("100")),
                                0),
                        markets,
                        () -> Fixtures.T0)
                .onAlert(alerts::add);

        desk.cashRead(kalshi("150"), desk.readStarted(Platform.KALSHI));
        desk.cashRead(kalshi("90"), desk.readStarted(Platform.KALSHI));
        desk.cashRead(kalshi("80"), desk.readStarted(Platform.KALSHI));

        assertEquals(1, alerts.size());
        assertEquals(ExecutionAlert.AlertKind.FREE_CASH_LOW, alerts.get(0).kind());
        assertTrue(alerts.get(0).message().startsWith("kalshi free cash $90.000000 fell below its floor $100"));
        desk.cashRead(kalshi("120"), desk.readStarted(Platform.KALSHI));
        desk.cashRead(kalshi("50"), desk.readStarted(Platform.KALSHI));
        assertEquals(2, alerts.size(), "armed again once back above");
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertMoney(expected, actual, null);
    }

    private static void assertMoney(String expected, BigDecimal actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), (message == null ? "" : message + ": ") + actual);
    }

    private static VenueCash kalshi(String cash) {
        return VenueCash.kalshi(new BigDecimal(cash), List.of(), 0);
    }

    private static void readBoth(CapitalDesk desk, String kalshi, String polymarket) {
        desk.cashRead(kalshi(kalshi), desk.readStarted(Platform.KALSHI));
        desk.cashRead(VenueCash.polymarket(new BigDecimal(polymarket), null, 0), desk.readStarted(Platform.POLYMARKET));
    }

    private static PositionSettled settlement(BigDecimal kalshiPayout, BigDecimal polymarketPayout) {
        return new PositionSettled(
                Fixtures.PAIR_ID,
                PositionState.SETTLED,
                Fixtures.TICKER,
                "no",
                0,
                Fixtures.PAIR.conditionId(),
                "NO",
                0,
                102,
                0,
                0,
                102,
                new BigDecimal("95.10"),
                new BigDecimal("2.74793"),
                kalshiPayout,
                polymarketPayout,
                kalshiPayout.add(polymarketPayout).subtract(REPORT.totalCost()),
                List.of(REPORT.tradeId()),
                Fixtures.T0);
    }
}

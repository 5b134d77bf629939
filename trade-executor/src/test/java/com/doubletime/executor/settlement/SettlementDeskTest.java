package com.doubletime.executor.settlement;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import com.doubletime.domain.settlement.DivergenceKind;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.MemoryJournal;
import com.doubletime.executor.fixtures.PaperDesk;
import com.doubletime.executor.fixtures.VirtualTime;
import com.doubletime.executor.lifecycle.CurrentPairs;
import com.doubletime.executor.lifecycle.MarketBoard;
import com.doubletime.executor.lifecycle.TradeHistory;
import com.doubletime.executor.position.PositionBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settlement without Vert.x. The position: the standard paper trade, 150 Kalshi YES + 150 Polymarket NO for $144.74620
 * (legs $140.70, fees $4.04620). Both markets resolving NO pay the Polymarket NO tokens $150: realised P&amp;L
 * $5.25380, exactly the edge locked in.
 */
class SettlementDeskTest {
    private static final Resolution NO = Resolution.NO;
    private static final Resolution YES = Resolution.YES;

    private final VirtualTime time = new VirtualTime(T0 + 1_000_000_000L);
    private final MemoryJournal journal = new MemoryJournal();
    private final List<TradeReport> settledTrades = new ArrayList<>();
    private final TradeReport trade;

    private Desk desk = new Desk();

    /** One executor's worth of parts, fresh for a restart. */
    private final class Desk {
        final MarketBoard markets = new MarketBoard();
        final PositionBook positions = new PositionBook();
        final TradeHistory history = new TradeHistory(100);
        final CapitalDesk capital = new CapitalDesk(ExecutionMode.PAPER, CapitalSettings.DEFAULT, markets, time);
        final SettlementDesk settlement = new SettlementDesk(
                markets,
                new CurrentPairs(List.of(Fixtures.PAIR)),
                positions,
                history,
                capital,
                null,
                journal,
                time,
                time,
                settledTrades::add);

        void traded(TradeReport report) {
            history.add(report);
            positions.record(report);
            capital.release(report);
        }

        void status(Platform platform, MarketStatus status, Resolution resolution) {
            String market = platform == Platform.KALSHI ? Fixtures.TICKER : Fixtures.PAIR.conditionId();
            MarketStatusChanged change = new MarketStatusChanged(
                    new MarketView(platform, market, status, MarketView.UNKNOWN, MarketView.UNKNOWN, 0, resolution),
                    "test",
                    0);
            markets.update(change);
            settlement.marketChanged(change.view());
            time.runQueued();
        }
    }

    SettlementDeskTest() {
        var books = Fixtures.standardBooks();
        trade = new PaperDesk(List.of(Fixtures.PAIR), Fixtures.config("1000"), () -> "t1")
                .trade(Fixtures.detect(books, Direction.KALSHI_YES_POLYMARKET_NO, "fed:K:1", T0), books, T0 + 1);
        desk.traded(trade);
    }

    @Test
    void bothMarketsSettlingTheSameWayPayOneDollarPerPairAndTheExactPnlIsJournaledAndApplied() {
        desk.status(Platform.KALSHI, MarketStatus.DETERMINED, NO);
        desk.status(Platform.POLYMARKET, MarketStatus.SETTLED, NO);
        assertTrue(journal.entries.isEmpty(), "Kalshi has not paid yet: pending");

        desk.status(Platform.KALSHI, MarketStatus.SETTLED, NO);

        PositionSettled settled = (PositionSettled) journal.entries.get(0);
        assertEquals(PositionState.SETTLED, settled.state());
        assertEquals(new BigDecimal("5.2538"), settled.realizedPnl().stripTrailingZeros());
        assertEquals(0, new BigDecimal("150").compareTo(settled.polymarketPayout()));
        assertEquals(0, settled.kalshiPayout().signum());
        assertEquals(0, new BigDecimal("140.70").compareTo(settled.cost()));
        assertEquals(0, new BigDecimal("4.04620").compareTo(settled.fees()));
        assertEquals(List.of("t1"), settled.tradeIds());
        PositionBook.Position position = desk.positions.position(Fixtures.PAIR_ID);
        assertEquals(PositionState.SETTLED, position.state());
        assertEquals(0, position.kalshiYes() + position.polymarketNo(), "positions go to zero");
        assertEquals(0, desk.positions.totalCost().signum(), "the exposure is released");
        assertEquals(settled.realizedPnl(), position.realizedPnl());
        TradeReport settledTrade = settledTrades.get(0);
        assertEquals(TradeStatus.SETTLED, settledTrade.status());
        assertEquals(new BigDecimal("5.2538"), settledTrade.realizedPnl().stripTrailingZeros());
        assertEquals(TradeStatus.SETTLED, desk.history.latest(1).get(0).status());
        assertEquals(
                0,
                new BigDecimal("10005.25380")
                        .compareTo(desk.capital
                                .capital(Platform.POLYMARKET)
                                .cash()
                                .add(desk.capital.capital(Platform.KALSHI).cash())
                                .subtract(new BigDecimal("10000"))),
                "the paper account got its $150 back: both venues together gained the P&L");
        assertEquals(settled.realizedPnl(), desk.positions.settledOn(time.getAsLong()));
        assertEquals(0, desk.positions.realisedLossOn(time.getAsLong()).signum());

        desk.status(Platform.POLYMARKET, MarketStatus.SETTLED, NO);
        assertEquals(1, journal.entries.size(), "settled once");
    }

    @Test
    void venuesResolvingApartRaiseOneDivergenceAndSettleTheLossAsDiverged() {
        desk.status(Platform.KALSHI, MarketStatus.SETTLED, NO);
        desk.status(Platform.POLYMARKET, MarketStatus.DETERMINED, YES);

        ResolutionDivergence alert = (ResolutionDivergence) journal.entries.get(0);
        assertEquals(DivergenceKind.BOTH_LEGS_LOSE, alert.kind());
        assertEquals(0, new BigDecimal("150").compareTo(alert.moneyAtStake()));
        assertEquals("no", alert.kalshi().result());
        assertEquals(FixedPoint.ONE, alert.polymarket().yesPayout());
        assertTrue(
                alert.message().startsWith("RESOLUTION_DIVERGENCE fed-cut-dec26: Kalshi resolved no"), alert.message());
        assertEquals(1, journal.entries.size(), "Polymarket has not paid: the position waits");

        desk.status(Platform.POLYMARKET, MarketStatus.SETTLED, YES);

        assertEquals(2, journal.entries.size(), "one alert per pair and kind, then the settlement");
        PositionSettled settled = (PositionSettled) journal.entries.get(1);
        assertEquals(PositionState.DIVERGED, settled.state());
        assertEquals(new BigDecimal("-144.7462"), settled.realizedPnl().stripTrailingZeros());
        assertEquals(
                PositionState.DIVERGED,
                desk.positions.position(Fixtures.PAIR_ID).state());
        assertEquals(
                new BigDecimal("149.9999"),
                desk.positions
                        .realisedLossOn(time.getAsLong())
                        .add(new BigDecimal("5.2537"))
                        .stripTrailingZeros(),
                "the day realises the loss beyond the edge it had counted");
    }

    @Test
    void aLegThatSettlesWhileTheOtherMarketStillTradesIsADivergence() {
        desk.status(Platform.KALSHI, MarketStatus.OPEN, null);
        desk.status(Platform.POLYMARKET, MarketStatus.SETTLED, YES);

        ResolutionDivergence alert = (ResolutionDivergence) journal.entries.get(0);
        assertEquals(DivergenceKind.LEG_SETTLED_OTHER_OPEN, alert.kind());
        assertEquals(0, new BigDecimal("150").compareTo(alert.moneyAtStake()), "the NO tokens lost: Kalshi must pay");
        assertEquals(MarketStatus.OPEN, alert.kalshi().status());
        assertEquals(-1, alert.kalshi().yesPayout());
        assertEquals(
                PositionState.OPEN, desk.positions.position(Fixtures.PAIR_ID).state());
    }

    @Test
    void aRestartReplaysTheSettlementToTheSamePositionsPnlAndCashWithoutAlertingAgain() {
        desk.status(Platform.KALSHI, MarketStatus.SETTLED, NO);
        desk.status(Platform.POLYMARKET, MarketStatus.SETTLED, YES);
        List<JournalEntry> written = List.copyOf(journal.entries);
        PositionBook.Position before = desk.positions.position(Fixtures.PAIR_ID);

        Desk restarted = new Desk();
        List<JournalEntry> all = new ArrayList<>();
        all.add(trade);
        all.addAll(written);
        for (JournalEntry entry : all) {
            if (entry instanceof TradeReport report) {
                restarted.positions.record(report);
                restarted.history.add(report);
            }
            restarted.capital.fold(entry);
            restarted.settlement.fold(entry);
        }
        restarted.settlement.recover(all);
        desk = restarted;
        journal.entries.clear();
        restarted.status(Platform.KALSHI, MarketStatus.SETTLED, NO);
        restarted.status(Platform.POLYMARKET, MarketStatus.SETTLED, YES);

        PositionBook.Position after = restarted.positions.position(Fixtures.PAIR_ID);
        assertEquals(before.state(), after.state());
        assertEquals(before.realizedPnl(), after.realizedPnl());
        assertEquals(before.payouts(), after.payouts());
        assertEquals(0, after.kalshiYes() + after.polymarketNo());
        assertEquals(TradeStatus.SETTLED, restarted.history.latest(1).get(0).status());
        assertEquals(
                desk.capital.capital(Platform.POLYMARKET).cash(),
                restarted.capital.capital(Platform.POLYMARKET).cash());
        assertTrue(journal.entries.isEmpty(), "nothing raised or settled again: " + journal.entries);
        assertNull(restarted.positions.position("other"));
    }
}

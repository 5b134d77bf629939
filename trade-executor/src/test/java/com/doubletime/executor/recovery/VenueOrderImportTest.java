package com.doubletime.executor.recovery;

import static com.doubletime.executor.fixtures.Fixtures.fp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.fixtures.MemoryJournal;
import com.doubletime.executor.lifecycle.CurrentPairs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the orders a power cut kept out of the journal are told apart and grouped back into trades. */
class VenueOrderImportTest {
    private static final long AT = 1_796_000_000_000L;
    /** Fixtures' pair, its Polymarket tokens the other way round (YES on Kalshi pays with Polymarket NO). */
    private static final MarketPair INVERSE = new MarketPair(
            "inverse",
            "Inverse pair",
            "KX-INV",
            fp("0.07"),
            "0xinv",
            "801",
            "802",
            fp("0.04"),
            fp("0.01"),
            fp("5"),
            false,
            Polarity.INVERSE,
            fp("0.01"),
            MarketPair.UNLIMITED);

    private static VenueOrder kalshi(String clientId, Outcome outcome, OrderAction action, String qty, String price) {
        return new VenueOrder(
                Platform.KALSHI,
                "k-" + clientId,
                clientId,
                INVERSE.kalshiTicker(),
                outcome,
                action,
                fp(qty),
                fp(price),
                new BigDecimal("0.10"),
                AT);
    }

    private static VenueOrder polymarket(String hash, String token, String qty, String price, long at) {
        return new VenueOrder(
                Platform.POLYMARKET, hash, null, token, null, OrderAction.BUY, fp(qty), fp(price), BigDecimal.ZERO, at);
    }

    private static VenueOrderImport journalEndingAt(long epochMillis) {
        VenueOrderImport lost = new VenueOrderImport();
        lost.fold(new ExecutionAlert(
                "earlier", null, ExecutionAlert.AlertKind.TRADING_RESUMED, "earlier", epochMillis * 1_000_000));
        return lost;
    }

    @Test
    void anEmptyJournalAsksNothingAndOtherwiseTheVenuesAreAskedFromItsNewestEntryLessTheMargin() {
        assertEquals(-1, new VenueOrderImport().sinceMillis());
        assertEquals(AT - VenueOrderImport.MARGIN_MILLIS, journalEndingAt(AT).sinceMillis());
    }

    @Test
    void onlyFilledOrdersTheJournalLacksCountAndOnKalshiOnlyOursByClientOrderId() {
        VenueOrderImport lost = journalEndingAt(AT);
        OrderEvent known = JournalSamples.order(1);
        lost.fold(known);
        VenueOrder journaled = new VenueOrder(
                Platform.KALSHI,
                "k-known",
                known.clientOrderId(),
                INVERSE.kalshiTicker(),
                Outcome.YES,
                OrderAction.BUY,
                fp("10"),
                fp("0.40"),
                BigDecimal.ZERO,
                AT);
        VenueOrder byHand = kalshi("manual-1", Outcome.YES, OrderAction.BUY, "10", "0.40");
        VenueOrder unfilled = kalshi("dt-t1-k-E0", Outcome.YES, OrderAction.BUY, "0", "0.40");
        VenueOrder ours = kalshi("dt-t2-k-E0", Outcome.YES, OrderAction.BUY, "10", "0.40");

        VenueOrderImport.Found found = lost.unknown(List.of(journaled, byHand, unfilled, ours), List.of());

        assertEquals(List.of(ours), found.kalshi());
        assertEquals(1, found.unfilled());
    }

    @Test
    void aPolymarketOrderJoinsTheKalshiTradeItHedgesAndAnotherTokensOrderIsATradeOfItsOwn() {
        VenueOrderImport lost = journalEndingAt(AT);
        // Kalshi NO bought (an ask): the trade hedges with the token paying on Kalshi YES: on an inverse pair, NO
        VenueOrder entry = kalshi("dt-t7-k-E0", Outcome.NO, OrderAction.BUY, "10", "0.55");
        VenueOrder hedge = polymarket("0xaaa", INVERSE.noTokenId(), "10", "0.40", AT + 2_000);
        VenueOrder other = polymarket("0xbbb", INVERSE.yesTokenId(), "5", "0.30", AT + 1_000);
        VenueOrder unpairedOrder = polymarket("0xccc", "999", "5", "0.30", AT);
        List<VenueOrder> unpaired = new ArrayList<>();

        List<VenueOrderImport.Lost> trades = lost.trades(
                lost.unknown(List.of(entry), List.of(hedge, other, unpairedOrder)),
                new CurrentPairs(List.of(INVERSE, Fixtures.PAIR)),
                unpaired);

        assertEquals(2, trades.size(), trades.toString());
        VenueOrderImport.Lost joined = trades.get(0);
        assertEquals("t7", joined.tradeId());
        assertEquals(Direction.KALSHI_NO_POLYMARKET_YES, joined.direction());
        assertEquals(List.of(entry), joined.kalshi());
        assertEquals(List.of(hedge), joined.polymarket());
        VenueOrderImport.Lost alone = trades.get(1);
        assertTrue(alone.tradeId().startsWith("import-0xbbb"), alone.tradeId());
        assertEquals(Direction.KALSHI_YES_POLYMARKET_NO, alone.direction());
        assertEquals(List.of(other), alone.polymarket());
        assertEquals(List.of(unpairedOrder), unpaired);
    }

    @Test
    void aKalshiSaleReportedAsAPurchaseOfTheOtherSideSellsTheLegAtTheComplement() throws Exception {
        // the entry bought 10 YES at 0.42; the unwind sold 4 YES, listed by Kalshi as 4 NO bought at 0.60
        VenueOrderImport.Lost lost = new VenueOrderImport.Lost(
                "t8",
                INVERSE,
                Direction.KALSHI_YES_POLYMARKET_NO,
                List.of(
                        kalshi("dt-t8-k-E0", Outcome.YES, OrderAction.BUY, "10", "0.42"),
                        kalshi("dt-t8-k-U0", Outcome.NO, OrderAction.BUY, "4", "0.60")),
                List.of());
        MemoryJournal journal = new MemoryJournal();

        TradeReport report = VenueOrderImport.close(lost, journal, () -> TimeUnit.MILLISECONDS.toNanos(AT + 5_000))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertEquals(6, report.kalshi().filledQuantity());
        assertEquals(
                0,
                new BigDecimal("2.60").compareTo(report.kalshi().cost()),
                report.kalshi().toString());
        assertEquals(0, report.polymarket().filledQuantity());
        List<OrderEvent> events = journal.all(OrderEvent.class);
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(e -> e.kind() == OrderEventKind.RECONCILED));
        assertEquals(OrderAction.SELL, events.get(1).action());
        assertEquals(fp("0.40"), events.get(1).averagePrice());
        assertEquals(report, journal.all(TradeReport.class).get(0));
        assertTrue(
                journal.all(ExecutionAlert.class).get(0).message().contains("one venue only"),
                journal.entries.toString());
    }
}

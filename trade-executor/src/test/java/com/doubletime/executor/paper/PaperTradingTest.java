package com.doubletime.executor.paper;

import static com.doubletime.executor.fixtures.Fixtures.NO_TOKEN;
import static com.doubletime.executor.fixtures.Fixtures.T0;
import static com.doubletime.executor.fixtures.Fixtures.fp;
import static com.doubletime.executor.fixtures.Fixtures.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.Levels;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.Side;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.OrderBookDeltaReceived;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.domain.trade.LevelFill;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.PaperDesk;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaperTradingTest {
    private static final long NOW = T0 + 5_000_000L; // 5 ms after the books
    private final AtomicInteger ids = new AtomicInteger();

    private PaperDesk trader(String maxNotional) {
        return new PaperDesk(List.of(Fixtures.PAIR), Fixtures.config(maxNotional), () -> "t" + ids.incrementAndGet());
    }

    private static ArbitrageOpportunityFound standardOpportunity(OrderbookSet books) {
        return Fixtures.detect(
                books, Direction.KALSHI_YES_POLYMARKET_NO, "fed-cut-dec26:KALSHI_YES_POLYMARKET_NO:1", T0);
    }

    @Test
    void fillsBothLegsAtTheWalkedPricesWithExactFees() {
        OrderbookSet books = Fixtures.standardBooks();
        ArbitrageOpportunityFound found = standardOpportunity(books);
        assertEquals(150, found.opportunity().quantity());

        TradeReport report = trader("1000").trade(found, books, NOW);

        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(ExecutionMode.PAPER, report.mode());
        assertNull(report.reason());
        assertLeg(report.kalshi(), 150, 150, "62.00", "2.55", List.of(fill("0.40", "50"), fill("0.42", "100")));
        assertLeg(report.polymarket(), 150, 150, "78.70", "1.49620", List.of(fill("0.52", "80"), fill("0.53", "70")));
        assertEquals(Outcome.YES, report.kalshi().order().outcome());
        assertEquals(NO_TOKEN, report.polymarket().order().instrument());
        assertDecimal("0.413333", report.kalshi().averagePrice());
        assertDecimal("0.524667", report.polymarket().averagePrice());
        assertDecimal("144.74620", report.totalCost());
        assertDecimal("5.25380", report.realisedEdge());
        assertEquals(
                0,
                found.opportunity().edge().compareTo(report.realisedEdge()),
                "paper fill on unchanged books = detected edge");
        assertEquals(150, report.hedgedQuantity());
        assertEquals(0, report.unhedgedQuantity());
        assertEquals(T0, report.detectedAtNanos());
        assertEquals(NOW, report.executedAtNanos());
    }

    @Test
    void buysKalshiNoFromTheMirroredYesBids() {
        OrderbookSet books = new OrderbookSet();
        books.apply(Fixtures.kalshi(levels("0.60", "40", "0.55", "10"), levels("0.70", "5"), T0));
        books.apply(Fixtures.polymarket(Fixtures.YES_TOKEN, levels("0.55", "100"), T0));
        books.apply(Fixtures.polymarket(NO_TOKEN, levels("0.50", "10"), T0));
        ArbitrageOpportunityFound found = Fixtures.detect(books, Direction.KALSHI_NO_POLYMARKET_YES, "p:NO:1", T0);

        TradeReport report = trader("1000").trade(found, books, NOW);

        assertEquals(TradeStatus.FILLED, report.status());
        // NO asks are 1 − YES bids: 0.40 × 40 (the 0.45 level is past the 0.40 limit); fee 0.07·40·0.24 = 0.672 → 0.68
        assertLeg(report.kalshi(), 40, 40, "16.00", "0.68", List.of(fill("0.40", "40")));
        assertEquals(Outcome.NO, report.kalshi().order().outcome());
        assertLeg(report.polymarket(), 40, 40, "22.00", "0.39600", List.of(fill("0.55", "40")));
    }

    @Test
    void aSellTakesTheBidsDownToItsLimitAndPaysTheTakerFee() {
        OrderbookSet books = new OrderbookSet();
        // Kalshi YES bids 0.60 × 40, 0.55 × 10, 0.50 × 100; YES asks 0.70 × 5 (NO bid 0.30 × 5)
        books.apply(Fixtures.kalshi(levels("0.60", "40", "0.55", "10", "0.50", "100"), levels("0.70", "5"), T0));
        var book = books.find(Platform.KALSHI, Fixtures.TICKER);
        LegOrder sellYes = new LegOrder(Platform.KALSHI, Outcome.YES, Fixtures.TICKER, fp("0.55"));
        VenueFees fees = VenueFees.of(Fixtures.PAIR, Platform.KALSHI);

        LegFill yes = IocFill.sell(sellYes, IocFill.bids(book, sellYes), 60, fees);

        // down to 0.55: 40 at 0.60 and 10 at 0.55 (the 0.50 bid is under the limit), the other 10 cancelled;
        // fee 0.07 × (40 × 0.60 × 0.40 + 10 × 0.55 × 0.45) = 0.84525 → 0.85
        assertLeg(yes, 60, 50, "29.50", "0.85", List.of(fill("0.60", "40"), fill("0.55", "10")));
        // NO bids are 1 − YES asks: 0.30 × 5; fee 0.07 × 5 × 0.30 × 0.70 = 0.0735 → 0.08
        LegOrder sellNo = new LegOrder(Platform.KALSHI, Outcome.NO, Fixtures.TICKER, fp("0.30"));
        LegFill no = IocFill.sell(sellNo, IocFill.bids(book, sellNo), 10, fees);
        assertLeg(no, 10, 5, "1.50", "0.08", List.of(fill("0.30", "5")));
    }

    @Test
    void reducesQuantityToFitMaxNotionalPerTrade() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("100");

        TradeDecision decision = trader.decide(standardOpportunity(books), books, NOW);

        // worst case per contract at the limits: 0.42 + 0.07·0.42·0.58 + 0.53 + 0.04·0.25 = 0.977052;
        // (100 − 0.01001 fee rounding) / 0.977052 = 102.3…
        assertTrue(decision.accepted());
        assertEquals(150, decision.opportunityQuantity());
        assertEquals(102, decision.quantity());
        assertTrue(
                decision.reason().startsWith("reduced from 150 to 102 contracts by max notional per trade $100"),
                decision.reason());

        TradeReport report = trader.fill(decision, books, NOW);
        assertEquals(TradeStatus.FILLED, report.status());
        assertLeg(report.kalshi(), 102, 102, "41.84", "1.73", List.of(fill("0.40", "50"), fill("0.42", "52")));
        assertLeg(report.polymarket(), 102, 102, "53.26", "1.01793", List.of(fill("0.52", "80"), fill("0.53", "22")));
        assertDecimal("97.84793", report.totalCost());
        assertTrue(report.totalCost().compareTo(new BigDecimal("100")) <= 0);
    }

    @Test
    void rejectsWhenMaxNotionalLeavesLessThanPolymarketsMinimumOrder() {
        OrderbookSet books = Fixtures.standardBooks();

        TradeDecision decision = trader("4").decide(standardOpportunity(books), books, NOW);

        assertFalse(decision.accepted());
        assertEquals(0, decision.quantity());
        assertTrue(
                decision.reason().startsWith("quantity 4 is below Polymarket's minimum order size 5"),
                decision.reason());
    }

    @Test
    void rejectsWhenMaxNotionalDoesNotCoverOneContract() {
        OrderbookSet books = Fixtures.standardBooks();

        TradeDecision decision = trader("0.50").decide(standardOpportunity(books), books, NOW);

        assertFalse(decision.accepted());
        assertTrue(decision.reason().contains("does not cover one contract"), decision.reason());
    }

    @Test
    void rejectsStaleBookWithTheReason() {
        OrderbookSet books = Fixtures.standardBooks();
        ArbitrageOpportunityFound found = standardOpportunity(books);
        books.apply(new BookMarkedStale(Platform.KALSHI, Fixtures.TICKER, "seq gap", T0 + 1));

        TradeReport report = trader("1000").trade(found, books, NOW);

        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals("kalshi book " + Fixtures.TICKER + " is stale", report.reason());
        assertEquals(0, report.kalshi().requestedQuantity());
        assertEquals(0, report.polymarket().filledQuantity());
        assertEquals(0, report.totalCost().signum());
    }

    @Test
    void rejectsBookOlderThanMaxBookAge() {
        OrderbookSet books = Fixtures.standardBooks();
        long muchLater = T0 + ExecutorConfig.DEFAULT_MAX_BOOK_AGE.toNanos() + 1_000_000_000L;

        TradeDecision decision = trader("1000").decide(standardOpportunity(books), books, muchLater);

        assertFalse(decision.accepted());
        assertEquals("kalshi book " + Fixtures.TICKER + " is 61000 ms old (max 60000 ms)", decision.reason());
    }

    @Test
    void rejectsUnknownPair() {
        OrderbookSet books = Fixtures.standardBooks();
        ArbitrageOpportunityFound found = standardOpportunity(books);
        PaperDesk trader = new PaperDesk(List.of(), Fixtures.config("1000"), () -> "t");

        assertEquals(
                "unknown pair 'fed-cut-dec26'", trader.decide(found, books, NOW).reason());
    }

    @Test
    void fillsPartiallyAndReportsUnhedgedContractsWhenTheBookThinned() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("1000");
        TradeDecision decision = trader.decide(standardOpportunity(books), books, NOW);
        // the 0.53 Polymarket level is taken by someone else before our order arrives
        books.apply(new OrderBookDeltaReceived(Platform.POLYMARKET, NO_TOKEN, Side.ASK, fp("0.53"), 0, true, NOW));

        TradeReport report = trader.fill(decision, books, NOW);

        assertEquals(TradeStatus.PARTIALLY_FILLED, report.status());
        assertLeg(report.kalshi(), 150, 150, "62.00", "2.55", List.of(fill("0.40", "50"), fill("0.42", "100")));
        assertLeg(report.polymarket(), 150, 80, "41.60", "0.79872", List.of(fill("0.52", "80")));
        assertEquals(80, report.hedgedQuantity());
        assertEquals(70, report.unhedgedQuantity());
        // 80 hedged pairs pay $80; spent 62 + 2.55 + 41.60 + 0.79872 = 106.94872
        assertDecimal("-26.94872", report.realisedEdge());
        assertEquals(
                "kalshi filled 150 of 150, polymarket filled 80 of 150; 70 contracts UNHEDGED on kalshi",
                report.reason());
    }

    @Test
    void fillsOnlyWholeContractsFromFractionalLevels() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("1000");
        TradeDecision decision = trader.decide(standardOpportunity(books), books, NOW);
        books.apply(Fixtures.polymarket(NO_TOKEN, levels("0.52", "80.5", "0.60", "500"), NOW));

        TradeReport report = trader.fill(decision, books, NOW);

        assertEquals(80, report.polymarket().filledQuantity());
        assertEquals(List.of(fill("0.52", "80")), report.polymarket().levels());
    }

    @Test
    void reportsUnfilledWhenPricesMovedPastBothLimits() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("1000");
        TradeDecision decision = trader.decide(standardOpportunity(books), books, NOW);
        books.apply(Fixtures.kalshi(Levels.EMPTY, levels("0.45", "500"), NOW));
        books.apply(Fixtures.polymarket(NO_TOKEN, levels("0.56", "500"), NOW));

        TradeReport report = trader.fill(decision, books, NOW);

        assertEquals(TradeStatus.UNFILLED, report.status());
        assertEquals(0, report.totalCost().signum());
        assertNull(report.kalshi().averagePrice());
    }

    @Test
    void tradesEachOpportunityIdOnce() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("1000");
        ArbitrageOpportunityFound found = standardOpportunity(books);
        ArbitrageOpportunityFound update = new ArbitrageOpportunityFound(found.id(), found.opportunity(), T0 + 10);

        assertNotNull(trader.trade(found, books, NOW));
        assertNull(trader.trade(update, books, NOW), "an update of the same opportunity does not trade again");
    }

    @Test
    void rejectedOpportunityIsNotRetriedOnUpdate() {
        OrderbookSet books = Fixtures.standardBooks();
        PaperDesk trader = trader("1000");
        ArbitrageOpportunityFound found = standardOpportunity(books);
        books.apply(new BookMarkedStale(Platform.POLYMARKET, NO_TOKEN, "gap", T0));

        assertEquals(TradeStatus.REJECTED, trader.trade(found, books, NOW).status());
        books.apply(Fixtures.polymarket(NO_TOKEN, levels("0.52", "80", "0.53", "100"), NOW));
        assertNull(trader.trade(new ArbitrageOpportunityFound(found.id(), found.opportunity(), NOW), books, NOW));
    }

    private static LevelFill fill(String price, String size) {
        return new LevelFill(fp(price), fp(size));
    }

    private static void assertLeg(
            LegFill leg, long requested, long filled, String cost, String fee, List<LevelFill> levels) {
        assertEquals(requested, leg.requestedQuantity(), "requested");
        assertEquals(filled, leg.filledQuantity(), "filled");
        assertDecimal(cost, leg.cost());
        assertDecimal(fee, leg.fee());
        assertEquals(levels, leg.levels());
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}

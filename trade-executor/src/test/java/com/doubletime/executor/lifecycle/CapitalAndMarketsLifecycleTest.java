package com.doubletime.executor.lifecycle;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.MemoryJournal;
import com.doubletime.executor.fixtures.VirtualTime;
import com.doubletime.executor.paper.PaperVenue;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.risk.TradeDecider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 in the trade lifecycle, without Vert.x on a virtual clock: a pair whose market is not open is suspended
 * (at the decision and again at the last look), both legs must be payable from free cash before anything is sent,
 * opportunities cash cannot pay in full are ranked by annualised return, and the minimum annualised return limit.
 *
 * <p>The standard opportunity: 150 contracts at limits 0.42 / 0.53; its Polymarket leg locks 79.50 + fee 1.4946.
 */
class CapitalAndMarketsLifecycleTest {
    private static final long LATER = T0 + 5_000_000L;

    private final VirtualTime time = new VirtualTime(T0 + 2_000_000L);
    private final CurrentPairs pairs = new CurrentPairs(List.of(Fixtures.PAIR));
    private final BookMirror books = new BookMirror(time);
    private final PositionBook positions = new PositionBook();
    private final MarketBoard markets = new MarketBoard();
    private final AtomicInteger decisions = new AtomicInteger();
    private final MemoryJournal journal = new MemoryJournal();
    private final List<TradeReport> reported = new ArrayList<>();
    private TradingControl control = TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT);

    CapitalAndMarketsLifecycleTest() {
        books.apply(new MarketDataBatch(
                Platform.KALSHI,
                T0,
                List.of(Fixtures.kalshi(
                        Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), T0))));
        books.apply(new MarketDataBatch(
                Platform.POLYMARKET,
                T0,
                List.of(
                        Fixtures.polymarket(Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), T0),
                        Fixtures.polymarket(Fixtures.YES_TOKEN, Fixtures.levels("0.65", "10"), T0))));
    }

    private TradeLifecycle lifecycle(String polymarketCash, long rankingWindowMillis) {
        CapitalDesk capital = new CapitalDesk(
                ExecutionMode.PAPER,
                new CapitalSettings(
                        Map.of(0, new BigDecimal("10000")),
                        new BigDecimal(polymarketCash),
                        30_000,
                        Map.of(),
                        rankingWindowMillis),
                markets,
                time);
        TradeDecider decider = new TradeDecider(
                pairs,
                () -> control,
                positions,
                Map.of(),
                Duration.ofSeconds(60),
                () -> "t" + decisions.incrementAndGet(),
                markets,
                capital);
        return new TradeLifecycle(
                        decider,
                        new LastLook(() -> control, books, markets, capital),
                        books,
                        pairs,
                        new PaperVenue(books.books(), time),
                        journal,
                        positions,
                        new TradeHistory(100),
                        time,
                        time,
                        reported::add)
                .withCapital(capital, time, rankingWindowMillis);
    }

    private static ArbitrageOpportunityFound opportunity(String id, long bookNanos) {
        OrderbookSet monitorBooks = Fixtures.standardBooks();
        monitorBooks.apply(Fixtures.kalshi(
                Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), bookNanos));
        return Fixtures.detect(monitorBooks, Direction.KALSHI_YES_POLYMARKET_NO, id, bookNanos);
    }

    private static ArbitrageOpportunityFound withReturn(ArbitrageOpportunityFound found, String annualized) {
        return found.withReturnOnCapital(new ReturnOnCapital(0, new BigDecimal("30"), new BigDecimal(annualized)));
    }

    private void kalshiMarket(MarketStatus status) {
        markets.update(new MarketStatusChanged(
                new MarketView(
                        Platform.KALSHI, Fixtures.TICKER, status, MarketView.UNKNOWN, MarketView.UNKNOWN, 0, null),
                "lifecycle:test",
                0));
    }

    private List<TradeDecision> decided() {
        return journal.all(TradeDecision.class);
    }

    @Test
    void aPairWhoseMarketIsNotOpenIsSuspendedAndResumesWhenBothAreOpenAgain() {
        TradeLifecycle lifecycle = lifecycle("10000", 0);
        kalshiMarket(MarketStatus.PAUSED);

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));

        TradeReport suspended = reported.get(0);
        assertEquals(TradeStatus.REJECTED, suspended.status());
        assertEquals(
                "pair fed-cut-dec26 is suspended: kalshi KXFEDDECISION-26DEC-C25 is paused (trading resumes when both"
                        + " markets are open)",
                suspended.reason());
        assertEquals(suspended.reason(), decided().get(0).reason(), "the reason is journaled with the decision");

        kalshiMarket(MarketStatus.OPEN);
        lifecycle.onOpportunity(opportunity("fed:K:2", T0));

        assertEquals(TradeStatus.FILLED, reported.get(1).status());
    }

    @Test
    void aMarketThatClosesBetweenTheDecisionAndTheOrdersStopsTheTrade() {
        TradeLifecycle lifecycle = lifecycle("10000", 0);
        lifecycle.onOpportunity(opportunity("fed:K:1", LATER)); // accepted, waits for its books

        kalshiMarket(MarketStatus.CLOSED);
        time.advanceMillis(BookMirror.CATCH_UP_MILLIS);

        assertTrue(decided().get(0).accepted());
        TradeReport report = reported.get(0);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertTrue(
                report.reason()
                        .startsWith("re-check before sending: pair fed-cut-dec26 is suspended: kalshi"
                                + " KXFEDDECISION-26DEC-C25 is closed"),
                report.reason());
        assertEquals(0, report.kalshi().filledQuantity() + report.polymarket().filledQuantity(), "nothing bought");
    }

    @Test
    void aVenueShortOfCashForEvenTheMinimumSendsNothingAndTheReasonNamesIt() {
        TradeLifecycle lifecycle = lifecycle("1", 0);

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));

        TradeReport report = reported.get(0);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertTrue(report.reason().startsWith("insufficient free cash: POLYMARKET: 5 contracts need"), report.reason());
        assertFalse(decided().get(0).accepted());
    }

    @Test
    void aTradeIsSizedDownToWhatBothVenuesCanPayBeforeAnyOrderLeaves() {
        TradeLifecycle lifecycle = lifecycle("27", 0);

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));

        TradeDecision decision = decided().get(0);
        assertEquals(50, decision.quantity());
        assertTrue(
                decision.reason().startsWith("reduced from 150 to 50 contracts: sized down by cash: POLYMARKET:"),
                decision.reason());
        assertEquals(50, reported.get(0).hedgedQuantity());
    }

    @Test
    void whenCashCannotPayEveryOpportunityTheHigherAnnualisedReturnGoesFirst() {
        TradeLifecycle lifecycle = lifecycle("60", 20);

        lifecycle.onOpportunity(withReturn(opportunity("fed:K:low", T0), "0.100000"));
        lifecycle.onOpportunity(withReturn(opportunity("fed:K:high", T0), "2.500000"));
        assertTrue(decided().isEmpty(), "both wait for the ranking");
        time.advanceMillis(20);

        List<TradeDecision> decided = decided();
        assertEquals("fed:K:high", decided.get(0).opportunityId());
        assertTrue(
                decided.get(0).accepted() && decided.get(0).quantity() > 100,
                decided.get(0).toString());
        assertEquals("fed:K:low", decided.get(1).opportunityId());
        assertFalse(decided.get(1).accepted(), "what the first left cannot pay the minimum: " + decided.get(1));
    }

    @Test
    void anOpportunityThatClosesWhileItWaitsForTheRankingIsNotTraded() {
        TradeLifecycle lifecycle = lifecycle("60", 20);

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));
        lifecycle.onOpportunity(new ArbitrageOpportunityClosed(
                "fed:K:1", Fixtures.PAIR_ID, Direction.KALSHI_YES_POLYMARKET_NO, 1, T0 + 1));
        time.advanceMillis(20);

        assertTrue(decided().isEmpty());
    }

    @Test
    void theMinimumAnnualisedReturnRefusesLowAndUnknownReturns() {
        control = control.withLimits(RiskLimits.DEFAULT.merge(Map.of("minAnnualizedReturn", "0.5")));
        TradeLifecycle lifecycle = lifecycle("10000", 0);

        lifecycle.onOpportunity(opportunity("fed:K:unknown", T0));
        lifecycle.onOpportunity(withReturn(opportunity("fed:K:low", T0), "0.300000"));
        lifecycle.onOpportunity(withReturn(opportunity("fed:K:high", T0), "0.800000"));

        assertEquals(
                "annualised return unknown (a market's resolution time is not known); minAnnualizedReturn 0.5 needs it",
                reported.get(0).reason());
        assertEquals(
                "annualised return 0.300000 (30 days to resolution) is below minAnnualizedReturn 0.5",
                reported.get(1).reason());
        assertEquals(TradeStatus.FILLED, reported.get(2).status());
    }
}

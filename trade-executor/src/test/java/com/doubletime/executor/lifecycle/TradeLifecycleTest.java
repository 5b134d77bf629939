package com.doubletime.executor.lifecycle;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Direction;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.MemoryJournal;
import com.doubletime.executor.fixtures.VirtualTime;
import com.doubletime.executor.paper.PaperVenue;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.risk.TradeDecider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The trade lifecycle without Vert.x, on a virtual clock and scheduler (as a backtest drives it): decision, the wait
 * for the books, the last look, a pluggable venue, the report, and the halt when the journal fails.
 */
class TradeLifecycleTest {
    private static final long LATER = T0 + 5_000_000L;

    private final VirtualTime time = new VirtualTime(T0 + 2_000_000L);
    private final CurrentPairs pairs = new CurrentPairs(List.of(Fixtures.PAIR));
    private final BookMirror books = new BookMirror(time);
    private final PositionBook positions = new PositionBook();
    private final TradingControl control = TradingControl.initial(ExecutionMode.PAPER, RiskLimits.DEFAULT);
    private final AtomicInteger decisions = new AtomicInteger();
    private final MemoryJournal journal = new MemoryJournal();
    private final List<TradeReport> reported = new ArrayList<>();

    TradeLifecycleTest() {
        standardBooksAt(T0);
    }

    private void standardBooksAt(long nanos) {
        books.apply(new MarketDataBatch(
                Platform.KALSHI,
                nanos,
                List.of(Fixtures.kalshi(
                        Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), nanos))));
        books.apply(new MarketDataBatch(
                Platform.POLYMARKET,
                nanos,
                List.of(
                        Fixtures.polymarket(Fixtures.NO_TOKEN, Fixtures.levels("0.52", "80", "0.53", "100"), nanos),
                        Fixtures.polymarket(Fixtures.YES_TOKEN, Fixtures.levels("0.65", "10"), nanos))));
    }

    private TradeLifecycle lifecycle(VenueStrategy venue) {
        return lifecycle(venue, journal, null);
    }

    private TradeLifecycle lifecycle(VenueStrategy venue, TradeJournal journal, Duration maxDecisionAge) {
        LastLook lastLook = new LastLook(() -> control, books);
        if (maxDecisionAge != null) {
            lastLook.withMaxDecisionAge(maxDecisionAge, time);
        }
        TradeDecider decider = new TradeDecider(
                pairs,
                () -> control,
                positions,
                Map.of(),
                Duration.ofSeconds(60),
                () -> "t" + decisions.incrementAndGet());
        return new TradeLifecycle(
                decider,
                lastLook,
                books,
                pairs,
                venue,
                journal,
                positions,
                new TradeHistory(100),
                time,
                time,
                reported::add);
    }

    /** The standard opportunity as the monitor saw it on books received at {@code bookNanos}. */
    private static ArbitrageOpportunityFound opportunity(String id, long bookNanos) {
        OrderbookSet monitorBooks = Fixtures.standardBooks();
        monitorBooks.apply(Fixtures.kalshi(
                Fixtures.levels("0.38", "20"), Fixtures.levels("0.40", "50", "0.42", "100"), bookNanos));
        return Fixtures.detect(monitorBooks, Direction.KALSHI_YES_POLYMARKET_NO, id, bookNanos);
    }

    @Test
    void tradesAPaperOpportunityFromDecisionToReportWithoutVertx() {
        TradeLifecycle lifecycle = lifecycle(new PaperVenue(books.books(), time));

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));

        TradeDecision decision = assertInstanceOf(TradeDecision.class, journal.entries.get(0));
        TradeReport report = assertInstanceOf(TradeReport.class, journal.entries.get(1));
        assertTrue(decision.accepted());
        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(List.of(report), reported, "reported once journaled");
        assertEquals(150, positions.position(Fixtures.PAIR_ID).hedged(), "counted in the positions");
    }

    @Test
    void aDecisionWaitsOnTheInjectedSchedulerUntilItsBooksCatchUp() {
        TradeLifecycle lifecycle = lifecycle(new PaperVenue(books.books(), time));

        lifecycle.onOpportunity(opportunity("fed:K:1", LATER)); // found on a Kalshi book this copy has not seen yet

        assertEquals(1, journal.entries.size(), "the decision only: waiting for the books");
        assertEquals(List.of(time.getAsLong() + BookMirror.CATCH_UP_MILLIS * 1_000_000), time.pendingDueNanos());
        time.advanceMillis(BookMirror.CATCH_UP_MILLIS - 1);
        assertTrue(reported.isEmpty());

        standardBooksAt(LATER);

        assertEquals(TradeStatus.FILLED, reported.get(0).status());
        assertTrue(time.pendingDueNanos().isEmpty(), "the wait's timer was cancelled");
    }

    @Test
    void aSimulatedVenueAnswersLaterAndTheReportFollowsOnTheExecutorsThread() {
        long latencyMillis = 7;
        VenueStrategy simulated = new VenueStrategy() {
            @Override
            public ExecutionMode mode() {
                return ExecutionMode.PAPER;
            }

            @Override
            public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
                // the orders reach the venue later and fill against its book then (a backtest's replayed book)
                CompletableFuture<TradeReport> answer = new CompletableFuture<>();
                time.schedule(
                        latencyMillis,
                        () -> answer.complete(PaperVenue.fill(decision, pair, books.books(), time.getAsLong())));
                return answer;
            }
        };
        TradeLifecycle lifecycle = lifecycle(simulated);
        long sentAt = time.getAsLong();

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));
        assertEquals(1, lifecycle.tradesInFlight());
        assertTrue(reported.isEmpty());
        time.advanceMillis(latencyMillis);

        TradeReport report = reported.get(0);
        assertEquals(TradeStatus.FILLED, report.status());
        assertEquals(sentAt + latencyMillis * 1_000_000, report.executedAtNanos());
        assertEquals(report, journal.entries.get(1));
        assertEquals(0, lifecycle.tradesInFlight());
    }

    @Test
    void theLastLookReadsThePairAsItIsNow() {
        TradeLifecycle lifecycle = lifecycle(new PaperVenue(books.books(), time));
        lifecycle.onOpportunity(opportunity("fed:K:1", LATER)); // waits for the books

        pairs.apply(new PairsChanged(List.of(), List.of(), List.of(Fixtures.PAIR)));
        time.advanceMillis(BookMirror.CATCH_UP_MILLIS);

        TradeReport report = reported.get(0);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals("pair '" + Fixtures.PAIR_ID + "' was removed before the orders were sent", report.reason());
    }

    @Test
    void aJournalFailureHaltsTradingUntilResumed() {
        TradeLifecycle lifecycle = lifecycle(new PaperVenue(books.books(), time));
        List<String> halts = new ArrayList<>();
        lifecycle.onHalt(halts::add);
        journal.fail(new IllegalStateException("disk full"));

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));
        lifecycle.onOpportunity(opportunity("fed:K:2", T0));

        assertEquals(
                "the trade journal failed (java.lang.IllegalStateException: disk full); trading is halted",
                lifecycle.haltedBecause());
        assertEquals(List.of(lifecycle.haltedBecause()), halts, "told once");
        assertEquals(1, decisions.get(), "no decision after the journal failed");
        assertTrue(reported.isEmpty());
        assertNull(positions.position(Fixtures.PAIR_ID));

        journal.fail(null);
        lifecycle.resume();
        lifecycle.onOpportunity(opportunity("fed:K:3", T0));
        assertEquals(TradeStatus.FILLED, reported.get(0).status());
    }

    @Test
    void aDecisionOlderThanTheConfiguredAgeAtItsLastLookIsRejectedAsStaleAndNeverSent() {
        AtomicInteger sent = new AtomicInteger();
        VenueStrategy venue = new VenueStrategy() {
            @Override
            public ExecutionMode mode() {
                return ExecutionMode.PAPER;
            }

            @Override
            public CompletionStage<TradeReport> execute(TradeDecision decision, MarketPair pair) {
                sent.incrementAndGet();
                return new PaperVenue(books.books(), time).execute(decision, pair);
            }
        };
        SlowJournal slow = new SlowJournal();
        TradeLifecycle lifecycle = lifecycle(venue, slow, Duration.ofMillis(250));

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));
        time.advanceMillis(251); // the decision's flush waited behind a backlog
        slow.completeAll();

        TradeReport report = reported.get(0);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals(
                "re-check before sending: the decision is 251 ms old, over the 250 ms limit (stale: its prices are no"
                        + " longer the market's)",
                report.reason());
        assertEquals(0, sent.get(), "never sent");
    }

    @Test
    void aDecisionWithinTheAgeIsSent() {
        SlowJournal slow = new SlowJournal();
        TradeLifecycle lifecycle = lifecycle(new PaperVenue(books.books(), time), slow, Duration.ofMillis(250));

        lifecycle.onOpportunity(opportunity("fed:K:1", T0));
        time.advanceMillis(200);
        slow.completeAll();

        assertEquals(TradeStatus.FILLED, reported.get(0).status());
    }

    /** A journal whose writes complete when the test says (a slow flush, a backlog). */
    private static final class SlowJournal implements TradeJournal {
        private final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public CompletionStage<Void> append(JournalEntry entry) {
            CompletableFuture<Void> written = new CompletableFuture<>();
            pending.add(written);
            return written;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).complete(null);
            }
        }
    }
}

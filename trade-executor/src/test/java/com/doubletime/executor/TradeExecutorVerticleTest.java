package com.doubletime.executor;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.TradesQuery;
import com.doubletime.domain.Direction;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.fixtures.ControlledRepository;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.journal.TradeRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TradeExecutorVerticleTest {
    private static final long NOW = ExecutorHarness.NOW;
    private final ExecutorHarness executor = new ExecutorHarness();
    private final Vertx vertx = executor.vertx;
    private final BlockingQueue<TradeReport> published = executor.trades;

    @TempDir
    Path dir;

    TradeExecutorVerticleTest() throws Exception {}

    @AfterEach
    void closeVertx() throws Exception {
        executor.close();
    }

    private void deploy(ExecutorConfig config, TradeRepository repository) throws Exception {
        executor.deployPaper(config, List.of(Fixtures.PAIR), repository);
    }

    /** Publishes the standard books, then waits for the executor to have applied them. */
    private void publishStandardBooks() throws Exception {
        executor.publishStandardBooks();
    }

    private static ArbitrageOpportunityFound opportunity(String id) {
        return Fixtures.detect(Fixtures.standardBooks(), Direction.KALSHI_YES_POLYMARKET_NO, id, T0);
    }

    private List<TradeReport> query(TradesQuery request) throws Exception {
        return executor.recentTrades(request);
    }

    @Test
    void publishesTheTradeOnlyAfterItsJournalWrites() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));

        ControlledRepository.Pending decision = journal.next();
        TradeDecision decided = assertInstanceOf(TradeDecision.class, decision.entry());
        assertTrue(decided.accepted());
        assertNull(published.poll(200, TimeUnit.MILLISECONDS), "nothing published before the decision is journaled");
        decision.complete();

        ControlledRepository.Pending fill = journal.next();
        TradeReport journaled = assertInstanceOf(TradeReport.class, fill.entry());
        assertEquals(TradeStatus.FILLED, journaled.status());
        assertNull(published.poll(200, TimeUnit.MILLISECONDS), "nothing published before the fill is journaled");
        fill.complete();

        TradeReport report = published.poll(5, TimeUnit.SECONDS);
        assertEquals(journaled, report);
        assertEquals(decided.tradeId(), report.tradeId());
        assertEquals(0, new BigDecimal("5.2538").compareTo(report.realisedEdge()));
    }

    @Test
    void paperRejectsAnOpportunityTheBooksNoLongerHoldRatherThanFillingOneLeg() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        ControlledRepository.Pending decision = journal.next();
        assertTrue(assertInstanceOf(TradeDecision.class, decision.entry()).accepted());
        // the Polymarket side is taken before the (simulated) orders go out
        vertx.eventBus()
                .publish(
                        Addresses.MARKET_DATA,
                        new MarketDataBatch(
                                Platform.POLYMARKET,
                                T0 + 1,
                                List.of(Fixtures.polymarket(
                                        Fixtures.NO_TOKEN, Fixtures.levels("0.60", "80"), T0 + 1))));
        query(TradesQuery.ALL); // barrier: the executor has applied the new book
        decision.complete();

        ControlledRepository.Pending outcome = journal.next();
        TradeReport report = assertInstanceOf(TradeReport.class, outcome.entry());
        assertEquals(TradeStatus.REJECTED, report.status());
        assertTrue(report.reason().startsWith("re-check before sending: polymarket book"), report.reason());
        assertEquals(0, report.kalshi().filledQuantity(), "no leg was filled");
        outcome.complete();
        assertEquals(report, published.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void tradesAnOpportunityOnceHoweverOftenItIsUpdated() throws Exception {
        ControlledRepository journal = ControlledRepository.automatic(List.of());
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        ArbitrageOpportunityFound first = opportunity("fed:K:1");
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, first);
        vertx.eventBus()
                .publish(
                        Addresses.OPPORTUNITIES,
                        new ArbitrageOpportunityFound(first.id(), first.opportunity(), T0 + 1));
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:2"));

        TradeReport a = published.poll(5, TimeUnit.SECONDS);
        TradeReport b = published.poll(5, TimeUnit.SECONDS);
        assertEquals(List.of("fed:K:1", "fed:K:2"), List.of(a.opportunityId(), b.opportunityId()));
        assertNull(published.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(4, journal.pending.size(), "two decisions and two fills");
    }

    @Test
    void journalsAndPublishesARejectionWithItsReason() throws Exception {
        ControlledRepository journal = ControlledRepository.automatic(List.of());
        deploy(Fixtures.config("1000"), journal);
        // no market data at all: the executor has no books

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));

        TradeReport report = published.poll(5, TimeUnit.SECONDS);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals("kalshi book " + Fixtures.TICKER + " has no snapshot", report.reason());
        TradeDecision decision =
                assertInstanceOf(TradeDecision.class, journal.next().entry());
        assertFalse(decision.accepted());
        assertEquals(report.reason(), decision.reason());
    }

    @Test
    void answersTradesQueryWithRecentTradesIncludingThoseReadFromTheJournal() throws Exception {
        TradeReport earlier = JournalSamples.PAPER_REPORT;
        deploy(
                Fixtures.config("1000"),
                ControlledRepository.automatic(List.of(JournalSamples.PAPER_DECISION, earlier)));
        publishStandardBooks();
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:9"));
        TradeReport latest = published.poll(5, TimeUnit.SECONDS);

        List<TradeReport> all = query(TradesQuery.ALL);
        List<TradeReport> last = query(new TradesQuery(1));

        assertEquals(2, all.size());
        assertEquals(earlier.tradeId(), all.get(0).tradeId());
        assertEquals(latest, all.get(1));
        assertEquals(1, last.size());
        assertEquals(latest.tradeId(), last.get(0).tradeId());
        assertEquals("fed:K:9", last.get(0).opportunityId());
    }

    @Test
    void stopsTradingWhenTheJournalFails() throws Exception {
        ControlledRepository journal = ControlledRepository.failing();
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        journal.next();
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:2"));
        query(TradesQuery.ALL);

        assertNull(published.poll(200, TimeUnit.MILLISECONDS));
        assertTrue(journal.pending.isEmpty(), "no decision after the journal failed");
    }

    @Test
    void refusesToStartInLiveModeWithoutBothVenuesNamingWhatIsMissing() {
        ExecutorConfig live = new ExecutorConfig(ExecutionMode.LIVE, new BigDecimal("1000"), dir.resolve("t.jsonl"));

        Exception failure = assertThrows(Exception.class, () -> deploy(live, null));

        assertTrue(
                failure.getMessage()
                        .contains("live mode needs kalshi order gateway (credentials) and polymarket order "
                                + "gateway (credentials)"),
                failure.getMessage());
    }

    @Test
    void writesDecisionAndFillToTheJsonLinesJournalBeforePublishing() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        ExecutorConfig config = new ExecutorConfig(ExecutionMode.PAPER, new BigDecimal("1000"), journal);
        vertx.deployVerticle(new TradeExecutorVerticle(config, List.of(Fixtures.PAIR), null, () -> NOW))
                .await(10, TimeUnit.SECONDS);
        publishStandardBooks();
        // read the file the moment the report arrives, on the bus thread that delivers it
        BlockingQueue<List<String>> fileWhenPublished = new LinkedBlockingQueue<>();
        vertx.eventBus()
                .<TradeReport>consumer(Addresses.TRADES, m -> {
                    try {
                        fileWhenPublished.add(Files.readAllLines(journal));
                    } catch (IOException e) {
                        fileWhenPublished.add(List.of(e.toString()));
                    }
                })
                .completion()
                .await(5, TimeUnit.SECONDS);

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));

        List<String> lines = fileWhenPublished.poll(5, TimeUnit.SECONDS);
        assertEquals(2, lines.size());
        assertEquals("trade_decision", new JsonObject(lines.get(0)).getString("type"));
        assertEquals("trade", new JsonObject(lines.get(1)).getString("type"));
    }
}

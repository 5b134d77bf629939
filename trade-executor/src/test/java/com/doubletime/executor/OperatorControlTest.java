package com.doubletime.executor;

import static com.doubletime.executor.fixtures.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.bus.protocol.PositionsQuery;
import com.doubletime.bus.protocol.PositionsReport;
import com.doubletime.domain.Direction;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.ControlledRepository;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.JournalSamples;
import com.doubletime.executor.journal.TradeRepository;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The operator's controls on the executor: kill switch, pause, risk limits, positions, pair changes. */
@Timeout(30)
class OperatorControlTest {
    private static final long NOW = ExecutorHarness.NOW;
    private final ExecutorHarness executor = new ExecutorHarness();
    private final Vertx vertx = executor.vertx;
    private final BlockingQueue<TradeReport> published = executor.trades;

    @TempDir
    Path dir;

    OperatorControlTest() throws Exception {}

    @AfterEach
    void closeVertx() throws Exception {
        executor.close();
    }

    private String deploy(ExecutorConfig config, TradeRepository repository) throws Exception {
        return executor.deployPaper(config, List.of(Fixtures.PAIR), repository);
    }

    private void publishStandardBooks() throws Exception {
        executor.publishStandardBooks();
    }

    private static ArbitrageOpportunityFound opportunity(String id) {
        return Fixtures.detect(Fixtures.standardBooks(), Direction.KALSHI_YES_POLYMARKET_NO, id, T0);
    }

    private TradingControl control(ControlCommand command) throws Exception {
        return executor.control(command);
    }

    private Object send(ControlCommand command) throws Exception {
        return executor.send(command);
    }

    @Test
    void killSwitchStopsTheNextOpportunityEvenBeforeItIsJournaled() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        vertx.eventBus().request(Addresses.CONTROL, new ControlCommand.KillSwitch(true, null));
        ControlledRepository.Pending killed = journal.next(); // its journal write is still in flight
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));

        TradeDecision decision =
                assertInstanceOf(TradeDecision.class, journal.next().entry());
        assertFalse(decision.accepted());
        assertEquals("the kill switch is on", decision.reason());
        ControlChange change = assertInstanceOf(ControlChange.class, killed.entry());
        assertEquals("kill-switch-on", change.action());
        assertTrue(change.state().killSwitch());
    }

    @Test
    void killSwitchIsJournaledReportedAndPublishedAsTheNewState() throws Exception {
        ControlledRepository journal = ControlledRepository.automatic(List.of());
        deploy(Fixtures.config("1000"), journal);
        BlockingQueue<TradingControl> events = new LinkedBlockingQueue<>();
        vertx.eventBus()
                .<TradingControl>consumer(Addresses.CONTROL_EVENTS, m -> events.add(m.body()))
                .completion()
                .await(5, TimeUnit.SECONDS);

        TradingControl state = control(new ControlCommand.KillSwitch(true, null));

        assertTrue(state.killSwitch());
        assertEquals("the kill switch is on", state.blockedBecause());
        assertEquals(ExecutionMode.PAPER, state.mode());
        assertEquals(state, events.poll(5, TimeUnit.SECONDS));
        assertInstanceOf(ControlChange.class, journal.next().entry());
        assertFalse(control(new ControlCommand.KillSwitch(false, null)).killSwitch());
    }

    @Test
    void aTradeDecidedBeforeTheKillSwitchSendsNoOrder() throws Exception {
        ControlledRepository journal = ControlledRepository.manual();
        deploy(Fixtures.config("1000"), journal);
        publishStandardBooks();

        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        ControlledRepository.Pending decision = journal.next();
        assertTrue(((TradeDecision) decision.entry()).accepted());
        vertx.eventBus().request(Addresses.CONTROL, new ControlCommand.KillSwitch(true, null));
        journal.next().complete();
        decision.complete();

        TradeReport fill = assertInstanceOf(TradeReport.class, journal.next().entry());
        assertEquals(TradeStatus.REJECTED, fill.status());
        assertEquals("the kill switch was turned on before the orders were sent", fill.reason());
    }

    @Test
    void pauseRejectsAndResumeTradesAgain() throws Exception {
        deploy(Fixtures.config("1000"), ControlledRepository.automatic(List.of()));
        publishStandardBooks();

        assertTrue(control(new ControlCommand.Pause(null)).paused());
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        assertEquals("trading is paused", published.poll(5, TimeUnit.SECONDS).reason());

        control(new ControlCommand.Resume(null));
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:2"));
        assertEquals(TradeStatus.FILLED, published.poll(5, TimeUnit.SECONDS).status());
    }

    @Test
    void riskLimitsUpdateIsValidatedAndApplied() throws Exception {
        deploy(Fixtures.config("1000"), ControlledRepository.automatic(List.of()));
        publishStandardBooks();

        ControlRefused unknown = assertInstanceOf(
                ControlRefused.class,
                send(new ControlCommand.ChangeRiskLimits(Map.of("maxNotionalPerTrde", "5"), null)));
        assertEquals(400, unknown.status());
        assertEquals("maxNotionalPerTrde", unknown.field());

        TradingControl state = control(new ControlCommand.ChangeRiskLimits(Map.of("maxNotionalPerTrade", "50"), null));
        assertEquals(new BigDecimal("50"), state.limits().maxNotionalPerTrade());
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        TradeReport report = published.poll(5, TimeUnit.SECONDS);
        assertEquals(TradeStatus.FILLED, report.status());
        assertTrue(report.kalshi().requestedQuantity() < 150, "reduced by the new max notional");
        assertTrue(
                report.totalCost().compareTo(new BigDecimal("50")) <= 0,
                report.totalCost().toPlainString());
    }

    @Test
    void killSwitchStaysOnAcrossARestart() throws Exception {
        ExecutorConfig config = new ExecutorConfig(ExecutionMode.PAPER, new BigDecimal("1000"), dir.resolve("t.jsonl"));
        String first = vertx.deployVerticle(new TradeExecutorVerticle(config, List.of(Fixtures.PAIR), null, () -> NOW))
                .await(10, TimeUnit.SECONDS);
        control(new ControlCommand.KillSwitch(true, null));
        vertx.undeploy(first).await(10, TimeUnit.SECONDS);

        vertx.deployVerticle(new TradeExecutorVerticle(config, List.of(Fixtures.PAIR), null, () -> NOW))
                .await(10, TimeUnit.SECONDS);

        assertTrue(control(new ControlCommand.Status()).killSwitch());
    }

    @Test
    void positionsAndPnlFollowTheTrades() throws Exception {
        deploy(Fixtures.config("1000"), ControlledRepository.automatic(List.of(JournalSamples.PAPER_REPORT)));
        publishStandardBooks();
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));
        TradeReport trade = published.poll(5, TimeUnit.SECONDS);

        PositionsReport positions = vertx.eventBus()
                .<PositionsReport>request(Addresses.POSITIONS_QUERY, PositionsQuery.INSTANCE)
                .await(5, TimeUnit.SECONDS)
                .body();

        PositionsReport.PairPosition pair = positions.pairs().get(0);
        assertEquals(Fixtures.PAIR_ID, pair.pairId());
        long kalshiYes = JournalSamples.PAPER_REPORT.kalshi().order().outcome() == Outcome.YES
                ? JournalSamples.PAPER_REPORT.kalshi().filledQuantity()
                : 0;
        assertEquals(kalshiYes + trade.kalshi().filledQuantity(), pair.kalshiYes());
        BigDecimal edge = JournalSamples.PAPER_REPORT.realisedEdge().add(trade.realisedEdge());
        assertEquals(0, edge.compareTo(positions.totalLockedInEdge()));
    }

    @Test
    void aRemovedPairIsNotTraded() throws Exception {
        deploy(Fixtures.config("1000"), ControlledRepository.automatic(List.of()));
        publishStandardBooks();

        vertx.eventBus()
                .publish(Addresses.PAIRS_CHANGED, new PairsChanged(List.of(), List.of(), List.of(Fixtures.PAIR)));
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, opportunity("fed:K:1"));

        TradeReport report = published.poll(5, TimeUnit.SECONDS);
        assertEquals(TradeStatus.REJECTED, report.status());
        assertEquals("unknown pair '" + Fixtures.PAIR_ID + "'", report.reason());
        assertNull(published.poll(100, TimeUnit.MILLISECONDS));
    }
}

package com.doubletime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlNotRecorded;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeDecision;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.fixtures.ExecutorHarness;
import com.doubletime.executor.fixtures.Fixtures;
import com.doubletime.executor.fixtures.FlakyRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14 "a halted executor looks healthy" and issue 19 "database outages", at the executor: a journal whose writes
 * fail (a full disk) or stop answering halts trading visibly — the control state says why, one alert is published —
 * while the kill switch still takes effect and says it is not persisted; what could not be written is held and
 * written in order once the journal is back, and trading resumes (or waits for an operator, by configuration).
 */
@Timeout(60)
class JournalOutageTest {
    private static final Duration MAX_DECISION_AGE = Duration.ofMillis(250);
    private static final long RETRY_MILLIS = 100;
    private static final long STALL_MILLIS = 300;

    private final ExecutorHarness executor = new ExecutorHarness();
    private final FlakyRepository store = new FlakyRepository();
    private final BlockingQueue<TradingControl> controlEvents = new LinkedBlockingQueue<>();

    JournalOutageTest() throws Exception {
        executor.vertx
                .eventBus()
                .<TradingControl>consumer(Addresses.CONTROL_EVENTS, m -> controlEvents.add(m.body()))
                .completion()
                .await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private void deploy(boolean resumeAfterOutage) throws Exception {
        executor.deployPaper(
                Fixtures.config("1000")
                        .withFailClosed(new FailClosedSettings(
                                MAX_DECISION_AGE, RETRY_MILLIS, STALL_MILLIS, resumeAfterOutage)),
                List.of(Fixtures.PAIR),
                store);
        executor.publishStandardBooks();
    }

    private TradingControl nextControl(Predicate<TradingControl> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            TradingControl state = controlEvents.poll(100, TimeUnit.MILLISECONDS);
            if (state != null && wanted.test(state)) {
                return state;
            }
        }
        throw new AssertionError("no such control event; status " + executor.send(new ControlCommand.Status()));
    }

    private List<ExecutionAlert> alerts(ExecutionAlert.AlertKind kind) {
        List<ExecutionAlert> found = new ArrayList<>();
        for (JournalEntry entry : new ArrayList<>(executor.execution)) {
            if (entry instanceof ExecutionAlert alert && alert.kind() == kind) {
                found.add(alert);
            }
        }
        return found;
    }

    private TradingControl haltedByAFullDisk() throws Exception {
        deploy(true);
        store.down();
        executor.publishOpportunity("fed:K:1");
        return nextControl(state -> state.haltedBecause() != null);
    }

    @Test
    void aJournalThatFailsHaltsTradingVisiblyWithOneAlertAndNoFurtherDecisions() throws Exception {
        TradingControl halted = haltedByAFullDisk();

        assertTrue(halted.haltedBecause().startsWith("the trade journal failed: No space left on device"));
        assertEquals(halted.haltedBecause(), halted.blockedBecause());
        TradingControl status = executor.control(new ControlCommand.Status());
        assertEquals(halted.haltedBecause(), status.blockedBecause(), "GET /api/control says so");
        for (int i = 2; i <= 200; i++) {
            executor.publishOpportunity("fed:K:" + i);
        }
        executor.barrier();
        Thread.sleep(3 * RETRY_MILLIS); // retries come and go; the halt is announced once
        executor.barrier();
        assertEquals(1, alerts(ExecutionAlert.AlertKind.TRADING_HALTED).size(), "one alert");
        assertNull(executor.trades.poll(100, TimeUnit.MILLISECONDS), "nothing reported");
        store.up();
        nextControl(state -> state.haltedBecause() == null);
        long decisions = store.recorded().stream()
                .filter(TradeDecision.class::isInstance)
                .count();
        assertEquals(1, decisions, "opportunities during the halt were not decided (nor queued)");
    }

    @Test
    void anExecutorFencedOutByANewerEpochHaltsForGoodRetriesNothingAndNeverResumes() throws Exception {
        deploy(true);
        store.fenceOut();
        executor.publishOpportunity("fed:K:1");

        TradingControl halted = nextControl(state -> state.haltedBecause() != null);
        int attempts = store.attempts();
        Thread.sleep(5 * RETRY_MILLIS);
        store.up(); // whatever the store says now, this executor's epoch is gone for good
        Thread.sleep(5 * RETRY_MILLIS);
        executor.barrier();

        assertTrue(halted.haltedBecause().contains("epoch 2 was claimed by executor-b"), halted.haltedBecause());
        assertTrue(halted.haltedBecause().endsWith("halted on this instance for good (another executor is active)"));
        assertEquals(attempts, store.attempts(), "nothing held is sent again");
        assertEquals(1, alerts(ExecutionAlert.AlertKind.TRADING_HALTED).size(), "one alert, published");
        assertTrue(executor.control(new ControlCommand.Status()).haltedBecause() != null, "never resumes");
        assertNull(executor.trades.poll(100, TimeUnit.MILLISECONDS), "nothing reported");
        assertTrue(store.recorded().stream().noneMatch(TradeDecision.class::isInstance), "nothing recorded");
    }

    @Test
    void theKillSwitchTakesEffectWhileTheJournalIsDownAndSaysItIsNotPersisted() throws Exception {
        haltedByAFullDisk();

        ControlNotRecorded answer =
                assertInstanceOf(ControlNotRecorded.class, executor.send(new ControlCommand.KillSwitch(true, "disk")));

        assertTrue(answer.state().killSwitch());
        assertTrue(answer.warning().contains("kill-switch-on is in force but the trade journal is unavailable"));
        assertTrue(executor.control(new ControlCommand.Status()).killSwitch());
        ControlRefused resume =
                assertInstanceOf(ControlRefused.class, executor.send(new ControlCommand.KillSwitch(false, null)));
        assertEquals(ControlRefused.JOURNAL_UNAVAILABLE, resume.status());
        assertTrue(executor.control(new ControlCommand.Status()).killSwitch(), "a loosening command changes nothing");
    }

    @Test
    void whenTheJournalIsBackEverythingHeldIsWrittenInOrderAndTradingResumes() throws Exception {
        haltedByAFullDisk();
        executor.send(new ControlCommand.KillSwitch(true, "while the disk is full"));

        store.up();

        TradingControl back = nextControl(state -> state.haltedBecause() == null);
        assertTrue(back.killSwitch(), "the operator's kill switch stays");
        List<JournalEntry> recorded = store.recorded();
        TradeDecision decision = assertInstanceOf(TradeDecision.class, recorded.get(0));
        assertEquals(
                ExecutionAlert.AlertKind.TRADING_HALTED,
                assertInstanceOf(ExecutionAlert.class, recorded.get(1)).kind());
        assertEquals(
                "kill-switch-on",
                assertInstanceOf(ControlChange.class, recorded.get(2)).action());
        TradeReport report = executor.nextTrade();
        assertEquals(decision.tradeId(), report.tradeId());
        assertEquals(TradeStatus.REJECTED, report.status(), "decided before the halt, never sent");
        assertTrue(recorded.contains(report) || store.recorded().contains(report), "journaled");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alerts(ExecutionAlert.AlertKind.TRADING_RESUMED).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "a resumed alert is published");
            Thread.sleep(20);
        }

        executor.control(new ControlCommand.KillSwitch(false, "disk freed"));
        executor.publishOpportunity("fed:K:2");
        assertEquals(TradeStatus.FILLED, executor.nextTrade().status());
    }

    @Test
    void afterAnOutageTheExecutorWaitsForAnOperatorWhenConfiguredTo() throws Exception {
        deploy(false);
        store.down();
        executor.publishOpportunity("fed:K:1");
        nextControl(state -> state.haltedBecause() != null);

        store.up();

        TradingControl waiting = nextControl(state ->
                state.haltedBecause() != null && state.haltedBecause().contains("trading waits for an operator"));
        assertTrue(waiting.haltedBecause().contains("the trade journal records again after"), waiting.haltedBecause());
        assertEquals(TradeStatus.REJECTED, executor.nextTrade().status());
        executor.publishOpportunity("fed:K:2");
        executor.barrier();
        assertNull(executor.trades.poll(200, TimeUnit.MILLISECONDS), "still halted");

        TradingControl acknowledged = executor.control(new ControlCommand.Acknowledge("db back, checked"));

        assertNull(acknowledged.blockedBecause());
        assertTrue(store.recorded().stream()
                .anyMatch(e -> e instanceof ControlChange c
                        && c.action().equals("acknowledge")
                        && c.reason().startsWith("db back, checked; acknowledged: ")));
        executor.publishOpportunity("fed:K:3");
        assertEquals(TradeStatus.FILLED, executor.nextTrade().status());
    }

    @Test
    void aJournalThatStopsAnsweringIsAnOutageToo() throws Exception {
        deploy(true);
        store.hang();
        executor.publishOpportunity("fed:K:1");

        TradingControl halted = nextControl(state -> state.haltedBecause() != null);
        assertTrue(
                halted.haltedBecause().startsWith("the trade journal has not answered a write for "),
                halted.haltedBecause());
        ControlNotRecorded kill =
                assertInstanceOf(ControlNotRecorded.class, executor.send(new ControlCommand.KillSwitch(true, null)));
        assertTrue(kill.state().killSwitch());

        store.up();

        assertFalse(nextControl(state -> state.haltedBecause() == null).paused());
        assertEquals(TradeStatus.REJECTED, executor.nextTrade().status());
        assertTrue(
                store.recorded().stream()
                        .anyMatch(e -> e instanceof ControlChange c && c.state().killSwitch()),
                "the kill switch is recorded once the journal answers");
    }
}

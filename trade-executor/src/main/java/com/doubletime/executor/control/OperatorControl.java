package com.doubletime.executor.control;

import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlNotRecorded;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.InvalidFieldException;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.lifecycle.Scheduler;
import com.doubletime.executor.lifecycle.TradeJournal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The operator's controls on the executor, without Vert.x: pause, resume, the kill switch and the global risk
 * limits. It owns the current {@link TradingControl}; the decision and the last look read it.
 *
 * <p>Every change is journaled with the whole state it produces, so a restart comes back as the operator left it
 * (a kill switch stays on). Stopping (pause, kill switch on) takes effect <em>before</em> the journal write, so no
 * opportunity handled after the command arrived can trade, and stays in effect if the write fails; loosening
 * (resume, kill switch off, new limits) takes effect only once recorded. Limits are validated by
 * {@link RiskLimits#merge}, which names the field that is wrong. Single writer: the executor's thread.
 *
 * <p>The executor's own stops are folded into the state it shows ({@link TradingControl#haltedBecause}):
 * <ul>
 *   <li>a <b>damaged journal</b> found at start ({@link #damaged}): the kill switch is on, and cannot be turned off,
 *       until an operator acknowledges the damage ({@link ControlCommand.Acknowledge}, journaled);</li>
 *   <li>a <b>journal that is unavailable</b> ({@link #journalUnavailable}): trading is halted; a stopping command is
 *       in force at once and answered as not recorded ({@link ControlNotRecorded}: written once the journal is
 *       back), a loosening one is refused (503) and changes nothing;</li>
 *   <li>a journal <b>back after an outage</b> while the executor is configured to wait for an operator
 *       ({@link #journalBack}): halted until acknowledged.</li>
 * </ul>
 * A stopping command whose write has not completed within {@link #ANSWER_WITHIN_MILLIS} is answered then, in force
 * and flagged as not recorded yet, so an operator is never left without an answer by a stalled journal.
 */
public final class OperatorControl {
    /** How long a stopping command's answer waits for its journal write before saying it is not recorded yet. */
    public static final long ANSWER_WITHIN_MILLIS = 1_000;

    private static final System.Logger LOG = System.getLogger(OperatorControl.class.getName());

    private final TradeJournal journal;
    private final LongSupplier clock;
    private final Scheduler scheduler;
    /** What the operator set (journaled); {@link #current} adds the executor's own stops. */
    private TradingControl operator;
    /** The damaged journal not yet acknowledged, or null. */
    private String damage;
    /** Why the journal halted trading (unavailable, or back and awaiting an operator), or null. */
    private String journalHalt;

    private boolean journalDown;
    private boolean awaitingOperator;

    public OperatorControl(TradingControl initial, TradeJournal journal, LongSupplier clock) {
        this(initial, journal, clock, null);
    }

    /** @param scheduler bounds how long a stopping command's answer waits for the journal (null: no bound) */
    public OperatorControl(TradingControl initial, TradeJournal journal, LongSupplier clock, Scheduler scheduler) {
        this.operator = initial;
        this.journal = journal;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The state in force: the operator's, with the executor's own stops. */
    public TradingControl current() {
        if (damage == null && journalHalt == null) {
            return operator;
        }
        TradingControl state = damage == null ? operator : operator.withKillSwitch(true);
        return state.withHalt(journalHalt != null ? journalHalt : damage);
    }

    /** Why the journal halted trading (outage, or awaiting an operator after one), or null. */
    public String journalHalt() {
        return journalHalt;
    }

    /**
     * The state the journal's last control change left (start-up), in this run's mode: the journaled mode is
     * history, this run's comes from its configuration.
     */
    public void restore(TradingControl journaled, ExecutionMode mode) {
        operator = new TradingControl(mode, journaled.paused(), journaled.killSwitch(), journaled.limits());
        if (operator.blockedBecause() != null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "trade executor starts with trading stopped: " + operator.blockedBecause() + " (as journaled)");
        }
    }

    /**
     * Start-up found lines (or rows) of the journal that cannot be read: the kill switch is on until an operator
     * acknowledges them.
     */
    public void damaged(String what) {
        damage = "the trade journal is damaged: " + what + "; the kill switch stays on until an operator checks it and"
                + " acknowledges it (POST /api/control/acknowledge)";
        LOG.log(System.Logger.Level.ERROR, "trade executor starts with the kill switch on: " + damage);
    }

    /**
     * Start-up could not read the venues' order records, so orders the journal lost cannot be ruled out: the kill
     * switch is on until an operator checks the venues and acknowledges, as for a damaged journal.
     */
    public void venuesUnchecked(String what) {
        damage = what + "; the kill switch stays on until an operator checks the venues' orders against the journal and"
                + " acknowledges (POST /api/control/acknowledge)";
        LOG.log(System.Logger.Level.ERROR, "trade executor starts with the kill switch on: " + damage);
    }

    /** The journal failed or stopped answering: trading halts until it is back. */
    public void journalUnavailable(String reason) {
        journalDown = true;
        journalHalt = reason;
    }

    /**
     * The journal records again: trading resumes, or waits for an operator's acknowledgement when
     * {@code awaitOperator}.
     */
    public void journalBack(String reason, boolean awaitOperator) {
        journalDown = false;
        awaitingOperator = awaitOperator;
        journalHalt = awaitOperator ? reason : null;
    }

    /**
     * Applies a command; completes with the answer: the resulting state once journaled (the current one for a
     * status request), the state in force and why it is not recorded, or a {@link ControlRefused} (a bad limit:
     * 400 naming the field; a damaged journal not acknowledged: 409; the journal failed: 500 or is unavailable: 503).
     */
    public CompletionStage<Answer> apply(ControlCommand command) {
        if (command instanceof ControlCommand.Acknowledge acknowledge) {
            return acknowledge(acknowledge);
        }
        TradingControl next;
        try {
            next = next(command);
        } catch (InvalidFieldException e) {
            return CompletableFuture.completedFuture(
                    Answer.refused(new ControlRefused(ControlRefused.INVALID, e.getMessage(), e.field())));
        }
        if (next == null) {
            return CompletableFuture.completedFuture(new Answer(current(), null, false, null));
        }
        String action = command.action();
        String reason = command.reason();
        boolean stopping = command.stops();
        if (damage != null && command instanceof ControlCommand.KillSwitch kill && !kill.on()) {
            return CompletableFuture.completedFuture(Answer.refused(new ControlRefused(
                    ControlRefused.CONFLICT, damage + "; the kill switch cannot be turned off before that", null)));
        }
        if (!stopping && journalDown) {
            return CompletableFuture.completedFuture(Answer.refused(new ControlRefused(
                    ControlRefused.JOURNAL_UNAVAILABLE,
                    "the trade journal is unavailable, so " + action + " was not applied (nothing changed): "
                            + journalHalt,
                    null)));
        }
        if (stopping) {
            operator = next; // at once: the next opportunity on this thread is refused
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        if (stopping && journalDown) {
            answer.complete(notRecorded(
                    action + " is in force but the trade journal is unavailable, so it is not recorded yet: it is"
                            + " written once the journal is back, and lost if the executor stops before ("
                            + journalHalt + ")"));
        } else if (stopping && scheduler != null) {
            scheduler.schedule(
                    ANSWER_WITHIN_MILLIS,
                    () -> answer.complete(notRecorded(action + " is in force but the trade journal has not recorded it"
                            + " within " + ANSWER_WITHIN_MILLIS + " ms: it is recorded when the journal answers, and"
                            + " lost if the executor stops before")));
        }
        journal.append(new ControlChange(action, next, reason, clock.getAsLong()))
                .whenComplete((recorded, failure) -> {
                    if (failure != null) {
                        LOG.log(
                                System.Logger.Level.ERROR,
                                "journal write of operator action " + action + " failed"
                                        + (stopping ? "; the stop stays in effect" : "; not applied"),
                                failure);
                        answer.complete(
                                stopping
                                        ? notRecorded("the trade journal could not record " + action + " ("
                                                + failure.getMessage() + "): it is in force but not persisted, so a"
                                                + " restart would come back without it")
                                        : Answer.refused(new ControlRefused(
                                                ControlRefused.NOT_RECORDED,
                                                "the trade journal could not record " + action + " ("
                                                        + failure.getMessage() + "); nothing was changed",
                                                null)));
                        return;
                    }
                    if (!stopping) {
                        operator = next;
                    }
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "operator: " + action + (reason == null ? "" : " (" + reason + ")") + "; trading "
                                    + (current().blockedBecause() == null
                                            ? "allowed"
                                            : "stopped: " + current().blockedBecause())
                                    + (answer.isDone() ? " (recorded late)" : ""));
                    answer.complete(new Answer(current(), null, true, null));
                });
        return answer;
    }

    /**
     * Clears what the executor stopped for and waits on an operator for (a damaged journal, a journal back after an
     * outage), once the acknowledgement is journaled; the operator's own controls stay as they are.
     */
    private CompletionStage<Answer> acknowledge(ControlCommand.Acknowledge command) {
        String what = damage != null ? damage : awaitingOperator ? journalHalt : null;
        if (what == null) {
            return CompletableFuture.completedFuture(Answer.refused(new ControlRefused(
                    ControlRefused.CONFLICT,
                    "nothing to acknowledge: the journal is not damaged and no journal outage awaits an operator"
                            + (journalDown ? " (the journal is still unavailable: " + journalHalt + ")" : ""),
                    null)));
        }
        if (journalDown) {
            return CompletableFuture.completedFuture(Answer.refused(new ControlRefused(
                    ControlRefused.JOURNAL_UNAVAILABLE,
                    "the trade journal is unavailable, so the acknowledgement cannot be recorded: " + journalHalt,
                    null)));
        }
        String reason = (command.reason() == null ? "" : command.reason() + "; ") + "acknowledged: " + what;
        return journal.append(new ControlChange(command.action(), operator, reason, clock.getAsLong()))
                .handle((recorded, failure) -> {
                    if (failure != null) {
                        return Answer.refused(new ControlRefused(
                                ControlRefused.NOT_RECORDED,
                                "the trade journal could not record the acknowledgement (" + failure.getMessage()
                                        + "); nothing was changed",
                                null));
                    }
                    if (what.equals(damage)) {
                        damage = null;
                    } else {
                        awaitingOperator = false;
                        journalHalt = null;
                    }
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "operator: " + reason + "; trading "
                                    + (current().blockedBecause() == null
                                            ? "allowed"
                                            : "stopped: " + current().blockedBecause()));
                    return new Answer(current(), null, true, null);
                });
    }

    private Answer notRecorded(String warning) {
        LOG.log(System.Logger.Level.ERROR, warning);
        return new Answer(current(), null, true, warning);
    }

    /** The state the command asks for, or null for a status request. */
    private TradingControl next(ControlCommand command) {
        if (command instanceof ControlCommand.Pause) {
            return operator.withPaused(true);
        }
        if (command instanceof ControlCommand.Resume) {
            return operator.withPaused(false);
        }
        if (command instanceof ControlCommand.KillSwitch kill) {
            return operator.withKillSwitch(kill.on());
        }
        if (command instanceof ControlCommand.ChangeRiskLimits limits) {
            return operator.withLimits(operator.limits().merge(limits.changes()));
        }
        return null;
    }

    /**
     * What the operator is told: the state, or why the command was refused; {@code changed} when the state
     * changed (and so is announced to every listener, not only the one who asked); {@code notRecorded} when the
     * state is in force but the journal has not recorded it (why), else null.
     */
    public record Answer(TradingControl state, ControlRefused refused, boolean changed, String notRecorded) {
        static Answer refused(ControlRefused refused) {
            return new Answer(null, refused, false, null);
        }

        /** The bus reply: the state, the state not recorded, or the refusal. */
        public Object reply() {
            if (refused != null) {
                return refused;
            }
            return notRecorded != null ? new ControlNotRecorded(state, notRecorded) : state;
        }
    }
}

package com.doubletime.executor.control;

import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.domain.trade.ControlChange;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.InvalidFieldException;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.domain.trade.TradingControl;
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
 */
public final class OperatorControl {
    private static final System.Logger LOG = System.getLogger(OperatorControl.class.getName());

    private final TradeJournal journal;
    private final LongSupplier clock;
    private TradingControl current;

    public OperatorControl(TradingControl initial, TradeJournal journal, LongSupplier clock) {
        this.current = initial;
        this.journal = journal;
        this.clock = clock;
    }

    public TradingControl current() {
        return current;
    }

    /**
     * The state the journal's last control change left (start-up), in this run's mode: the journaled mode is
     * history, this run's comes from its configuration.
     */
    public void restore(TradingControl journaled, ExecutionMode mode) {
        current = new TradingControl(mode, journaled.paused(), journaled.killSwitch(), journaled.limits());
        if (current.blockedBecause() != null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "trade executor starts with trading stopped: " + current.blockedBecause() + " (as journaled)");
        }
    }

    /**
     * Applies a command; completes with the answer: the resulting state once journaled (the current one for a
     * status request), or a {@link ControlRefused} (a bad limit: 400 naming the field; the journal failed: 500).
     */
    public CompletionStage<Answer> apply(ControlCommand command) {
        TradingControl next;
        try {
            next = next(command);
        } catch (InvalidFieldException e) {
            return CompletableFuture.completedFuture(
                    Answer.refused(new ControlRefused(ControlRefused.INVALID, e.getMessage(), e.field())));
        }
        if (next == null) {
            return CompletableFuture.completedFuture(new Answer(current, null, false));
        }
        String action = command.action();
        String reason = command.reason();
        boolean stopping = command.stops();
        if (stopping) {
            current = next; // at once: the next opportunity on this thread is refused
        }
        return journal.append(new ControlChange(action, next, reason, clock.getAsLong()))
                .handle((recorded, failure) -> {
                    if (failure != null) {
                        LOG.log(
                                System.Logger.Level.ERROR,
                                "journal write of operator action " + action + " failed"
                                        + (stopping ? "; the stop stays in effect" : "; not applied"),
                                failure);
                        return Answer.refused(new ControlRefused(
                                ControlRefused.NOT_RECORDED,
                                "the journal could not record " + action
                                        + (stopping ? "; trading is stopped anyway" : "; nothing was changed"),
                                null));
                    }
                    current = next;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "operator: " + action + (reason == null ? "" : " (" + reason + ")") + "; trading "
                                    + (next.blockedBecause() == null
                                            ? "allowed"
                                            : "stopped: " + next.blockedBecause()));
                    return new Answer(next, null, true);
                });
    }

    /** The state the command asks for, or null for a status request. */
    private TradingControl next(ControlCommand command) {
        if (command instanceof ControlCommand.Pause) {
            return current.withPaused(true);
        }
        if (command instanceof ControlCommand.Resume) {
            return current.withPaused(false);
        }
        if (command instanceof ControlCommand.KillSwitch kill) {
            return current.withKillSwitch(kill.on());
        }
        if (command instanceof ControlCommand.ChangeRiskLimits limits) {
            return current.withLimits(current.limits().merge(limits.changes()));
        }
        return null;
    }

    /**
     * What the operator is told: the state, or why the command was refused; {@code changed} when the state
     * changed (and so is announced to every listener, not only the one who asked).
     */
    public record Answer(TradingControl state, ControlRefused refused, boolean changed) {
        static Answer refused(ControlRefused refused) {
            return new Answer(null, refused, false);
        }

        /** The bus reply: the state or the refusal. */
        public Object reply() {
            return refused != null ? refused : state;
        }
    }
}

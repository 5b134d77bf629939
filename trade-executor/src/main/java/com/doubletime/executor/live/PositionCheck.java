package com.doubletime.executor.live;

import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.executor.lifecycle.TradeJournal;
import com.doubletime.executor.lifecycle.TradeLifecycle;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.position.PositionReconciler;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One round of live position reconciliation, run periodically: the journal's positions against the venues'.
 * A trade in flight holds fills the journal has not folded into positions yet, so a round is skipped while one
 * is, and a round's answer is dropped when a trade started or is in flight by the time the venues answered.
 * Every difference is journaled (and so published) as a {@code POSITION_MISMATCH} alert and logged as an error.
 */
public final class PositionCheck {
    private static final System.Logger LOG = System.getLogger(PositionCheck.class.getName());

    private final PositionReconciler reconciler;
    private final PositionBook positions;
    private final TradeLifecycle lifecycle;
    private final TradeJournal journal;
    private final Executor loop;
    private final LongSupplier clock;

    /**
     * @param journal journals and publishes each alert
     * @param loop the executor's thread, where the venues' answer is judged
     */
    public PositionCheck(
            PositionReconciler reconciler,
            PositionBook positions,
            TradeLifecycle lifecycle,
            TradeJournal journal,
            Executor loop,
            LongSupplier clock) {
        this.reconciler = reconciler;
        this.positions = positions;
        this.lifecycle = lifecycle;
        this.journal = journal;
        this.loop = loop;
        this.clock = clock;
    }

    public void run() {
        if (lifecycle.tradesInFlight() > 0) {
            return;
        }
        long generation = lifecycle.tradesStarted();
        reconciler
                .compare(positions)
                .whenComplete((mismatches, failure) -> loop.execute(() -> {
                    if (lifecycle.tradesInFlight() == 0 && lifecycle.tradesStarted() == generation) {
                        report(mismatches, failure);
                    }
                }));
    }

    private void report(List<String> mismatches, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "position reconciliation failed: " + failure.getMessage());
            return;
        }
        for (String mismatch : mismatches) {
            long now = clock.getAsLong();
            journal.append(new ExecutionAlert(
                    "reconcile:" + now + ":" + mismatch.hashCode(),
                    null,
                    ExecutionAlert.AlertKind.POSITION_MISMATCH,
                    mismatch,
                    now));
            LOG.log(System.Logger.Level.ERROR, "POSITION MISMATCH: " + mismatch);
        }
    }
}

package com.doubletime.monitor;

import com.doubletime.domain.event.OpportunityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's opportunity events, held until the frame that made them is evaluated, then handed on in order of
 * urgency: {@link #decide()} gives every one to the decider (the co-located executor, or nobody), and only then
 * {@link #announce()} to the announcer (the bus, the meters, the log), so nothing that can wait runs between a frame
 * and the decision on it. Single-threaded: the monitor's event loop.
 */
final class OpportunityHandOff implements Consumer<OpportunityEvent> {
    private final List<OpportunityEvent> pending = new ArrayList<>();
    private final Consumer<OpportunityEvent> decider;
    private final Consumer<OpportunityEvent> announcer;
    private int decided;

    OpportunityHandOff(Consumer<OpportunityEvent> decider, Consumer<OpportunityEvent> announcer) {
        this.decider = decider;
        this.announcer = announcer;
    }

    @Override
    public void accept(OpportunityEvent event) {
        pending.add(event);
    }

    /** The held events not yet decided on, to the decider. */
    void decide() {
        for (; decided < pending.size(); decided++) {
            decider.accept(pending.get(decided));
        }
    }

    /** Every held event decided on (if not yet), then announced, and forgotten. */
    void announce() {
        decide();
        try {
            for (int i = 0; i < pending.size(); i++) {
                announcer.accept(pending.get(i));
            }
        } finally {
            pending.clear();
            decided = 0;
        }
    }
}

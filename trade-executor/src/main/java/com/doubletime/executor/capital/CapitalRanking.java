package com.doubletime.executor.capital;

import com.doubletime.domain.ReturnOnCapital;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.executor.lifecycle.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * When free cash cannot take every open opportunity, the higher annualised return goes first (issue 12). Kept simple:
 * an opportunity that free cash pays in full is decided at once, as ever; one that cash would size down or refuse
 * waits up to {@code windowMillis} in a short ranking with the others that arrive meanwhile, and then all of them
 * are decided in order of their annualised return (contracts §7), highest first (an unknown return last, ties by
 * detection time) — each against the cash the ones before it left. An update of a waiting opportunity replaces it; a
 * closed one leaves the ranking (its window is gone).
 *
 * <p>Single writer: the executor's thread; the wait is the {@link Scheduler}'s, so a backtest ranks on its own clock.
 */
public final class CapitalRanking {
    /** Highest annualised return first; unknown returns last; then the earlier detection. */
    public static final Comparator<ArbitrageOpportunityFound> BY_RETURN = Comparator.comparing(
                    (ArbitrageOpportunityFound found) -> found.returnOnCapital(),
                    Comparator.nullsLast(Comparator.comparing(ReturnOnCapital::annualizedReturn)
                            .reversed()))
            .thenComparingLong(ArbitrageOpportunityFound::detectedAtNanos);

    private final Scheduler scheduler;
    private final long windowMillis;
    private final Consumer<ArbitrageOpportunityFound> decide;
    private final Map<String, ArbitrageOpportunityFound> waiting = new LinkedHashMap<>();
    private Scheduler.Cancellable flush;

    /** @param decide decides one opportunity (called in ranking order when the window ends) */
    public CapitalRanking(Scheduler scheduler, long windowMillis, Consumer<ArbitrageOpportunityFound> decide) {
        this.scheduler = scheduler;
        this.windowMillis = windowMillis;
        this.decide = decide;
    }

    /** The opportunity waits for the ranking (the window starts with the first one waiting). */
    public void offer(ArbitrageOpportunityFound found) {
        waiting.put(found.id(), found);
        if (flush == null) {
            flush = scheduler.schedule(windowMillis, this::flush);
        }
    }

    /** Whether this opportunity is waiting. */
    public boolean isWaiting(String opportunityId) {
        return waiting.containsKey(opportunityId);
    }

    /** A closed opportunity leaves the ranking. */
    public void closed(String opportunityId) {
        waiting.remove(opportunityId);
    }

    public int size() {
        return waiting.size();
    }

    /** Decides every waiting opportunity, highest annualised return first. */
    public void flush() {
        if (flush != null) {
            flush.cancel();
            flush = null;
        }
        List<ArbitrageOpportunityFound> ranked = new ArrayList<>(waiting.values());
        waiting.clear();
        ranked.sort(BY_RETURN);
        ranked.forEach(decide);
    }
}

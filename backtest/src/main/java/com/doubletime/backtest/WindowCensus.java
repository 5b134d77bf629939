package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.OpportunityEvent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The windows a capture opened, from the plain replay's opportunity stream (no orders, nothing taken): how many, per
 * pair, how long each stayed open, and the edge per contract each opened with. Latency does not change these: they
 * are what the venues showed.
 */
final class WindowCensus implements Consumer<OpportunityEvent> {
    /** Per pair: windows opened and the sum of their opening edges. */
    static final class PairWindows {
        long windows;
        BigDecimal openingEdge = BigDecimal.ZERO;
    }

    private final Map<String, Long> openedAt = new HashMap<>();
    private final Map<String, PairWindows> byPair = new TreeMap<>();
    private final LongSeries lifetimes = new LongSeries();
    private final LongSeries edgePerContract = new LongSeries();
    private long windows;
    private long stillOpen;
    private BigDecimal openingEdge = BigDecimal.ZERO;

    @Override
    public void accept(OpportunityEvent event) {
        if (event instanceof ArbitrageOpportunityFound found) {
            if (openedAt.putIfAbsent(found.id(), found.detectedAtNanos()) == null) {
                windows++;
                openingEdge = openingEdge.add(found.opportunity().edge());
                edgePerContract.add(
                        FixedPoint.parse(found.opportunity().edgePerContract().toPlainString()));
                PairWindows pair = byPair.computeIfAbsent(found.pairId(), id -> new PairWindows());
                pair.windows++;
                pair.openingEdge = pair.openingEdge.add(found.opportunity().edge());
            }
        } else if (event instanceof ArbitrageOpportunityClosed closed) {
            if (openedAt.remove(closed.id()) != null) {
                lifetimes.add(closed.lifetimeNanos());
            }
        }
    }

    /** The capture ended: windows still open lived at least until then. */
    void finish(long endNanos) {
        for (long opened : openedAt.values()) {
            lifetimes.add(Math.max(0, endNanos - opened));
            stillOpen++;
        }
        openedAt.clear();
    }

    long windows() {
        return windows;
    }

    /** Windows still open when the capture ended (their lifetime is a lower bound). */
    long stillOpen() {
        return stillOpen;
    }

    /** Σ of each window's edge when it opened (contracts §4 {@code edge}). */
    BigDecimal openingEdge() {
        return openingEdge;
    }

    LongSeries lifetimesNanos() {
        return lifetimes;
    }

    /** Each window's opening edge per contract, fixed-point dollars. */
    LongSeries edgePerContract() {
        return edgePerContract;
    }

    Map<String, PairWindows> byPair() {
        return byPair;
    }
}

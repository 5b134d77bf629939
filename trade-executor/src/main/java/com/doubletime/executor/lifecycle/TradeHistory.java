package com.doubletime.executor.lifecycle;

import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The most recent trade reports (from the journal at start, then as reported), for the trades query. */
public final class TradeHistory {
    private final int capacity;
    private final ArrayDeque<TradeReport> recent = new ArrayDeque<>();

    public TradeHistory(int capacity) {
        this.capacity = capacity;
    }

    public void add(TradeReport report) {
        recent.addLast(report);
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    /**
     * A settlement turns the reports of its trades into {@link TradeStatus#SETTLED} ones with what each made
     * ({@link PositionSettled#pnlOf}); answers the reports it changed, in order.
     */
    public List<TradeReport> settle(PositionSettled settled) {
        Set<String> trades = new HashSet<>(settled.tradeIds());
        List<TradeReport> changed = new ArrayList<>();
        List<TradeReport> all = new ArrayList<>(recent);
        recent.clear();
        for (TradeReport report : all) {
            if (trades.contains(report.tradeId()) && report.status() != TradeStatus.SETTLED) {
                report = report.settled(settled.pnlOf(report));
                changed.add(report);
            }
            recent.addLast(report);
        }
        return changed;
    }

    /** The newest {@code limit} reports (at most what is kept), oldest first. */
    public List<TradeReport> latest(int limit) {
        int count = Math.max(0, Math.min(capacity, limit));
        List<TradeReport> all = new ArrayList<>(recent);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    public int size() {
        return recent.size();
    }
}

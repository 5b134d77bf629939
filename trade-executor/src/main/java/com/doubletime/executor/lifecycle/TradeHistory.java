package com.doubletime.executor.lifecycle;

import com.doubletime.domain.trade.TradeReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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

package com.doubletime.executor.risk;

import java.util.ArrayDeque;

/** Accepted trades in the last minute, for the max-trades-per-minute limit. Single writer. */
public final class TradeRate {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private final ArrayDeque<Long> acceptedAt = new ArrayDeque<>();

    public void accepted(long nowNanos) {
        acceptedAt.addLast(nowNanos);
    }

    public int inLastMinute(long nowNanos) {
        while (!acceptedAt.isEmpty() && acceptedAt.peekFirst() <= nowNanos - MINUTE_NANOS) {
            acceptedAt.removeFirst();
        }
        return acceptedAt.size();
    }
}

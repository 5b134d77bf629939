package com.doubletime.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters every venue's book session keeps about the frames it was given: how many, how many were
 * skipped as malformed and why, and the last error. Counting allocates nothing; the per-reason map is built
 * only when a health report asks.
 *
 * <p>Single-threaded, like the session that owns it.
 */
public final class FrameCounters {
    private static final MalformedReason[] REASONS = MalformedReason.values();

    private final long[] malformedByReason = new long[REASONS.length];
    private long frames;
    private long malformed;
    private String lastError;

    public void frame() {
        frames++;
    }

    public void malformed(MalformedFrameException e) {
        malformed++;
        malformedByReason[e.reason().ordinal()]++;
        lastError = e.reason().wireName() + ": " + e.getMessage();
    }

    /** A problem that is not a malformed frame (a venue error, a diverged book), for the health report. */
    public void error(String error) {
        lastError = error;
    }

    public long frames() {
        return frames;
    }

    public long malformed() {
        return malformed;
    }

    public long malformed(MalformedReason reason) {
        return malformedByReason[reason.ordinal()];
    }

    /** Reason wire name to count, in the reasons' declared order, reasons never seen left out. */
    public Map<String, Long> malformedByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (MalformedReason reason : REASONS) {
            long count = malformedByReason[reason.ordinal()];
            if (count > 0) {
                out.put(reason.wireName(), count);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public String lastError() {
        return lastError;
    }
}

package com.doubletime.executor;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * How the executor stops rather than trade on what it cannot be sure of (executor config keys, all optional).
 *
 * @param maxDecisionAge an accepted decision older than this at its last look is rejected as stale and never sent
 *     (config {@code maxDecisionAgeMillis}, default {@value #DEFAULT_MAX_DECISION_AGE_MILLIS} ms: a decision normally
 *     reaches its last look within a few milliseconds, its journal flush plus at most 50 ms waiting for its books; a
 *     backlog behind a slow journal would otherwise send orders at prices seconds old). Checked again once the orders'
 *     requests are journaled, right before they leave.
 * @param journalRetryMillis during a journal outage, how often the held entries are written again (config
 *     {@code journalRetryMillis}, default {@value #DEFAULT_JOURNAL_RETRY_MILLIS})
 * @param journalStallMillis a journal write not answered for this long counts as an outage (config
 *     {@code journalStallMillis}, default {@value #DEFAULT_JOURNAL_STALL_MILLIS})
 * @param resumeAfterJournalOutage once the journal records again and everything held is written: resume trading on
 *     its own ({@code afterJournalOutage: "resume"}, the default: nothing was lost and the journal equals what was
 *     done), or wait for an operator's {@code POST /api/control/acknowledge} ({@code "operator"})
 */
public record FailClosedSettings(
        Duration maxDecisionAge, long journalRetryMillis, long journalStallMillis, boolean resumeAfterJournalOutage) {
    public static final long DEFAULT_MAX_DECISION_AGE_MILLIS = 250;
    public static final long DEFAULT_JOURNAL_RETRY_MILLIS = 1_000;
    public static final long DEFAULT_JOURNAL_STALL_MILLIS = 2_000;
    public static final String RESUME = "resume";
    public static final String OPERATOR = "operator";

    public static final FailClosedSettings DEFAULT = new FailClosedSettings(
            Duration.ofMillis(DEFAULT_MAX_DECISION_AGE_MILLIS),
            DEFAULT_JOURNAL_RETRY_MILLIS,
            DEFAULT_JOURNAL_STALL_MILLIS,
            true);

    public FailClosedSettings {
        if (maxDecisionAge == null || maxDecisionAge.isNegative() || maxDecisionAge.isZero()) {
            throw new IllegalArgumentException("executor.maxDecisionAgeMillis must be positive");
        }
        if (journalRetryMillis <= 0) {
            throw new IllegalArgumentException("executor.journalRetryMillis must be positive");
        }
        if (journalStallMillis <= 0) {
            throw new IllegalArgumentException("executor.journalStallMillis must be positive");
        }
    }

    /** Reads the keys above from the executor's config object; absent keys keep their defaults. */
    public static FailClosedSettings fromJson(JsonObject in) {
        String after = in.getString("afterJournalOutage", RESUME);
        if (!RESUME.equals(after) && !OPERATOR.equals(after)) {
            throw new IllegalArgumentException(
                    "executor.afterJournalOutage must be " + RESUME + " or " + OPERATOR + ", got " + after);
        }
        return new FailClosedSettings(
                Duration.ofMillis(in.getLong("maxDecisionAgeMillis", DEFAULT_MAX_DECISION_AGE_MILLIS)),
                in.getLong("journalRetryMillis", DEFAULT_JOURNAL_RETRY_MILLIS),
                in.getLong("journalStallMillis", DEFAULT_JOURNAL_STALL_MILLIS),
                RESUME.equals(after));
    }
}

package com.doubletime.bus.protocol;

/**
 * One trade executor instance's standing, published by each instance about once a second and on every change
 * ({@code dt.executor.status}): which one is active, under which fencing epoch and since when, and which stand by.
 *
 * @param instanceId        the instance's id in the cluster
 * @param role              what it does now
 * @param epoch             the fencing epoch it trades under (0 while it has none: standby, or a single executor
 *                          without fail-over)
 * @param activeSinceMillis when it started trading (epoch millis), 0 unless {@link Role#ACTIVE}
 * @param takeovers         how many times this instance took over from another whose lease had lapsed
 * @param lastTakeoverMillis how long its last take-over took, from holding the lease to trading (0: none yet)
 * @param failoverEnabled   false for a single executor deployed without fail-over
 * @param detail            why it is not trading while it holds the lease (its lease lapsed, the take-over failed),
 *                          or who holds the lease while it stands by; null when there is nothing to say
 * @param reportedAtMillis  when this report was made (epoch millis)
 */
public record ExecutorStatus(
        String instanceId,
        Role role,
        long epoch,
        long activeSinceMillis,
        long takeovers,
        long lastTakeoverMillis,
        boolean failoverEnabled,
        String detail,
        long reportedAtMillis) {
    /** What an executor instance does. */
    public enum Role {
        /** Waits for the active instance's lease to lapse; trades nothing, answers nothing. */
        STANDBY,
        /** Holds the lease and is claiming its epoch and recovering from the journal; trades nothing yet. */
        TAKING_OVER,
        /** Trades and answers the operator. */
        ACTIVE
    }

    public ExecutorStatus {
        if (instanceId == null || instanceId.isBlank() || role == null) {
            throw new IllegalArgumentException("executor status: instanceId and role are required");
        }
    }
}

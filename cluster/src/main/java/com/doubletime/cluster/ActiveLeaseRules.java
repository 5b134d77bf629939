package com.doubletime.cluster;

/**
 * Who may be the one active instance of a role (the trade executor), decided from the single lease every
 * instance reads in the cluster's shared data. No Vert.x here. The lease is a {@link MarketLease}
 * ({@code owner@expiresAtMillis}) under one key; every change is a compare-and-set on the exact string read, so
 * two instances can never both believe they took or renewed it.
 *
 * <ul>
 *   <li>nobody holds it: put it if still absent ({@link Step#ACQUIRE});</li>
 *   <li>this instance holds it, expired or not: renew it from the value read ({@link Step#RENEW}) — an expired
 *       lease nobody replaced is still ours, since only its holder ever writes its id;</li>
 *   <li>another instance holds it and it has expired (that instance died, or was paused, or was cut off): replace
 *       the value read ({@link Step#TAKE_OVER});</li>
 *   <li>another instance holds a live lease: stand by ({@link Step#STAND_BY}).</li>
 * </ul>
 */
public final class ActiveLeaseRules {
    /** What an instance does this round. */
    public enum Step {
        ACQUIRE,
        RENEW,
        TAKE_OVER,
        STAND_BY
    }

    private ActiveLeaseRules() {}

    /**
     * @param self      this instance's id
     * @param current   the lease as read, or null when there is none (or it could not be read as a lease)
     * @param nowMillis wall clock: leases carry wall-clock expiries so every host can judge them
     */
    public static Step step(String self, MarketLease current, long nowMillis) {
        if (current == null) {
            return Step.ACQUIRE;
        }
        if (current.owner().equals(self)) {
            return Step.RENEW;
        }
        return current.expiredAt(nowMillis) ? Step.TAKE_OVER : Step.STAND_BY;
    }
}

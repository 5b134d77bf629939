package com.doubletime.domain.trade;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An on-chain redemption of a resolved Polymarket market's tokens ({@code redeemPositions}), successful or not,
 * journaled so a restart knows what is still to redeem.
 *
 * @param yesShares FixedPoint shares of the YES token the position held
 * @param noShares FixedPoint shares of the NO token
 * @param payout what the tokens pay (the settlement's Polymarket payout)
 * @param transactionHash the Polygon transaction, or null when none was sent
 * @param detail why it failed, or null
 * @param atNanos epoch nanos
 */
public record PositionRedeemed(
        String pairId,
        String conditionId,
        long yesShares,
        long noShares,
        BigDecimal payout,
        boolean succeeded,
        String transactionHash,
        String detail,
        long atNanos)
        implements JournalEntry {
    public PositionRedeemed {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(conditionId, "conditionId");
        Objects.requireNonNull(payout, "payout");
    }

    /** Every attempt is its own record; the last successful one closes the market. */
    public String eventId() {
        return "redemption:" + conditionId + ":" + atNanos;
    }
}

package com.doubletime.domain.settlement;

import java.util.concurrent.CompletionStage;

/**
 * Redeems a resolved Polymarket market's tokens for their collateral on chain ({@code redeemPositions} on the
 * Conditional Tokens contract or an adapter, a signed Polygon transaction). The executor calls it once a settled
 * position's Polymarket tokens pay; the Polymarket adapter implements it.
 */
public interface Redeemer {
    /**
     * What became of one redemption.
     *
     * @param transactionHash the transaction sent, or null when none was
     * @param detail why it failed (a revert, no receipt, the node refused), or null
     */
    record Result(boolean succeeded, String transactionHash, String detail) {}

    /**
     * @param yesShares FixedPoint shares of the market's YES token held (6 decimals, the tokens' base units)
     * @param noShares the same for NO
     * @return completes with the result; fails only when nothing could be attempted
     */
    CompletionStage<Result> redeem(String conditionId, boolean negRisk, long yesShares, long noShares);
}

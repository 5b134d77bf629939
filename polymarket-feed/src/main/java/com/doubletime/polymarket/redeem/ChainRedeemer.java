package com.doubletime.polymarket.redeem;

import com.doubletime.domain.settlement.Redeemer;
import io.vertx.core.Future;
import java.math.BigInteger;
import java.util.concurrent.CompletionStage;

/**
 * The executor's {@link Redeemer} port over {@link PositionRedeemer}: one signed {@code redeemPositions}
 * transaction per resolved market, its receipt's status the answer. Shares are FixedPoint, whose six decimals are
 * the tokens' base units, so they pass as they are.
 */
public final class ChainRedeemer implements Redeemer {
    private final PositionRedeemer redeemer;

    public ChainRedeemer(PositionRedeemer redeemer) {
        this.redeemer = redeemer;
    }

    @Override
    public CompletionStage<Result> redeem(String conditionId, boolean negRisk, long yesShares, long noShares) {
        return redeemer.redeem(conditionId, negRisk, BigInteger.valueOf(yesShares), BigInteger.valueOf(noShares))
                .map(done -> new Result(
                        done.succeeded(),
                        done.transactionHash(),
                        done.succeeded()
                                ? null
                                : "the transaction reverted (receipt status "
                                        + done.receipt().getString("status") + ")"))
                .recover(failure ->
                        Future.succeededFuture(new Result(false, null, String.valueOf(failure.getMessage()))))
                .toCompletionStage();
    }
}

package com.doubletime.polymarket.redeem;

import com.doubletime.polymarket.order.OrderSigner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import org.web3j.crypto.RawTransaction;
import org.web3j.utils.Numeric;

/**
 * Redeems a resolved market's positions on chain: builds the {@link RedeemCall}, prices an EIP-1559 transaction
 * from the node (base fee × 2 + priority fee; the node's gas estimate plus a margin), signs it with the wallet key
 * (inside {@link OrderSigner}; the key is never logged or returned), sends it and waits for the receipt.
 *
 * <p>Only a wallet that holds its positions itself can redeem this way: an EOA (signature type 0). Positions held by
 * a Polymarket proxy, Safe or deposit wallet are redeemed through that wallet (relayer or the wallet's own
 * execution), which this class does not do.
 */
public final class PositionRedeemer {
    /** The result: transaction hash and whether it succeeded (receipt status 0x1). */
    public record Redemption(String transactionHash, boolean succeeded, JsonObject receipt) {}

    static final long RECEIPT_POLL_MILLIS = 500;
    private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(120);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final Vertx vertx;
    private final PolygonRpcClient rpc;
    private final OrderSigner signer;
    private final long chainId;
    private final RedeemRoute route;
    private final long receiptTimeoutMillis;

    /**
     * @param chainId the chain the transaction is signed for (137, or a test chain); the node must report the same
     */
    public PositionRedeemer(
            Vertx vertx,
            PolygonRpcClient rpc,
            OrderSigner signer,
            long chainId,
            RedeemRoute route,
            long receiptTimeoutMillis) {
        this.vertx = vertx;
        this.rpc = rpc;
        this.signer = signer;
        this.chainId = chainId;
        this.route = route;
        this.receiptTimeoutMillis = receiptTimeoutMillis;
    }

    /**
     * @param yesShares base units of the YES token held (used by the legacy NegRiskAdapter call only)
     * @param noShares  the same for NO
     */
    public Future<Redemption> redeem(String conditionId, boolean negRisk, BigInteger yesShares, BigInteger noShares) {
        RedeemCall call = RedeemCall.of(route, conditionId, negRisk, yesShares, noShares);
        String from = signer.address();
        return rpc.chainId()
                .compose(nodeChain -> nodeChain == chainId
                        ? Future.succeededFuture()
                        : Future.failedFuture("the Polygon node is on chain " + nodeChain
                                + ", redemptions are signed for " + chainId))
                .compose(ok -> Future.all(
                        rpc.nonce(from),
                        rpc.baseFee(),
                        rpc.maxPriorityFee(),
                        rpc.estimateGas(from, call.to(), call.data())))
                .compose(quotes -> {
                    BigInteger nonce = quotes.resultAt(0);
                    BigInteger baseFee = quotes.resultAt(1);
                    BigInteger priority = quotes.resultAt(2);
                    BigInteger gas = quotes.<BigInteger>resultAt(3)
                            .multiply(GAS_MARGIN_PERCENT)
                            .divide(HUNDRED);
                    RawTransaction transaction = RawTransaction.createTransaction(
                            chainId,
                            nonce,
                            gas,
                            call.to(),
                            BigInteger.ZERO,
                            call.data(),
                            priority,
                            baseFee.shiftLeft(1).add(priority));
                    return rpc.sendRaw(Numeric.toHexString(signer.signTransaction(transaction, chainId)));
                })
                .compose(this::awaitReceipt);
    }

    private Future<Redemption> awaitReceipt(String hash) {
        Promise<Redemption> done = Promise.promise();
        long deadline = System.currentTimeMillis() + receiptTimeoutMillis;
        poll(hash, deadline, done);
        return done.future();
    }

    private void poll(String hash, long deadline, Promise<Redemption> done) {
        rpc.receipt(hash).onComplete(answer -> {
            if (answer.succeeded() && answer.result() != null) {
                JsonObject receipt = answer.result();
                done.complete(new Redemption(hash, "0x1".equals(receipt.getString("status")), receipt));
            } else if (System.currentTimeMillis() >= deadline) {
                done.fail("no receipt for " + hash + " within " + receiptTimeoutMillis + " ms"
                        + (answer.failed() ? ": " + answer.cause().getMessage() : ""));
            } else {
                vertx.setTimer(RECEIPT_POLL_MILLIS, id -> poll(hash, deadline, done));
            }
        });
    }
}

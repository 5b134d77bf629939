package com.doubletime.polymarket.redeem;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.utils.Numeric;

/**
 * The few Polygon JSON-RPC 2.0 calls a redemption needs, over the project's Vert.x web client (web3j's own RPC
 * client would bring OkHttp and RxJava for five calls). Transactions are built and signed with web3j's crypto.
 */
public final class PolygonRpcClient {
    private final WebClient client;
    private final String url;
    private final long timeoutMillis;
    private final AtomicLong ids = new AtomicLong();

    public PolygonRpcClient(WebClient client, String url, long timeoutMillis) {
        this.client = client;
        this.url = url;
        this.timeoutMillis = timeoutMillis;
    }

    public Future<Long> chainId() {
        return call("eth_chainId", new JsonArray())
                .map(result -> Numeric.decodeQuantity((String) result).longValueExact());
    }

    /** The next nonce, pending transactions included. */
    public Future<BigInteger> nonce(String address) {
        return call("eth_getTransactionCount", new JsonArray().add(address).add("pending"))
                .map(result -> Numeric.decodeQuantity((String) result));
    }

    public Future<BigInteger> baseFee() {
        return call("eth_getBlockByNumber", new JsonArray().add("latest").add(false))
                .map(result -> {
                    String fee = ((JsonObject) result).getString("baseFeePerGas");
                    if (fee == null) {
                        throw new IllegalStateException("the node's latest block has no baseFeePerGas (not EIP-1559)");
                    }
                    return Numeric.decodeQuantity(fee);
                });
    }

    public Future<BigInteger> maxPriorityFee() {
        return call("eth_maxPriorityFeePerGas", new JsonArray()).map(result -> Numeric.decodeQuantity((String) result));
    }

    public Future<BigInteger> estimateGas(String from, String to, String data) {
        return call(
                        "eth_estimateGas",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("from", from)
                                        .put("to", to)
                                        .put("data", data)))
                .map(result -> Numeric.decodeQuantity((String) result));
    }

    /** Sends a signed transaction; the node's transaction hash. */
    public Future<String> sendRaw(String signedHex) {
        return call("eth_sendRawTransaction", new JsonArray().add(signedHex)).map(result -> (String) result);
    }

    /** The receipt, or null while not mined. */
    public Future<JsonObject> receipt(String hash) {
        return call("eth_getTransactionReceipt", new JsonArray().add(hash)).map(result -> (JsonObject) result);
    }

    private Future<Object> call(String method, JsonArray params) {
        JsonObject request = new JsonObject()
                .put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet())
                .put("method", method)
                .put("params", params);
        return client.postAbs(url)
                .timeout(timeoutMillis)
                .putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(request.encode()))
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(method + ": HTTP " + response.statusCode());
                    }
                    JsonObject answer = response.bodyAsJsonObject();
                    JsonObject error = answer.getJsonObject("error");
                    if (error != null) {
                        return Future.failedFuture(
                                method + " refused: " + error.getValue("code") + " " + error.getString("message"));
                    }
                    return Future.succeededFuture(answer.getValue("result"));
                });
    }
}

package com.doubletime.polymarket.order;

import io.vertx.core.json.JsonObject;

/**
 * The {@code POST /order} body of a signed V2/V3 order (polymarket.md §3.2), serialised once, compactly and
 * in a fixed key order, so the text that is HMAC-signed is the text that is sent. Typing is strict:
 * {@code salt} and {@code signatureType} are JSON numbers, amounts, token id and times decimal strings,
 * {@code side} the string {@code BUY}/{@code SELL}; no {@code nonce}, {@code feeRateBps} or {@code taker}.
 */
public final class OrderBody {
    private OrderBody() {}

    /** @param orderType GTC, GTD, FOK or FAK; postOnly is never set (it is refused with FOK/FAK) */
    public static String json(ClobOrder order, String signature, String owner, String orderType) {
        JsonObject signed = new JsonObject()
                .put("salt", order.salt())
                .put("maker", order.maker())
                .put("signer", order.signer())
                .put("tokenId", order.tokenId().toString())
                .put("makerAmount", Long.toString(order.makerAmount()))
                .put("takerAmount", Long.toString(order.takerAmount()))
                .put("side", order.side().name())
                .put("signatureType", order.signatureType().wireValue())
                .put("timestamp", Long.toString(order.timestamp()))
                .put("expiration", Long.toString(order.expiration()))
                .put("metadata", order.metadata())
                .put("builder", order.builder())
                .put("signature", signature);
        return new JsonObject()
                .put("deferExec", false)
                .put("postOnly", false)
                .put("order", signed)
                .put("owner", owner)
                .put("orderType", orderType)
                .encode();
    }
}

package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.feed.ThrowawayOrders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;

/**
 * A warm order path from the first window (issue 17). Each real order runs, once per trade, through code the JIT
 * would otherwise leave interpreted for the first trades: the amounts worked out, the EIP-712 digest and the
 * secp256k1 signature, the order hash, the body, the L2 HMAC headers, the WebClient's HTTP write and the reply read
 * into a result. This places {@code orders} throwaway orders through a {@link PolymarketOrderGateway} holding the
 * live credentials' signing key, with throwaway L2 credentials, against a loopback sink that answers as the CLOB
 * does to an order matched whole at its limit. Nothing leaves the machine, and no signed order is kept: each
 * throwaway order names a token id no market has.
 */
public final class PolymarketOrderPathWarmUp {
    /** Orders kept in flight at once. */
    private static final int IN_FLIGHT = 8;

    private static final String TOKEN = "1";
    private static final long LIMIT_PRICE = 530_000;
    private static final long QUANTITY = 10 * FixedPoint.ONE;
    private static final int PUSD_DECIMALS = 6;
    private static final int HASH_BYTES = 32;
    private static final int SECRET_BYTES = 32;

    private PolymarketOrderPathWarmUp() {}

    /** Completes once every order is answered, with how many were read as filled (all, unless something broke). */
    public static Future<Integer> run(Vertx vertx, PolymarketCredentials credentials, int orders) {
        if (orders <= 0) {
            return Future.succeededFuture(0);
        }
        return vertx.createHttpServer()
                .requestHandler(PolymarketOrderPathWarmUp::answer)
                .listen(0, "127.0.0.1")
                .compose(sink -> {
                    String url = "http://127.0.0.1:" + sink.actualPort();
                    PolymarketMarketCatalog catalog = new PolymarketMarketCatalog();
                    catalog.put(new TokenMarket(
                            TOKEN,
                            "0x" + "00".repeat(HASH_BYTES),
                            new BigDecimal("0.01"),
                            BigDecimal.ONE,
                            false,
                            "v1"));
                    WebClient client = WebClient.create(vertx);
                    PolymarketOrderGateway gateway = new PolymarketOrderGateway(
                            vertx,
                            client,
                            PolymarketGatewayConfig.of(url, url),
                            credentials.withApi(new ApiCredentials(
                                    "00000000-0000-0000-0000-000000000000",
                                    Base64.getUrlEncoder().encodeToString(new byte[SECRET_BYTES]),
                                    "warm-up")),
                            catalog,
                            System::currentTimeMillis);
                    return ThrowawayOrders.place(
                                    vertx,
                                    Collections.nCopies(Math.min(IN_FLIGHT, orders), gateway),
                                    orders,
                                    PolymarketOrderPathWarmUp::order)
                            .eventually(() -> {
                                client.close();
                                return sink.close();
                            });
                });
    }

    private static OrderRequest order(int n) {
        return new OrderRequest(
                "warm-up-" + n,
                Platform.POLYMARKET,
                TOKEN,
                Outcome.YES,
                OrderAction.BUY,
                LIMIT_PRICE,
                QUANTITY,
                n % 2 == 0 ? TimeInForce.IMMEDIATE_OR_CANCEL : TimeInForce.FILL_OR_KILL);
    }

    /** What the CLOB answers to a buy matched whole at its limit: pUSD given, shares taken (polymarket.md §3.2). */
    private static void answer(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().equals("/order")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject order = body.toJsonObject().getJsonObject("order");
            byte[] hash = new byte[HASH_BYTES];
            hash[0] = 1;
            request.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("success", true)
                            .put("errorMsg", "")
                            .put("orderID", "0x" + HexFormat.of().formatHex(hash))
                            .put("status", "matched")
                            .put("makingAmount", pusd(order.getString("makerAmount")))
                            .put("takingAmount", pusd(order.getString("takerAmount")))
                            .encode());
        });
    }

    private static String pusd(String baseUnits) {
        return new BigDecimal(baseUnits).movePointLeft(PUSD_DECIMALS).toPlainString();
    }
}

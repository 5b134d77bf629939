package com.doubletime.kalshi.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.feed.ThrowawayOrders;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A warm order path from the first window (issue 17). The code an order runs through once per trade — the V2 order
 * built and encoded, the REST client's bucket and request, the WebClient's HTTP write, the answer decoded and read
 * into a result — would otherwise run interpreted for the first trades, and on a 2-core machine the JIT may take
 * hundreds of windows to compile it. This places {@code orders} throwaway orders through a {@link KalshiOrderGateway}
 * built as the live one is, against a loopback sink that answers as Kalshi does to a filled immediate-or-cancel
 * order, so that code is compiled before the first real order. Nothing leaves the machine. The sink's client signs
 * nothing: the live order's RSA-PSS signature is made ahead, off the order path ({@code KalshiPresigner}).
 */
public final class KalshiOrderPathWarmUp {
    /** Orders kept in flight at once: enough to keep the event loop busy, few enough to stay in order. */
    private static final int IN_FLIGHT = 8;

    private static final String ORDERS = "/portfolio/events/orders";
    private static final String BASE = "/trade-api/v2";
    private static final long LIMIT_PRICE = 420_000;
    private static final long QUANTITY = 10 * FixedPoint.ONE;

    private KalshiOrderPathWarmUp() {}

    /** Completes once every order is answered, with how many were read as filled (all, unless something broke). */
    public static Future<Integer> run(Vertx vertx, int orders) {
        if (orders <= 0) {
            return Future.succeededFuture(0);
        }
        return vertx.createHttpServer()
                .requestHandler(KalshiOrderPathWarmUp::answer)
                .listen(0, "127.0.0.1")
                .compose(sink -> {
                    // a client per chain, at the highest tier: the client-side bucket is part of the path, its waits
                    // are not (one bucket would hold the warm-up to 400 orders a second)
                    List<KalshiRestClient> clients = new ArrayList<>();
                    List<KalshiOrderGateway> gateways = new ArrayList<>();
                    for (int chain = 0; chain < Math.min(IN_FLIGHT, orders); chain++) {
                        KalshiRestClient rest = new KalshiRestClient(
                                vertx,
                                KalshiRestConfig.of("http://127.0.0.1:" + sink.actualPort() + BASE)
                                        .withTier(KalshiRateTier.PRIME),
                                null);
                        clients.add(rest);
                        gateways.add(new KalshiOrderGateway(rest));
                    }
                    return ThrowawayOrders.place(vertx, gateways, orders, KalshiOrderPathWarmUp::order)
                            .eventually(() -> {
                                clients.forEach(KalshiRestClient::close);
                                return sink.close();
                            });
                });
    }

    private static OrderRequest order(int n) {
        return new OrderRequest(
                "warm-up-" + n,
                Platform.KALSHI,
                "KXWARMUP-26DEC",
                n % 2 == 0 ? Outcome.YES : Outcome.NO,
                OrderAction.BUY,
                LIMIT_PRICE,
                QUANTITY,
                n % 2 == 0 ? TimeInForce.IMMEDIATE_OR_CANCEL : TimeInForce.FILL_OR_KILL);
    }

    /** What Kalshi answers to an order that filled whole at its limit (kalshi.md §4.2). */
    private static void answer(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().equals(BASE + ORDERS)) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject order = body.toJsonObject();
            request.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("order_id", "warm-" + order.getString("client_order_id"))
                            .put("client_order_id", order.getString("client_order_id"))
                            .put("fill_count", order.getString("count"))
                            .put("remaining_count", "0.00")
                            .put("average_fill_price", order.getString("price"))
                            .put("average_fee_paid", "0.017400")
                            .put("ts_ms", System.currentTimeMillis())
                            .encode());
        });
    }
}

package com.doubletime.kalshi.order;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueFill;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.kalshi.rest.KalshiApiException;
import com.doubletime.kalshi.rest.KalshiRateTier;
import com.doubletime.kalshi.rest.KalshiRestClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Orders on Kalshi through the V2 endpoints (kalshi.md §4.2; the V1 {@code POST /portfolio/orders} answers
 * 410 since June 2026), signed and rate-limited by {@link KalshiRestClient}.
 *
 * <p>Outcomes, for the executor's leg-risk logic: a 4xx is {@link OrderStatus#REJECTED} with the venue's
 * code (nothing was placed); a 409 duplicate {@code client_order_id} or no answer at all (timeout, dropped
 * connection) is {@link OrderStatus#UNKNOWN}: the order may exist, ask {@link #status} or
 * {@link #fills} before acting. A 429 is retried inside the client with the same {@code client_order_id},
 * so a retry never doubles the order.
 */
public final class KalshiOrderGateway implements VenueOrderGateway {
    private static final String ORDERS = "/portfolio/events/orders";

    private final KalshiRestClient rest;
    private final String selfTradePrevention;

    public KalshiOrderGateway(KalshiRestClient rest) {
        this(rest, KalshiV2Order.TAKER_AT_CROSS);
    }

    public KalshiOrderGateway(KalshiRestClient rest, String selfTradePrevention) {
        this.rest = rest;
        this.selfTradePrevention = selfTradePrevention;
        // every order goes to one path, and Kalshi does not sign the body: its signature is made ahead (issue 17)
        rest.keepSigned(HttpMethod.POST, ORDERS);
    }

    @Override
    public Platform platform() {
        return Platform.KALSHI;
    }

    @Override
    public CompletionStage<OrderResult> place(OrderRequest order) {
        KalshiV2Order wire;
        try {
            wire = KalshiV2Order.from(order, selfTradePrevention);
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(rejected(order.clientOrderId(), null, "invalid_order", e.getMessage()))
                    .toCompletionStage();
        }
        boolean noOutcome = order.outcome() == Outcome.NO;
        return rest.request(
                        HttpMethod.POST,
                        ORDERS,
                        null,
                        wire.toJson(),
                        KalshiRestClient.Bucket.WRITE,
                        KalshiRateTier.DEFAULT_COST)
                .map(body -> KalshiPortfolioJson.createResult(wire, noOutcome, body))
                .recover(failure -> Future.succeededFuture(failed(order.clientOrderId(), null, failure)))
                .toCompletionStage();
    }

    /**
     * {@code DELETE /portfolio/events/orders/{id}} (2 tokens), then the order's final state. A 404 means
     * the order is already gone (filled or cancelled): its state is read all the same.
     */
    @Override
    public CompletionStage<OrderResult> cancel(String venueOrderId) {
        return rest.request(
                        HttpMethod.DELETE,
                        ORDERS + "/" + segment(venueOrderId),
                        null,
                        null,
                        KalshiRestClient.Bucket.WRITE,
                        KalshiRateTier.CANCEL_COST)
                .recover(failure ->
                        failure instanceof KalshiApiException api && api.status() == KalshiApiException.NOT_FOUND
                                ? Future.succeededFuture(new JsonObject())
                                : Future.failedFuture(failure))
                .compose(ignored -> statusFuture(venueOrderId))
                .recover(failure -> Future.succeededFuture(failed(null, venueOrderId, failure)))
                .toCompletionStage();
    }

    @Override
    public CompletionStage<OrderResult> status(String venueOrderId) {
        return statusFuture(venueOrderId)
                .recover(failure -> Future.succeededFuture(failed(null, venueOrderId, failure)))
                .toCompletionStage();
    }

    private Future<OrderResult> statusFuture(String venueOrderId) {
        return rest.get("/portfolio/orders/" + segment(venueOrderId), null)
                .compose(parse(KalshiPortfolioJson::orderResult));
    }

    /**
     * {@code GET /portfolio/orders?ticker=} (kalshi.md §4.3), all pages, and the order whose
     * {@code client_order_id} matches, parsed like {@link #status}. None in a listing read in full:
     * {@link OrderStatus#UNFILLED} with nothing filled (the order never reached the venue). Any error
     * (a failed page, a malformed order): {@link OrderStatus#UNKNOWN}, never a guess.
     */
    @Override
    public CompletionStage<OrderResult> findByClientOrderId(String clientOrderId, String instrument) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ticker", instrument);
        return pages("/portfolio/orders", query, KalshiPortfolioJson::orders)
                .compose(orders -> {
                    for (JsonObject order : orders) {
                        if (clientOrderId.equals(order.getString("client_order_id"))) {
                            return parse(KalshiPortfolioJson::orderResult).apply(order);
                        }
                    }
                    return Future.succeededFuture(new OrderResult(
                            clientOrderId,
                            null,
                            OrderStatus.UNFILLED,
                            0,
                            0,
                            -1,
                            BigDecimal.ZERO,
                            "not_found",
                            "no order with client order id " + clientOrderId + " on " + instrument
                                    + ": it never reached the venue"));
                })
                .recover(failure -> Future.succeededFuture(unknown(clientOrderId, failure)))
                .toCompletionStage();
    }

    private static OrderResult unknown(String clientOrderId, Throwable failure) {
        String code = failure instanceof KalshiApiException api ? api.code() : "no_answer";
        return new OrderResult(
                clientOrderId,
                null,
                OrderStatus.UNKNOWN,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                code,
                "lookup by client order id failed: " + failure.getMessage());
    }

    /** Every fill of {@code ticker} and/or {@code orderId} (either may be null), all pages, newest first as served. */
    public CompletionStage<List<VenueFill>> fills(String ticker, String orderId) {
        Map<String, String> query = new LinkedHashMap<>();
        if (ticker != null) {
            query.put("ticker", ticker);
        }
        if (orderId != null) {
            query.put("order_id", orderId);
        }
        return pages("/portfolio/fills", query, KalshiPortfolioJson::fills).toCompletionStage();
    }

    /**
     * {@code GET /portfolio/orders?min_ts=} (kalshi.md §4.3; seconds, rounded down so nothing at the edge is
     * missed), all pages. A failed page or a malformed order fails the whole listing.
     */
    @Override
    public CompletionStage<List<VenueOrder>> ordersSince(long sinceEpochMillis) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("min_ts", Long.toString(Math.max(0, sinceEpochMillis) / 1000));
        return pages(
                        "/portfolio/orders",
                        query,
                        page -> KalshiPortfolioJson.orders(page).stream()
                                .map(KalshiPortfolioJson::venueOrder)
                                .toList())
                .toCompletionStage();
    }

    @Override
    public CompletionStage<List<VenuePosition>> positions() {
        return pages("/portfolio/positions", new LinkedHashMap<>(), KalshiPortfolioJson::positions)
                .toCompletionStage();
    }

    @Override
    public CompletionStage<VenueBalance> balance() {
        return rest.get("/portfolio/balance", null)
                .compose(parse(KalshiPortfolioJson::balance))
                .toCompletionStage();
    }

    /** Cash per shard for the capital rules (issue 12): {@code GET /portfolio/balance} with its breakdown. */
    @Override
    public CompletionStage<VenueCash> cash() {
        return rest.get("/portfolio/balance", null)
                .compose(parse(body -> KalshiPortfolioJson.cash(body, System.currentTimeMillis())))
                .toCompletionStage();
    }

    private <T> Future<List<T>> pages(String path, Map<String, String> query, Function<JsonObject, List<T>> parser) {
        return page(path, query, null, parser, new ArrayList<>());
    }

    private <T> Future<List<T>> page(
            String path, Map<String, String> query, String cursor, Function<JsonObject, List<T>> parser, List<T> into) {
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        pageQuery.put("limit", "1000");
        if (cursor != null) {
            pageQuery.put("cursor", cursor);
        }
        return rest.get(path, pageQuery).compose(body -> {
            List<T> items;
            try {
                items = parser.apply(body);
            } catch (RuntimeException e) {
                return Future.failedFuture(new KalshiApiException(
                        KalshiApiException.OK, "malformed_response", path + ": " + e.getMessage()));
            }
            into.addAll(items);
            String next = body.getString("cursor");
            return next == null || next.isEmpty() || next.equals(cursor) || items.isEmpty() && !hasItems(body)
                    ? Future.succeededFuture(into)
                    : page(path, query, next, parser, into);
        });
    }

    /** Positions pages may hold only flat positions (parsed to nothing) yet have more pages. */
    private static boolean hasItems(JsonObject body) {
        return body.fieldNames().stream()
                .anyMatch(name -> body.getValue(name) instanceof JsonArray array && !array.isEmpty());
    }

    private static <T> Function<JsonObject, Future<T>> parse(Function<JsonObject, T> parser) {
        return body -> {
            try {
                return Future.succeededFuture(parser.apply(body));
            } catch (RuntimeException e) {
                return Future.failedFuture(
                        new KalshiApiException(KalshiApiException.OK, "malformed_response", e.getMessage()));
            }
        };
    }

    static OrderResult failed(String clientOrderId, String venueOrderId, Throwable failure) {
        if (failure instanceof KalshiApiException api
                && api.status() >= KalshiApiException.CLIENT_ERROR
                && api.status() < KalshiApiException.SERVER_ERROR
                && api.status() != KalshiApiException.CONFLICT) {
            return rejected(clientOrderId, venueOrderId, api.code(), api.getMessage());
        }
        String code = failure instanceof KalshiApiException api ? api.code() : "no_answer";
        return new OrderResult(
                clientOrderId,
                venueOrderId,
                OrderStatus.UNKNOWN,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                code,
                String.valueOf(failure.getMessage()));
    }

    private static OrderResult rejected(String clientOrderId, String venueOrderId, String code, String reason) {
        return new OrderResult(
                clientOrderId, venueOrderId, OrderStatus.REJECTED, 0, 0, -1, BigDecimal.ZERO, code, reason);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

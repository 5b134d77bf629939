package com.doubletime.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated Kalshi REST surface under {@code /trade-api/v2} (kalshi.md §4): the market catalogue with
 * cursor pagination, the order book, V2 order create/cancel, and the portfolio reads. Every request passes
 * the fault switches (429, slowness) and, when configured, signature verification (401) first.
 */
final class KalshiRest {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final Vertx vertx;
    private final SimulatedBooks books;
    private final List<SimulatedMarket> markets;
    private final KalshiExchange exchange;
    private final KalshiAuth auth;
    private final KalshiFaults faults;
    private final SimulatorCatalogue catalogue;
    private final SimulatedLifecycle lifecycle;
    private ProbeSlot probe = new ProbeSlot();

    KalshiRest(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            KalshiExchange exchange,
            KalshiAuth auth,
            KalshiFaults faults) {
        this(vertx, books, markets, exchange, auth, faults, null, null);
    }

    /** @param catalogue titles, close times and strikes of the listed markets, and extra listed markets; or null */
    KalshiRest(
            Vertx vertx,
            SimulatedBooks books,
            List<SimulatedMarket> markets,
            KalshiExchange exchange,
            KalshiAuth auth,
            KalshiFaults faults,
            SimulatorCatalogue catalogue,
            SimulatedLifecycle lifecycle) {
        this.catalogue = catalogue;
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.books = books;
        this.markets = markets;
        this.exchange = exchange;
        this.auth = auth;
        this.faults = faults;
    }

    KalshiRest probe(ProbeSlot probe) {
        this.probe = probe;
        return this;
    }

    void mount(Router router, String base) {
        // the body is read first: the gate may answer later (slowness), after the request has ended
        router.route(base + "/portfolio/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        // the latency probe sees an order as soon as its body is in, before faults, signature check and matching
        router.post(base + "/portfolio/events/orders").handler(this::probeOrder);
        router.route(base + "/*").handler(this::gate);
        router.get(base + "/markets").handler(this::markets);
        router.get(base + "/markets/:ticker")
                .handler(context -> answer(context, () -> {
                    JsonObject market = listed().stream()
                            .filter(m -> context.pathParam("ticker").equals(m.getString("ticker")))
                            .findFirst()
                            .orElseThrow(() -> new KalshiRestError(404, "market_not_found", "market not found"));
                    return new JsonObject().put("market", market);
                }));
        router.post(base + "/portfolio/events/orders")
                .handler(context -> answer(context, 201, () -> exchange.createOrder(jsonBody(context))));
        router.delete(base + "/portfolio/events/orders/:id")
                .handler(context -> answer(context, () -> exchange.cancel(context.pathParam("id"))));
        // the V1 create endpoint is gone (kalshi.md §4.2)
        router.post(base + "/portfolio/orders")
                .handler(context -> answer(context, () -> {
                    throw new KalshiRestError(410, "deprecated_v1_order_endpoint", "Please switch to the V2 endpoints");
                }));
        router.get(base + "/portfolio/orders").handler(this::orders);
        router.get(base + "/portfolio/orders/:id")
                .handler(context -> answer(context, () -> exchange.order(context.pathParam("id"))));
        router.get(base + "/portfolio/fills")
                .handler(context -> answer(
                        context,
                        () -> exchange.fills(
                                context.request().getParam("ticker"),
                                context.request().getParam("order_id"))));
        router.get(base + "/portfolio/positions").handler(context -> answer(context, exchange::positions));
        router.get(base + "/portfolio/balance")
                .handler(context -> answer(context, () -> {
                    String index = context.request().getParam("exchange_index");
                    return exchange.balance(index == null ? null : intParam(context, "exchange_index", 0));
                }));
    }

    private void probeOrder(RoutingContext context) {
        SimulatorProbe installed = probe.get();
        if (installed != SimulatorProbe.NONE) {
            long now = System.nanoTime();
            String clientOrderId = null;
            try {
                JsonObject body = context.body().asJsonObject();
                clientOrderId = body == null ? null : body.getString("client_order_id");
            } catch (RuntimeException malformed) {
                // the order handler answers it
            }
            installed.orderReceived(SimulatorProbe.Venue.KALSHI, clientOrderId, now);
        }
        context.next();
    }

    /** Faults first (as a rate limiter in front of the venue would), then authentication. */
    private void gate(RoutingContext context) {
        long delay = faults.restDelayMillis();
        if (delay > 0) {
            vertx.setTimer(delay, id -> admit(context));
        } else {
            admit(context);
        }
    }

    private void admit(RoutingContext context) {
        if (faults.takeRateLimit()) {
            // the venue's body, and no Retry-After or X-RateLimit-* header (kalshi.md §6)
            context.response()
                    .setStatusCode(429)
                    .putHeader("content-type", "application/json")
                    .end(new JsonObject().put("error", "too many requests").encode());
            return;
        }
        if (auth != null) {
            String refused = auth.check(
                    context.request().method().name(),
                    context.request().path(),
                    context.request().headers());
            if (refused != null) {
                send(context, new KalshiRestError(401, "authentication_error", refused));
                return;
            }
        }
        context.next();
    }

    /** {@code GET /markets?limit=&cursor=&status=&tickers=&event_ticker=}; the cursor is an opaque offset. */
    private void markets(RoutingContext context) {
        answer(context, () -> {
            int limit = intParam(context, "limit", DEFAULT_PAGE);
            if (limit < 1 || limit > MAX_PAGE) {
                throw new KalshiRestError(400, "invalid_parameters", "limit must be 1.." + MAX_PAGE);
            }
            String cursor = context.request().getParam("cursor");
            int offset;
            try {
                offset = cursor == null || cursor.isEmpty()
                        ? 0
                        : Integer.parseInt(new String(
                                java.util.Base64.getUrlDecoder().decode(cursor),
                                java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new KalshiRestError(400, "invalid_parameters", "bad cursor");
            }
            String status = context.request().getParam("status");
            if (status != null
                    && !Set.of("unopened", "open", "paused", "closed", "settled")
                            .contains(status)) {
                throw new KalshiRestError(
                        400, "invalid_parameters", "status must be unopened, open, paused, closed or settled");
            }
            String tickersParam = context.request().getParam("tickers");
            Set<String> tickers = tickersParam == null ? null : new HashSet<>(Arrays.asList(tickersParam.split(",")));
            String event = context.request().getParam("event_ticker");
            List<JsonObject> matching = listed().stream()
                    .filter(m -> tickers == null || tickers.contains(m.getString("ticker")))
                    .filter(m -> event == null || event.equals(m.getString("event_ticker")))
                    .filter(m -> status == null || statusMatches(status, m.getString("status")))
                    .toList();
            JsonArray page = new JsonArray();
            matching.stream().skip(offset).limit(limit).forEach(page::add);
            int next = offset + page.size();
            return new JsonObject()
                    .put("markets", page)
                    .put(
                            "cursor",
                            next < matching.size()
                                    ? java.util.Base64.getUrlEncoder()
                                            .withoutPadding()
                                            .encodeToString(Integer.toString(next)
                                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    : "");
        });
    }

    /**
     * {@code GET /portfolio/orders?ticker=&status=&min_ts=&limit=&cursor=} (kalshi.md §4.3); the cursor is an opaque
     * offset.
     */
    private void orders(RoutingContext context) {
        answer(context, () -> {
            int limit = intParam(context, "limit", DEFAULT_PAGE);
            if (limit < 1 || limit > MAX_PAGE) {
                throw new KalshiRestError(400, "invalid_parameters", "limit must be 1.." + MAX_PAGE);
            }
            String status = context.request().getParam("status");
            if (status != null && !Set.of("resting", "canceled", "executed").contains(status)) {
                throw new KalshiRestError(400, "invalid_parameters", "status must be resting, canceled or executed");
            }
            long minTs = longParam(context, "min_ts", 0);
            if (minTs < 0) {
                throw new KalshiRestError(400, "invalid_parameters", "min_ts must be a unix time in seconds");
            }
            return exchange.orders(context.request().getParam("ticker"), status, minTs, limit, offset(context));
        });
    }

    private static int offset(RoutingContext context) {
        String cursor = context.request().getParam("cursor");
        try {
            return cursor == null || cursor.isEmpty()
                    ? 0
                    : Integer.parseInt(new String(
                            java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new KalshiRestError(400, "invalid_parameters", "bad cursor");
        }
    }

    /** The simulated markets (described by the catalogue when it has them), then the catalogue's other markets. */
    private List<JsonObject> listed() {
        List<JsonObject> listed = SimulatorCatalogue.kalshiListing(markets, catalogue, this::market, UNQUOTED);
        // a simulated market's life is the simulator's, whatever the catalogue says
        listed.forEach(market -> market.mergeIn(lifecycleFields(market.getString("ticker"))));
        return listed;
    }

    /** A filter status ({@code open}, ...) against a market's lifecycle status ({@code active}, ...). */
    static boolean statusMatches(String filter, String marketStatus) {
        String status = marketStatus == null ? "active" : marketStatus;
        return switch (filter) {
            case "open" -> status.equals("active");
            case "unopened" -> status.equals("initialized");
            case "paused" -> status.equals("inactive");
            case "closed" -> status.equals("closed");
            default -> Set.of("determined", "disputed", "amended", "finalized").contains(status); // settled
        };
    }

    /** A listed market the simulator keeps no book for: no quotes. */
    private static final JsonObject UNQUOTED = new JsonObject()
            .put("market_type", "binary")
            .put("status", "active")
            .put("yes_bid_dollars", "0.0000")
            .put("yes_ask_dollars", "1.0000")
            .put("no_bid_dollars", "0.0000")
            .put("no_ask_dollars", "1.0000")
            .put("notional_value_dollars", "1.0000")
            .put("price_level_structure", "linear_cent")
            .put(
                    "price_ranges",
                    new JsonArray()
                            .add(new JsonObject()
                                    .put("start", "0.0000")
                                    .put("end", "1.0000")
                                    .put("step", "0.0100")))
            .put("exchange_index", 0);

    private JsonObject market(SimulatedMarket simulated) {
        String ticker = simulated.kalshiTicker();
        KalshiBook book = books.kalshi(ticker);
        long yesBid = book.bids(KalshiSide.YES).highest(0);
        long noBid = book.bids(KalshiSide.NO).highest(0);
        return new JsonObject()
                .put("ticker", ticker)
                .put("event_ticker", eventTicker(ticker))
                .put("market_type", "binary")
                .put("status", "active")
                .put("yes_bid_dollars", FixedPoint.kalshiPrice(yesBid))
                .put(
                        "yes_ask_dollars",
                        FixedPoint.kalshiPrice(noBid == 0 ? FixedPoint.ONE_DOLLAR : FixedPoint.ONE_DOLLAR - noBid))
                .put("no_bid_dollars", FixedPoint.kalshiPrice(noBid))
                .put(
                        "no_ask_dollars",
                        FixedPoint.kalshiPrice(yesBid == 0 ? FixedPoint.ONE_DOLLAR : FixedPoint.ONE_DOLLAR - yesBid))
                .put("notional_value_dollars", "1.0000")
                .put("price_level_structure", "linear_cent")
                .put(
                        "price_ranges",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("start", "0.0000")
                                        .put("end", "1.0000")
                                        .put("step", "0.0100")))
                .put("exchange_index", 0)
                .mergeIn(lifecycleFields(ticker));
    }

    /**
     * The lifecycle fields of a simulated market (kalshi.md §4.1): {@code status}, {@code open_time},
     * {@code close_time}, {@code expected_expiration_time}, {@code exchange_index}, and once determined
     * {@code result} and {@code settlement_value_dollars}.
     */
    private JsonObject lifecycleFields(String ticker) {
        KalshiMarketState state = lifecycle == null ? null : lifecycle.kalshi(ticker);
        if (state == null) {
            return new JsonObject();
        }
        JsonObject fields = new JsonObject()
                .put("status", state.status)
                .put(
                        "open_time",
                        java.time.Instant.ofEpochMilli(state.openTimeMillis).toString())
                .put(
                        "close_time",
                        java.time.Instant.ofEpochMilli(state.closeTimeMillis).toString())
                .put(
                        "expected_expiration_time",
                        java.time.Instant.ofEpochMilli(state.expectedExpirationMillis)
                                .toString())
                .put("exchange_index", state.exchangeIndex)
                .put("result", state.result == null ? "" : state.result);
        if (state.settlementValue >= 0) {
            fields.put("settlement_value_dollars", FixedPoint.kalshiPrice(state.settlementValue));
        }
        if (state.settledAtMillis > 0) {
            fields.put(
                    "settlement_ts",
                    java.time.Instant.ofEpochMilli(state.settledAtMillis).toString());
        }
        return fields;
    }

    /** The series/event part of a market ticker: everything before the last dash. */
    static String eventTicker(String ticker) {
        int dash = ticker.lastIndexOf('-');
        return dash <= 0 ? ticker : ticker.substring(0, dash);
    }

    private static JsonObject jsonBody(RoutingContext context) {
        try {
            JsonObject body = context.body().asJsonObject();
            if (body == null) {
                throw new KalshiRestError(400, "invalid_order", "a JSON body is required");
            }
            return body;
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            throw new KalshiRestError(400, "invalid_order", "the body is not a JSON object");
        }
    }

    private static int intParam(RoutingContext context, String name, int otherwise) {
        String value = context.request().getParam(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new KalshiRestError(400, "invalid_parameters", name + " must be an integer");
        }
    }

    private static long longParam(RoutingContext context, String name, long otherwise) {
        String value = context.request().getParam(name);
        try {
            return value == null ? otherwise : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new KalshiRestError(400, "invalid_parameters", name + " must be an integer");
        }
    }

    private interface Answer {
        JsonObject get();
    }

    private static void answer(RoutingContext context, Answer answer) {
        answer(context, 200, answer);
    }

    private static void answer(RoutingContext context, int status, Answer answer) {
        JsonObject body;
        try {
            body = answer.get();
        } catch (KalshiRestError error) {
            send(context, error);
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(body.encode());
    }

    private static void send(RoutingContext context, KalshiRestError error) {
        context.response()
                .setStatusCode(error.status())
                .putHeader("content-type", "application/json")
                .end(error.body().encode());
    }
}

package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Trades on the Polymarket CLOB V2 for the executor: signed FOK/FAK orders ({@code POST /order}), cancel
 * ({@code DELETE /order}), status ({@code GET /data/order/{hash}}), positions (Data API) and pUSD balance.
 *
 * <p>Idempotency: the CLOB has no client order id, but an order's hash is its id and the same hash is never
 * accepted twice. The first {@link #place} (or {@link #orderIdBeforeSending}) of a {@code clientOrderId} signs the
 * order once and keeps it; a resend (ours after 429/425/503, or the executor's after a timeout) posts the same bytes.
 *
 * <p>Latency: {@link #place} builds, hashes and signs the order (EIP-712 + secp256k1, about 0.12 ms) and writes the
 * request on the caller's thread, with no hop to a worker; the first call's costs are paid at start by
 * {@link #warmUpSigner} and {@link PolymarketOrderPathWarmUp}.
 *
 * <p>Secrets stay inside: no key, secret, passphrase or signature is logged or put into a result.
 */
public final class PolymarketOrderGateway implements VenueOrderGateway {
    private static final System.Logger LOG = System.getLogger(PolymarketOrderGateway.class.getName());
    private static final int PREPARED_LIMIT = 10_000;
    private static final Pattern ORDER_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    /** The salt is the first eight bytes of the client order id's keccak hash. */
    private static final int SALT_BYTES = 8;
    /** pUSD has 6 decimals (polymarket.md §5.1); balances come in its base units. */
    private static final int PUSD_DECIMALS = 6;
    /** The throwaway warm-up order: one pUSD for two shares, never sent. */
    private static final long WARM_UP_MAKER_AMOUNT = 1_000_000;

    private static final long WARM_UP_TAKER_AMOUNT = 2_000_000;

    private final Vertx vertx;
    private final WebClient client;
    private final PolymarketGatewayConfig config;
    private final PolymarketMarketCatalog catalog;
    private final LongSupplier nowMillis;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();
    private final AtomicLong invalidRequests = new AtomicLong();
    private final AtomicLong fillMismatches = new AtomicLong();
    private volatile Consumer<String> fillAlerts = alert -> LOG.log(System.Logger.Level.ERROR, "ALERT " + alert);
    private volatile PolymarketCredentials credentials;

    /** An order signed once: the body to (re)send and how to read the answer. */
    record Prepared(String body, ClobResponses.Sent sent) {}

    /** An order signed once, its hash known; the body names the API key's owner when it is sent. */
    private record Signed(ClobOrder clob, String signature, String orderType, ClobResponses.Sent sent) {
        Prepared prepared(ApiCredentials api) {
            return new Prepared(OrderBody.json(clob, signature, api.apiKey(), orderType), sent);
        }
    }

    public PolymarketOrderGateway(
            Vertx vertx,
            WebClient client,
            PolymarketGatewayConfig config,
            PolymarketCredentials credentials,
            PolymarketMarketCatalog catalog,
            LongSupplier nowMillis) {
        this.vertx = Objects.requireNonNull(vertx);
        this.client = Objects.requireNonNull(client);
        this.config = Objects.requireNonNull(config);
        this.credentials = Objects.requireNonNull(credentials);
        this.catalog = Objects.requireNonNull(catalog);
        this.nowMillis = nowMillis;
    }

    public static PolymarketOrderGateway create(
            Vertx vertx,
            PolymarketGatewayConfig config,
            PolymarketCredentials credentials,
            PolymarketMarketCatalog catalog) {
        return new PolymarketOrderGateway(
                vertx, WebClient.create(vertx), config, credentials, catalog, System::currentTimeMillis);
    }

    @Override
    public Platform platform() {
        return Platform.POLYMARKET;
    }

    /** Requests refused before reaching the venue (unknown token, off-tick price, below minimum size). */
    public long invalidRequests() {
        return invalidRequests.get();
    }

    @Override
    public CompletionStage<OrderResult> place(OrderRequest order) {
        return placeOrder(order).toCompletionStage();
    }

    public Future<OrderResult> placeOrder(OrderRequest order) {
        return apiCredentials()
                .compose(
                        api -> {
                            Prepared ready;
                            try {
                                ready = prepared(order, api);
                            } catch (IllegalArgumentException e) {
                                invalidRequests.incrementAndGet();
                                return Future.succeededFuture(new OrderResult(
                                        order.clientOrderId(),
                                        null,
                                        OrderStatus.REJECTED,
                                        0,
                                        0,
                                        -1,
                                        BigDecimal.ZERO,
                                        "invalid_request",
                                        e.getMessage()));
                            }
                            return send(HttpMethod.POST, config.clobUrl(), "/order", "", ready.body(), api)
                                    .compose(reply -> answered(ready.sent(), reply))
                                    .otherwise(failure ->
                                            ClobResponses.unknown(ready.sent(), "no answer: " + failure.getMessage()))
                                    .onSuccess(result -> {
                                        if ("tick_size".equals(result.rejectCode())) {
                                            refreshTickSize(order.instrument());
                                        }
                                    });
                        },
                        failure -> Future.succeededFuture(new OrderResult(
                                order.clientOrderId(),
                                null,
                                OrderStatus.REJECTED,
                                0,
                                0,
                                -1,
                                BigDecimal.ZERO,
                                "unauthorized",
                                "API credentials unavailable: " + failure.getMessage())));
    }

    /**
     * The result of a {@code POST /order} reply. A matched reply whose amounts do not fit the order is never
     * guessed at: the venue's record of the order ({@code GET /data/order/<hash>}, its {@code size_matched})
     * decides before the result is returned (and journaled); a reply it contradicts raises an alert. When the
     * record cannot be read, the result stays UNKNOWN, to be asked about again.
     */
    private Future<OrderResult> answered(ClobResponses.Sent sent, ClobReply reply) {
        OrderResult result = ClobResponses.placed(sent, reply);
        if (!ClobResponses.UNCONFIRMED_FILL.equals(result.rejectCode())) {
            return Future.succeededFuture(result);
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "polymarket order " + sent.orderHash() + ": " + result.rejectReason()
                        + "; confirming with GET /data/order");
        return findByOrderHash(sent.orderHash())
                .map(record -> {
                    ClobResponses.Confirmation confirmation = ClobResponses.confirmed(sent, reply, record);
                    if (confirmation.mismatch() != null) {
                        fillMismatches.incrementAndGet();
                        fillAlerts.accept(
                                "polymarket order " + sent.orderHash() + " (client order " + sent.clientOrderId()
                                        + "): " + confirmation.mismatch() + "; the venue's record is used");
                    }
                    return confirmation.result();
                })
                .otherwise(failure -> ClobResponses.unknown(
                        sent, result.rejectReason() + "; GET /data/order failed: " + failure.getMessage()));
    }

    /**
     * Where a fill that contradicts its reply is reported (the executor turns it into an execution alert);
     * until set, an ERROR log line.
     */
    @Override
    public PolymarketOrderGateway onFillMismatch(Consumer<String> alerts) {
        this.fillAlerts = Objects.requireNonNull(alerts);
        return this;
    }

    /** Replies that {@code GET /data/order} contradicted. */
    public long fillMismatches() {
        return fillMismatches.get();
    }

    private Prepared prepared(OrderRequest order, ApiCredentials api) {
        return signed(order).prepared(api);
    }

    /** The order signed once per client order id: a resend, and the body after its hash was asked for, are the same. */
    private Signed signed(OrderRequest order) {
        if (order.clientOrderId() == null) {
            return sign(order);
        }
        Signed existing = signed.get(order.clientOrderId());
        if (existing != null) {
            ClobResponses.Sent sent = existing.sent();
            if (sent.quantity() != order.quantity()
                    || sent.limitPrice() != order.limitPrice()
                    || sent.timeInForce() != order.timeInForce()) {
                throw new IllegalArgumentException(
                        "clientOrderId " + order.clientOrderId() + " was used for another order");
            }
            return existing;
        }
        if (signed.size() >= PREPARED_LIMIT) {
            signed.clear(); // resends come within seconds; an old id resent after this signs afresh
        }
        Signed fresh = sign(order);
        Signed raced = signed.putIfAbsent(order.clientOrderId(), fresh);
        return raced == null ? fresh : raced;
    }

    /** Whether an order with this client order id has been built and signed (tests: signing happens in place()). */
    boolean isPrepared(String clientOrderId) {
        return signed.containsKey(clientOrderId);
    }

    /**
     * The order's hash, known before it is sent: the order is signed now and that signed order is what {@link #place}
     * sends for this client order id (issue 12: the executor journals the hash with the request, so a leg whose
     * answer a crash lost is found again by {@link #findByVenueOrderId}). Null for a request the venue would refuse
     * ({@link #place} answers why).
     */
    @Override
    public String orderIdBeforeSending(OrderRequest order) {
        if (order.clientOrderId() == null) {
            return null;
        }
        try {
            return signed(order).sent().orderHash();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A leg whose request was journaled with its hash but whose answer never was, by {@code GET /data/order/<hash>}:
     * the venue's record when it has one; UNFILLED with nothing filled when it answers 404 (the order never reached
     * it); UNKNOWN when it cannot be asked or read.
     */
    @Override
    public CompletionStage<OrderResult> findByVenueOrderId(String venueOrderId, String clientOrderId) {
        return findByOrderHash(venueOrderId)
                .map(record -> record.map(order ->
                                ClobResponses.orderResult(order.id(), order, ClobResponses.lookup(venueOrderId)))
                        .map(result -> withClientOrderId(result, clientOrderId))
                        .orElseGet(() -> new OrderResult(
                                clientOrderId,
                                venueOrderId,
                                OrderStatus.UNFILLED,
                                0,
                                0,
                                -1,
                                BigDecimal.ZERO,
                                null,
                                "no order " + venueOrderId + " at the venue (404): it never reached it")))
                .otherwise(failure -> withClientOrderId(unknownFor(venueOrderId, failure), clientOrderId))
                .toCompletionStage();
    }

    private static OrderResult withClientOrderId(OrderResult result, String clientOrderId) {
        return new OrderResult(
                clientOrderId,
                result.venueOrderId(),
                result.status(),
                result.filledQuantity(),
                result.remainingQuantity(),
                result.averagePrice(),
                result.fees(),
                result.rejectCode(),
                result.rejectReason());
    }

    /** Builds and signs the order with the body for {@code api}; IllegalArgumentException on what the venue refuses. */
    Prepared prepare(OrderRequest order, ApiCredentials api) {
        return sign(order).prepared(api);
    }

    /** Builds and signs the order; IllegalArgumentException on anything the venue would refuse. */
    private Signed sign(OrderRequest order) {
        if (order.platform() != Platform.POLYMARKET) {
            throw new IllegalArgumentException("not a Polymarket order: " + order.platform());
        }
        TokenMarket market = catalog.find(order.instrument())
                .orElseThrow(() -> new IllegalArgumentException("unknown Polymarket token " + order.instrument()));
        if (order.limitPrice() <= 0 || order.quantity() <= 0) {
            throw new IllegalArgumentException("limit price and quantity must be positive");
        }
        BigDecimal price = FixedPoint.toBigDecimal(order.limitPrice()).stripTrailingZeros();
        BigDecimal quantity = FixedPoint.toBigDecimal(order.quantity()).stripTrailingZeros();
        if (quantity.compareTo(market.minOrderSize()) < 0) {
            throw new IllegalArgumentException("size " + quantity.toPlainString() + " lower than the minimum "
                    + market.minOrderSize().toPlainString());
        }
        ClobSide side = order.action() == OrderAction.BUY ? ClobSide.BUY : ClobSide.SELL;
        OrderAmounts amounts = OrderAmounts.forLeg(side, price, quantity, market.tickSize());
        PolymarketCredentials creds = credentials;
        ClobOrder clob = new ClobOrder(
                salt(order.clientOrderId()),
                creds.maker(),
                creds.orderSigner(),
                new BigInteger(order.instrument()),
                amounts.makerAmount(),
                amounts.takerAmount(),
                side,
                creds.signatureType(),
                nowMillis.getAsLong(),
                ClobOrder.ZERO_BYTES32,
                ClobOrder.ZERO_BYTES32,
                0);
        PolymarketExchange exchange = market.exchange();
        String signature = creds.signer().sign(clob, exchange, creds.chainId());
        String hash = OrderHasher.orderHash(clob, exchange, creds.chainId());
        String orderType = order.timeInForce() == TimeInForce.FILL_OR_KILL ? "FOK" : "FAK";
        return new Signed(
                clob,
                signature,
                orderType,
                new ClobResponses.Sent(
                        order.clientOrderId(), hash, side, order.quantity(), order.limitPrice(), order.timeInForce()));
    }

    /**
     * Signs and hashes one throwaway order (never sent, never kept) for every current exchange, so the first
     * real order does not pay for class loading, the curve's precomputed tables and the domain separators
     * (tens of milliseconds cold against well under one warm). Answers the signature, for tests.
     */
    public String warmUpSigner() {
        PolymarketCredentials creds = credentials;
        String signature = null;
        for (PolymarketExchange exchange : PolymarketExchange.values()) {
            if (exchange.legacy()) {
                continue;
            }
            ClobOrder throwaway = new ClobOrder(
                    salt("warm-up"),
                    creds.maker(),
                    creds.orderSigner(),
                    BigInteger.ONE,
                    WARM_UP_MAKER_AMOUNT,
                    WARM_UP_TAKER_AMOUNT,
                    ClobSide.BUY,
                    creds.signatureType(),
                    nowMillis.getAsLong(),
                    ClobOrder.ZERO_BYTES32,
                    ClobOrder.ZERO_BYTES32,
                    0);
            signature = creds.signer().sign(throwaway, exchange, creds.chainId());
            OrderHasher.orderHash(throwaway, exchange, creds.chainId());
        }
        return signature;
    }

    /** Deterministic per client order id (≤ 2^53 − 1, a JSON-safe number); random without one. */
    static long salt(String clientOrderId) {
        if (clientOrderId == null) {
            return ThreadLocalRandom.current().nextLong(ClobOrder.MAX_SALT);
        }
        byte[] hash = Eip712.keccak(clientOrderId.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(hash, SALT_BYTES)).longValue() & ClobOrder.MAX_SALT;
    }

    @Override
    public CompletionStage<OrderResult> cancel(String venueOrderId) {
        return apiCredentials()
                .compose(api -> send(
                        HttpMethod.DELETE,
                        config.clobUrl(),
                        "/order",
                        "",
                        new JsonObject().put("orderID", venueOrderId).encode(),
                        api))
                .map(reply -> ClobResponses.cancelled(venueOrderId, reply))
                .otherwise(failure -> unknownFor(venueOrderId, failure))
                .toCompletionStage();
    }

    @Override
    public CompletionStage<OrderResult> status(String venueOrderId) {
        if (!ORDER_HASH.matcher(venueOrderId).matches()) {
            invalidRequests.incrementAndGet();
            return Future.succeededFuture(new OrderResult(
                            null,
                            venueOrderId,
                            OrderStatus.REJECTED,
                            0,
                            0,
                            -1,
                            BigDecimal.ZERO,
                            "invalid_request",
                            "not an order hash"))
                    .toCompletionStage();
        }
        return orderRecord(venueOrderId)
                .map(reply -> ClobResponses.openOrder(venueOrderId, reply))
                .otherwise(failure -> unknownFor(venueOrderId, failure))
                .toCompletionStage();
    }

    /**
     * The venue's record of an order by its hash ({@code GET /data/order/<hash>}, L2-authenticated): what
     * matched of it, whatever any reply said. For settling a reply in doubt, and for recovering a leg whose
     * answer was lost (the hash is computed before the order is sent).
     *
     * @return empty when the venue has no order with this hash (it never reached the venue); a failed future
     *     when the venue could not be asked or its answer not read — nothing is known then
     */
    public Future<Optional<ClobOpenOrder>> findByOrderHash(String orderHash) {
        if (!ORDER_HASH.matcher(orderHash).matches()) {
            return Future.failedFuture(new IllegalArgumentException("not an order hash: " + orderHash));
        }
        return orderRecord(orderHash).map(reply -> ClobResponses.openOrderRecord(orderHash, reply));
    }

    private Future<ClobReply> orderRecord(String orderHash) {
        return apiCredentials()
                .compose(api -> send(HttpMethod.GET, config.clobUrl(), "/data/order/" + orderHash, "", null, api));
    }

    /**
     * {@code GET /data/trades?maker_address=<maker>&after=<seconds>} (L2), every page until {@code next_cursor} is
     * {@value ClobTrades#LAST_PAGE}, summed per order ({@link ClobTrades}). A failed page or a malformed trade fails the
     * whole listing.
     */
    @Override
    public CompletionStage<List<VenueOrder>> ordersSince(long sinceEpochMillis) {
        String query = "?maker_address=" + credentials.maker() + "&after=" + Math.max(0, sinceEpochMillis) / 1000;
        return apiCredentials()
                .compose(api -> tradePages(query, null, api, new ArrayList<>()))
                .map(trades -> ClobTrades.orders(trades, credentials.maker()))
                .toCompletionStage();
    }

    private Future<List<JsonObject>> tradePages(
            String query, String cursor, ApiCredentials api, List<JsonObject> into) {
        String pageQuery = cursor == null ? query : query + "&next_cursor=" + cursor;
        return send(HttpMethod.GET, config.clobUrl(), "/data/trades", pageQuery, null, api)
                .compose(reply -> {
                    if (!reply.successful()) {
                        return Future.failedFuture("GET /data/trades: HTTP " + reply.status() + " " + reply.body());
                    }
                    JsonObject body = new JsonObject(reply.body());
                    into.addAll(ClobTrades.page(body));
                    String next = body.getString("next_cursor");
                    return next == null || next.isEmpty() || next.equals(ClobTrades.LAST_PAGE) || next.equals(cursor)
                            ? Future.succeededFuture(into)
                            : tradePages(query, next, api, into);
                });
    }

    /** Data API {@code GET /positions?user=<maker>} (public): {@code [{asset, size, outcome, …}]}. */
    @Override
    public CompletionStage<List<VenuePosition>> positions() {
        String user = credentials.maker();
        return client.getAbs(config.dataApiUrl() + "/positions")
                .addQueryParam("user", user)
                .timeout(config.requestTimeoutMillis())
                .send()
                .compose(response -> {
                    if (response.statusCode() != ClobReply.OK) {
                        return Future.failedFuture("positions: HTTP " + response.statusCode());
                    }
                    List<VenuePosition> positions = new ArrayList<>();
                    for (Object item : new JsonArray(response.bodyAsString())) {
                        JsonObject position = (JsonObject) item;
                        String outcome = position.getString("outcome", "").toUpperCase(Locale.ROOT);
                        positions.add(new VenuePosition(
                                Platform.POLYMARKET,
                                position.getString("asset"),
                                outcome.equals("NO") ? Outcome.NO : Outcome.YES,
                                toFixed(new BigDecimal(String.valueOf(position.getValue("size"))))));
                    }
                    return Future.succeededFuture(positions);
                })
                .toCompletionStage();
    }

    /** {@code GET /balance-allowance?asset_type=COLLATERAL}: pUSD in 6-decimal base units. */
    @Override
    public CompletionStage<VenueBalance> balance() {
        String query = "?asset_type=COLLATERAL&signature_type="
                + credentials.signatureType().wireValue();
        return apiCredentials()
                .compose(api -> send(HttpMethod.GET, config.clobUrl(), "/balance-allowance", query, null, api))
                .compose(reply -> {
                    if (reply.status() != ClobReply.OK) {
                        return Future.failedFuture("balance: HTTP " + reply.status());
                    }
                    String raw = new JsonObject(reply.body()).getString("balance", "0");
                    return Future.succeededFuture(
                            new VenueBalance(Platform.POLYMARKET, new BigDecimal(raw).movePointLeft(PUSD_DECIMALS)));
                })
                .toCompletionStage();
    }

    /**
     * Cash for the capital rules (issue 12): {@code GET /balance-allowance?asset_type=COLLATERAL} gives the pUSD
     * balance and the exchanges' allowances (6-decimal base units); the allowance counted is the smallest among the
     * spenders listed, since an order may need any of them. The CLOB caches balances: when it reads zero,
     * {@code GET /balance-allowance/update} makes it read the wallet again, and the balance is read once more
     * (polymarket.md §3.5, §8 item 8).
     */
    @Override
    public CompletionStage<VenueCash> cash() {
        String query = "?asset_type=COLLATERAL&signature_type="
                + credentials.signatureType().wireValue();
        return apiCredentials()
                .compose(api -> readCash(query, api)
                        .compose(cash -> cash.cash().signum() != 0
                                ? Future.succeededFuture(cash)
                                : send(HttpMethod.GET, config.clobUrl(), "/balance-allowance/update", query, null, api)
                                        .compose(updated -> updated.status() == 200
                                                ? readCash(query, api)
                                                : Future.failedFuture("balance update: HTTP " + updated.status()))))
                .toCompletionStage();
    }

    /**
     * Cash after a redemption paid pUSD into the wallet on chain: the CLOB's cached balance follows only its own
     * trades, so {@code GET /balance-allowance/update} makes it read the wallet before the balance is read.
     */
    @Override
    public CompletionStage<VenueCash> cashAfterDeposit() {
        String query = "?asset_type=COLLATERAL&signature_type="
                + credentials.signatureType().wireValue();
        return apiCredentials()
                .compose(api -> send(HttpMethod.GET, config.clobUrl(), "/balance-allowance/update", query, null, api)
                        .compose(updated -> updated.status() == ClobReply.OK
                                ? readCash(query, api)
                                : Future.failedFuture("balance update: HTTP " + updated.status())))
                .toCompletionStage();
    }

    private Future<VenueCash> readCash(String query, ApiCredentials api) {
        return send(HttpMethod.GET, config.clobUrl(), "/balance-allowance", query, null, api)
                .compose(reply -> {
                    if (reply.status() != 200) {
                        return Future.failedFuture("balance: HTTP " + reply.status());
                    }
                    try {
                        return Future.succeededFuture(cash(new JsonObject(reply.body()), System.currentTimeMillis()));
                    } catch (RuntimeException e) {
                        return Future.failedFuture("balance: unreadable answer: " + e.getMessage());
                    }
                });
    }

    /** Parses a {@code /balance-allowance} answer; an answer without allowances has no allowance cap (null). */
    static VenueCash cash(JsonObject body, long asOfMillis) {
        BigDecimal balance = new BigDecimal(body.getString("balance", "0")).movePointLeft(6);
        BigDecimal allowance = null;
        JsonObject allowances = body.getJsonObject("allowances");
        if (allowances != null) {
            for (String spender : allowances.fieldNames()) {
                BigDecimal value = new BigDecimal(String.valueOf(allowances.getValue(spender))).movePointLeft(6);
                allowance = allowance == null ? value : allowance.min(value);
            }
        }
        return VenueCash.polymarket(balance, allowance, asOfMillis);
    }

    /**
     * The configured API credentials, or derived once through L1 ({@code GET /auth/derive-api-key} with a
     * ClobAuth signature; "always derive, don't create", polymarket.md §4.1).
     */
    public Future<ApiCredentials> apiCredentials() {
        PolymarketCredentials creds = credentials;
        if (creds.api() != null) {
            return Future.succeededFuture(creds.api());
        }
        long ts = TimeUnit.MILLISECONDS.toSeconds(nowMillis.getAsLong());
        HttpRequest<Buffer> request =
                client.getAbs(config.clobUrl() + "/auth/derive-api-key").timeout(config.requestTimeoutMillis());
        ClobAuth.headers(creds.signer(), creds.chainId(), ts, 0).forEach(request::putHeader);
        return request.send().compose(response -> {
            if (response.statusCode() != ClobReply.OK) {
                return Future.failedFuture("derive-api-key: HTTP " + response.statusCode());
            }
            JsonObject body = response.bodyAsJsonObject();
            ApiCredentials derived = new ApiCredentials(
                    body.getString("apiKey"), body.getString("secret"), body.getString("passphrase"));
            credentials = creds.withApi(derived);
            LOG.log(
                    System.Logger.Level.INFO,
                    "polymarket API key derived for " + creds.signer().address());
            return Future.succeededFuture(derived);
        });
    }

    /** One L2-signed request; 429/425/503 are resent (identical bytes, fresh HMAC) after Retry-After. */
    private Future<ClobReply> send(
            HttpMethod method, String base, String path, String query, String body, ApiCredentials api) {
        return send(method, base, path, query, body, api, 1);
    }

    private Future<ClobReply> send(
            HttpMethod method, String base, String path, String query, String body, ApiCredentials api, int attempt) {
        long ts = TimeUnit.MILLISECONDS.toSeconds(nowMillis.getAsLong());
        HttpRequest<Buffer> request =
                client.requestAbs(method, base + path + query).timeout(config.requestTimeoutMillis());
        // the HMAC covers the path without its query string and the exact body text
        L2Auth.headers(credentials.signer().address(), api, ts, method.name(), path, body)
                .forEach(request::putHeader);
        Future<HttpResponse<Buffer>> response;
        if (body == null) {
            response = request.send();
        } else {
            request.putHeader("Content-Type", "application/json");
            response = request.sendBuffer(Buffer.buffer(body, "UTF-8"));
        }
        return response.map(r -> new ClobReply(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After")))
                .compose(reply -> {
                    if (!reply.retriable() || attempt >= config.maxAttempts()) {
                        return Future.succeededFuture(reply);
                    }
                    long wait = reply.retryAfterMillis(PolymarketGatewayConfig.DEFAULT_RETRY_MILLIS);
                    if (wait > config.maxRetryWaitMillis()) {
                        return Future.succeededFuture(reply);
                    }
                    LOG.log(
                            System.Logger.Level.INFO,
                            "polymarket " + method + " " + path + " got HTTP " + reply.status() + ", resending in "
                                    + wait + " ms (attempt " + (attempt + 1) + ")");
                    Promise<ClobReply> retried = Promise.promise();
                    vertx.setTimer(
                            Math.max(1, wait),
                            id -> send(method, base, path, query, body, api, attempt + 1)
                                    .onComplete(retried));
                    return retried.future();
                });
    }

    /** After "breaks minimum tick size": the venue changed the tick; fetch it so the next order fits. */
    private void refreshTickSize(String tokenId) {
        client.getAbs(config.clobUrl() + "/tick-size")
                .addQueryParam("token_id", tokenId)
                .timeout(config.requestTimeoutMillis())
                .send()
                .onSuccess(response -> {
                    try {
                        Object tick = response.bodyAsJsonObject().getValue("minimum_tick_size");
                        catalog.updateTickSize(tokenId, new BigDecimal(String.valueOf(tick)));
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "polymarket tick-size refresh failed: " + e.getMessage());
                    }
                });
    }

    private static OrderResult unknownFor(String orderHash, Throwable failure) {
        return new OrderResult(
                null,
                orderHash,
                OrderStatus.UNKNOWN,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                null,
                "no answer: " + failure.getMessage());
    }

    private static long toFixed(BigDecimal value) {
        return value.setScale(FixedPoint.DECIMALS, RoundingMode.DOWN)
                .unscaledValue()
                .longValueExact();
    }
}

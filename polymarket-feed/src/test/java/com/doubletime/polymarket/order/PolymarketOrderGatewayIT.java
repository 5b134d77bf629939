package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.PolymarketAccount;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorConfig;
import com.doubletime.simulator.SimulatorProbe;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adapter's signed orders against the simulated CLOB, which verifies HMAC and EIP-712 independently. */
@ExtendWith(VertxExtension.class)
@Timeout(120)
class PolymarketOrderGatewayIT {
    static final String YES = "101";
    static final String NO = "102";
    static final List<SimulatedMarket> MARKETS =
            List.of(new SimulatedMarket("KXFED-26DEC-C25", "0xaa", YES, NO, false));
    static final String API_KEY = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";
    static final String PASSPHRASE = "sim-passphrase";
    static final long WAIT = 30;

    private Vertx vertx;
    private ExchangeSimulator simulator;
    private WebClient web;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        // stepIntervalMillis 0: the opening books stay still, so prices are known
        simulator = ExchangeSimulator.start(
                        vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 7, 0, 0, null))
                .await(10, TimeUnit.SECONDS);
        simulator
                .polymarket()
                .register(new PolymarketAccount(
                        KnownAnswerVectorsTest.HARDHAT_ADDRESS, API_KEY, SECRET, PASSPHRASE, null));
        web = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        simulator.stop().await(10, TimeUnit.SECONDS);
    }

    private PolymarketCredentials credentials(boolean withApi) {
        Map<String, String> env = withApi
                ? Map.of(
                        "POLYMARKET_PRIVATE_KEY",
                        KnownAnswerVectorsTest.HARDHAT_KEY,
                        "POLYMARKET_API_KEY",
                        API_KEY,
                        "POLYMARKET_API_SECRET",
                        SECRET,
                        "POLYMARKET_API_PASSPHRASE",
                        PASSPHRASE)
                : Map.of("POLYMARKET_PRIVATE_KEY", KnownAnswerVectorsTest.HARDHAT_KEY);
        return PolymarketCredentials.fromEnvironment(env);
    }

    private PolymarketOrderGateway gateway(PolymarketCredentials credentials) {
        PolymarketMarketCatalog catalog = new PolymarketMarketCatalog();
        for (String token : List.of(YES, NO)) {
            catalog.put(new TokenMarket(token, "0xaa", new BigDecimal("0.01"), new BigDecimal("5"), false, "v1"));
        }
        String url = simulator.polymarketRestUrl();
        return new PolymarketOrderGateway(
                vertx, web, PolymarketGatewayConfig.of(url, url), credentials, catalog, System::currentTimeMillis);
    }

    private JsonObject book(String token) throws Exception {
        return web.getAbs(simulator.polymarketRestUrl() + "/book")
                .addQueryParam("token_id", token)
                .send()
                .await(WAIT, TimeUnit.SECONDS)
                .bodyAsJsonObject();
    }

    /** Best ask: the LAST element of the descending asks array (polymarket.md §2.2). */
    private long bestAsk(String token) throws Exception {
        JsonArray asks = book(token).getJsonArray("asks");
        return FixedPoint.parse(asks.getJsonObject(asks.size() - 1).getString("price"));
    }

    private static OrderRequest buy(String id, String token, long price, long quantity, TimeInForce tif) {
        return new OrderRequest(id, Platform.POLYMARKET, token, Outcome.YES, OrderAction.BUY, price, quantity, tif);
    }

    private static OrderResult await(CompletionStage<OrderResult> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void anOrderIsSignedOnTheCallersEventLoopBeforePlaceReturnsWithNoWorkerHop() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        CompletableFuture<Boolean> signedBeforeReturn = new CompletableFuture<>();
        CompletableFuture<OrderResult> answer = new CompletableFuture<>();
        long ask = bestAsk(YES);
        vertx.getOrCreateContext().runOnContext(ignored -> {
            CompletionStage<OrderResult> placed =
                    gateway.place(buy("thread-1", YES, ask, FixedPoint.ONE * 5, TimeInForce.FILL_OR_KILL));
            // had the signing gone to a worker, the prepared order would not exist yet
            signedBeforeReturn.complete(gateway.isPrepared("thread-1"));
            placed.whenComplete((result, failure) -> answer.complete(result));
        });

        assertTrue(signedBeforeReturn.get(WAIT, TimeUnit.SECONDS));
        assertEquals(OrderStatus.FILLED, answer.get(WAIT, TimeUnit.SECONDS).status());
    }

    @Test
    void orderSignedByTheAdapterIsMatchedAgainstTheBookAndQueryableByHash() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        long ask = bestAsk(YES);

        OrderResult placed =
                await(gateway.place(buy("t1-leg-pm", YES, ask, 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        assertEquals(5 * FixedPoint.ONE, placed.filledQuantity());
        assertEquals(ask, placed.averagePrice());
        assertTrue(placed.venueOrderId().matches("0x[0-9a-f]{64}"), placed.venueOrderId());
        OrderResult queried = await(gateway.status(placed.venueOrderId()));
        assertEquals(OrderStatus.FILLED, queried.status(), queried.toString());
        assertEquals(5 * FixedPoint.ONE, queried.filledQuantity());
        List<VenuePosition> positions =
                gateway.positions().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(new VenuePosition(Platform.POLYMARKET, YES, Outcome.YES, 5 * FixedPoint.ONE)), positions);
        // the simulated wallet starts with 10,000 pUSD and paid 5 shares at the ask
        BigDecimal spent = FixedPoint.toBigDecimal(ask).multiply(BigDecimal.valueOf(5));
        assertEquals(
                0,
                new BigDecimal("10000")
                        .subtract(spent)
                        .compareTo(gateway.balance()
                                .toCompletableFuture()
                                .get(WAIT, TimeUnit.SECONDS)
                                .available()));
    }

    @Test
    void aMatchedReplyInRawUnitsIsConfirmedByTheOrderRecordAndRaisesAnAlert() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        List<String> alerts = new CopyOnWriteArrayList<>();
        gateway.onFillMismatch(alerts::add);
        long ask = bestAsk(YES);
        simulator.polymarket().faults().answerNextMatchesInRawUnits(1);

        OrderResult placed =
                await(gateway.place(buy("t-raw", YES, ask, 5 * FixedPoint.ONE, TimeInForce.IMMEDIATE_OR_CANCEL)));

        // before: "5000000" shares on a 5-share order was guessed raw by a 1000x rule; a small fill on a large
        // order was read a million times too big. Now the venue's size_matched decides, and the reply is flagged.
        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        assertEquals(5 * FixedPoint.ONE, placed.filledQuantity());
        assertEquals(ask, placed.averagePrice());
        assertEquals(ClobResponses.FILL_MISMATCH, placed.rejectCode());
        assertTrue(placed.rejectReason().startsWith("fill confirmed by GET /data/order"), placed.rejectReason());
        assertEquals(1, gateway.fillMismatches());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).contains(placed.venueOrderId()), alerts.get(0));
    }

    @Test
    void theHashFixedBeforeSendingIsTheSentOrdersAndFindsItOrTellsItNeverArrived() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        OrderRequest order = buy("t-planned", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL);
        OrderRequest neverSent = buy("t-unsent", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL);

        String planned = gateway.orderIdBeforeSending(order);
        OrderResult placed = await(gateway.place(order));
        OrderResult found = await(gateway.findByVenueOrderId(planned, order.clientOrderId()));
        OrderResult missing =
                await(gateway.findByVenueOrderId(gateway.orderIdBeforeSending(neverSent), neverSent.clientOrderId()));

        assertEquals(placed.venueOrderId(), planned);
        assertEquals(OrderStatus.FILLED, found.status());
        assertEquals(order.clientOrderId(), found.clientOrderId());
        assertEquals(5 * FixedPoint.ONE, found.filledQuantity());
        assertEquals(OrderStatus.UNFILLED, missing.status());
        assertEquals(0, missing.filledQuantity());
    }

    @Test
    void findByOrderHashReadsTheVenuesRecordAndIsEmptyForAnOrderTheVenueNeverSaw() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        OrderResult placed =
                await(gateway.place(buy("t-find", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        ClobOpenOrder found = gateway.findByOrderHash(placed.venueOrderId())
                .await(WAIT, TimeUnit.SECONDS)
                .orElseThrow();
        assertEquals(placed.venueOrderId(), found.id());
        assertEquals("MATCHED", found.status());
        assertEquals(YES, found.assetId());
        assertEquals(5 * FixedPoint.ONE, found.sizeMatched());
        assertEquals(5 * FixedPoint.ONE, found.originalSize());
        assertFalse(found.associateTrades().isEmpty());

        assertTrue(gateway.findByOrderHash("0x" + "0".repeat(64))
                .await(WAIT, TimeUnit.SECONDS)
                .isEmpty());
        // the record is private: without valid L2 headers the venue refuses, and nothing is assumed
        PolymarketOrderGateway stranger = gateway(PolymarketCredentials.fromEnvironment(Map.of(
                "POLYMARKET_PRIVATE_KEY",
                KnownAnswerVectorsTest.HARDHAT_KEY,
                "POLYMARKET_API_KEY",
                API_KEY,
                "POLYMARKET_API_SECRET",
                "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZy0=",
                "POLYMARKET_API_PASSPHRASE",
                PASSPHRASE)));
        assertTrue(stranger.findByOrderHash(placed.venueOrderId())
                .toCompletionStage()
                .toCompletableFuture()
                .handle((record, failure) -> failure != null)
                .get(WAIT, TimeUnit.SECONDS));
    }

    @Test
    void theSignerWarmUpSendsNoOrderAndTheFirstRealOrderStillFills() throws Exception {
        AtomicInteger ordersAtVenue = new AtomicInteger();
        simulator.probe(new SimulatorProbe() {
            @Override
            public void stepSent(int stepIndex, long nanoTime) {}

            @Override
            public void orderReceived(Venue venue, String clientOrderId, long nanoTime) {
                ordersAtVenue.incrementAndGet();
            }
        });
        PolymarketOrderGateway gateway = gateway(credentials(true));

        assertTrue(gateway.warmUpSigner().matches("0x[0-9a-f]{130}"));
        assertEquals(0, ordersAtVenue.get());
        OrderResult placed =
                await(gateway.place(buy("t-warm", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));
        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        assertEquals(1, ordersAtVenue.get());
    }

    @Test
    void resendingTheSameClientOrderIdPostsTheSameOrderWhichTheVenueRefusesAsDuplicate() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        OrderRequest order = buy("t2-leg-pm", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL);

        OrderResult first = await(gateway.place(order));
        OrderResult again = await(gateway.place(order));

        assertEquals(OrderStatus.FILLED, first.status());
        assertEquals(OrderStatus.REJECTED, again.status());
        assertEquals("duplicated", again.rejectCode());
        assertEquals(first.venueOrderId(), again.venueOrderId());
    }

    @Test
    void fillOrKillBelowTheBestAskIsUnfilledNotRejected() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));

        OrderResult result = await(
                gateway.place(buy("t3", YES, bestAsk(YES) - 10_000, 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.UNFILLED, result.status(), result.toString());
        assertEquals(0, result.filledQuantity());
    }

    @Test
    void refusesInvalidRequestsBeforeTheVenueAndCountsThem() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));

        OrderResult unknownToken =
                await(gateway.place(buy("t4", "999", 500_000, 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));
        OrderResult offTick =
                await(gateway.place(buy("t5", YES, 505_000, 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));
        OrderResult tooSmall = await(gateway.place(buy("t6", YES, 500_000, FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        for (OrderResult result : List.of(unknownToken, offTick, tooSmall)) {
            assertEquals(OrderStatus.REJECTED, result.status());
            assertEquals("invalid_request", result.rejectCode());
        }
        assertEquals(3, gateway.invalidRequests());
    }

    @Test
    void derivesApiCredentialsWithClobAuthWhenNoneAreConfigured() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(false));

        OrderResult placed =
                await(gateway.place(buy("t7", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        ApiCredentials derived = gateway.apiCredentials().await(WAIT, TimeUnit.SECONDS);
        assertFalse(derived.toString().contains(derived.secret()));
    }

    @Test
    void resendsAfter429And425WithRetryAfterAndThenFills() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        simulator.polymarket().faults().rateLimitNextOrders(1, 1);

        OrderResult afterRateLimit =
                await(gateway.place(buy("t8", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));
        simulator.polymarket().faults().tooEarlyForNextOrders(2, 0);
        OrderResult afterRestart =
                await(gateway.place(buy("t9", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.FILLED, afterRateLimit.status(), afterRateLimit.toString());
        assertEquals(OrderStatus.FILLED, afterRestart.status(), afterRestart.toString());
    }

    @Test
    void retryAfterLongerThanTheLegCanWaitIsARejection() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        simulator.polymarket().faults().rateLimitNextOrders(1, 60);

        OrderResult result =
                await(gateway.place(buy("t10", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.REJECTED, result.status());
        assertEquals("rate_limited", result.rejectCode());
    }

    @Test
    void delayedOrderIsReportedDelayedAndLaterMatched() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        simulator.polymarket().faults().delayNextOrders(1);

        OrderResult placed = await(
                gateway.place(buy("t11", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.IMMEDIATE_OR_CANCEL)));

        assertEquals(OrderStatus.DELAYED, placed.status(), placed.toString());
        OrderResult later = placed;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (later.status() == OrderStatus.DELAYED && System.nanoTime() < deadline) {
            Thread.sleep(100);
            later = await(gateway.status(placed.venueOrderId()));
        }
        assertEquals(OrderStatus.FILLED, later.status(), later.toString());
    }

    @Test
    void depositWalletOrderSignedWithThePoly1271EnvelopeIsAccepted() throws Exception {
        String wallet = "0x1111111111111111111111111111111111111111";
        simulator
                .polymarket()
                .register(new PolymarketAccount(
                        KnownAnswerVectorsTest.HARDHAT_ADDRESS, API_KEY, SECRET, PASSPHRASE, wallet));
        PolymarketOrderGateway gateway = gateway(PolymarketCredentials.fromEnvironment(Map.of(
                "POLYMARKET_PRIVATE_KEY",
                KnownAnswerVectorsTest.HARDHAT_KEY,
                "POLYMARKET_API_KEY",
                API_KEY,
                "POLYMARKET_API_SECRET",
                SECRET,
                "POLYMARKET_API_PASSPHRASE",
                PASSPHRASE,
                "POLYMARKET_SIGNATURE_TYPE",
                "3",
                "POLYMARKET_FUNDER",
                wallet)));

        OrderResult placed =
                await(gateway.place(buy("t12", NO, bestAsk(NO), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
    }

    @Test
    void cancellingAKilledOrMatchedOrderIsNotCanceled() throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        OrderResult placed =
                await(gateway.place(buy("t13", YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL)));

        OrderResult cancel = await(gateway.cancel(placed.venueOrderId()));

        assertEquals(OrderStatus.REJECTED, cancel.status());
        assertEquals("not_canceled", cancel.rejectCode());
    }

    // --- tampering: the signature covers every one of the 11 fields, the HMAC covers the body ---

    private HttpResponse<Buffer> post(String body, String apiSecret) throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        HttpRequest<Buffer> request = web.postAbs(simulator.polymarketRestUrl() + "/order");
        L2Auth.headers(
                        KnownAnswerVectorsTest.HARDHAT_ADDRESS,
                        new ApiCredentials(API_KEY, apiSecret, PASSPHRASE),
                        ts,
                        "POST",
                        "/order",
                        body)
                .forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(body)).await(WAIT, TimeUnit.SECONDS);
    }

    private String signedBody(String clientOrderId) throws Exception {
        PolymarketOrderGateway gateway = gateway(credentials(true));
        return gateway.prepare(
                        buy(clientOrderId, YES, bestAsk(YES), 5 * FixedPoint.ONE, TimeInForce.FILL_OR_KILL),
                        credentials(true).api())
                .body();
    }

    private static String alter(String body, UnaryOperator<JsonObject> change) {
        JsonObject json = new JsonObject(body);
        change.apply(json.getJsonObject("order"));
        return json.encode();
    }

    @Test
    void venueRejectsTheOrderWhenAnySignedFieldIsAltered() throws Exception {
        String body = signedBody("tamper");
        String other = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        String ones = "0x" + "11".repeat(32);
        Map<String, UnaryOperator<JsonObject>> alterations = Map.ofEntries(
                Map.entry("salt", o -> o.put("salt", o.getLong("salt") + 1)),
                Map.entry("maker", o -> o.put("maker", other)),
                Map.entry("signer", o -> o.put("signer", other)),
                Map.entry("tokenId", o -> o.put("tokenId", NO)),
                Map.entry(
                        "makerAmount",
                        o -> o.put("makerAmount", Long.toString(Long.parseLong(o.getString("makerAmount")) + 10_000))),
                Map.entry(
                        "takerAmount",
                        o -> o.put("takerAmount", Long.toString(Long.parseLong(o.getString("takerAmount")) - 10_000))),
                Map.entry("side", o -> o.put("side", "SELL")),
                Map.entry("signatureType", o -> o.put("signatureType", 1)),
                Map.entry(
                        "timestamp",
                        o -> o.put("timestamp", Long.toString(Long.parseLong(o.getString("timestamp")) + 1))),
                Map.entry("metadata", o -> o.put("metadata", ones)),
                Map.entry("builder", o -> o.put("builder", ones)));

        for (Map.Entry<String, UnaryOperator<JsonObject>> alteration : alterations.entrySet()) {
            HttpResponse<Buffer> response = post(alter(body, alteration.getValue()), SECRET);
            assertEquals(400, response.statusCode(), alteration.getKey() + ": " + response.bodyAsString());
            String error = response.bodyAsJsonObject().getString("error");
            assertTrue(
                    error.equals("invalid signature") || error.contains("signer address has to be"),
                    alteration.getKey() + ": " + error);
        }
        HttpResponse<Buffer> untouched = post(body, SECRET);
        assertEquals(200, untouched.statusCode(), untouched.bodyAsString());
        assertEquals("matched", untouched.bodyAsJsonObject().getString("status"));
    }

    @Test
    void expirationIsSentButNotSignedSoChangingItKeepsTheSignatureValid() throws Exception {
        String body = alter(signedBody("unsigned-expiration"), o -> o.put("expiration", "1999999999"));

        HttpResponse<Buffer> response = post(body, SECRET);

        assertEquals(200, response.statusCode(), response.bodyAsString());
    }

    @Test
    void venueAnswers401WhenTheHmacDoesNotCoverTheBodySent() throws Exception {
        String body = signedBody("hmac");

        HttpResponse<Buffer> wrongSecret = post(body, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        assertEquals(401, wrongSecret.statusCode());
    }
}

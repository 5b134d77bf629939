package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.order.VenueFill;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiHandshake;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.auth.TestKeys;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiAuthException;
import com.doubletime.kalshi.rest.KalshiMarket;
import com.doubletime.kalshi.rest.KalshiRateLimitedException;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.kalshi.rest.KalshiRestOrderbook;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed WebSocket handshake and signed REST against the simulator with authentication on. */
@ExtendWith(VertxExtension.class)
@Timeout(120)
class KalshiSignedSimulatorIT {
    private static final String FED = SignedSimulator.TICKERS.get(0);

    private Vertx vertx;
    private SignedSimulator kalshi;
    private FeedProbe probe;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        kalshi = SignedSimulator.start(vertx);
        probe = new FeedProbe(vertx, SignedSimulator.MARKETS);
    }

    @AfterEach
    void tearDown() throws Exception {
        kalshi.stop();
    }

    private KalshiFeedConfig feedConfig() {
        return KalshiFeedConfig.of(kalshi.simulator.kalshiWsUrl(), SignedSimulator.TICKERS)
                .withReconnect(50, 200);
    }

    private FeedHealth awaitHealth(Predicate<FeedHealth> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            FeedHealth health = probe.health();
            if (health != null && wanted.test(health)) {
                return health;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("feed health never matched; last " + probe.health());
    }

    @Test
    void signedHandshakeIsAcceptedAndEveryBookArrives() throws Exception {
        vertx.deployVerticle(new KalshiFeedVerticle(feedConfig(), kalshi.handshake()))
                .await(10, TimeUnit.SECONDS);

        FeedHealth health =
                awaitHealth(h -> h.connected() && h.staleInstruments().isEmpty());

        assertEquals(0, health.malformed());
        for (String ticker : SignedSimulator.TICKERS) {
            assertTrue(probe.fresh(ticker), ticker);
            assertEquals(kalshi.yesBids(ticker), probe.bids(ticker));
            assertEquals(kalshi.yesAsks(ticker), probe.asks(ticker));
        }
    }

    @Test
    void handshakeWithoutSignatureIsRejectedWith401AndTheBooksStayStale() throws Exception {
        vertx.deployVerticle(new KalshiFeedVerticle(feedConfig())).await(10, TimeUnit.SECONDS);

        FeedHealth health = awaitHealth(h -> h.reconnects() >= 2);

        assertFalse(health.connected());
        assertTrue(health.lastError().contains("401"), health.lastError());
        assertEquals(SignedSimulator.TICKERS.stream().sorted().toList(), health.staleInstruments());
    }

    @Test
    void handshakeSignedByAnotherKeyIsRejected() throws Exception {
        KalshiSigner stranger =
                new KalshiSigner(KalshiCredentials.fromPem("test-key-id", TestKeys.pkcs1Pem(TestKeys.generate())));
        vertx.deployVerticle(new KalshiFeedVerticle(feedConfig(), new KalshiHandshake(stranger)))
                .await(10, TimeUnit.SECONDS);

        FeedHealth health = awaitHealth(h -> h.reconnects() >= 2);

        assertFalse(health.connected());
        assertTrue(health.lastError().contains("401"), health.lastError());
    }

    @Test
    void handshakeWithAnOldTimestampIsRejected() throws Exception {
        KalshiSigner late = new KalshiSigner(
                KalshiCredentials.fromPem("test-key-id", TestKeys.pkcs1Pem(TestKeys.pair())),
                () -> System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(5));
        vertx.deployVerticle(new KalshiFeedVerticle(feedConfig(), new KalshiHandshake(late)))
                .await(10, TimeUnit.SECONDS);

        FeedHealth health = awaitHealth(h -> h.reconnects() >= 2);

        assertFalse(health.connected());
        assertTrue(health.lastError().contains("401"), health.lastError());
    }

    @Test
    void restWithABadKeyFailsWithAClearCredentialOrClockError() throws Exception {
        KalshiSigner stranger =
                new KalshiSigner(KalshiCredentials.fromPem("test-key-id", TestKeys.pkcs8Pem(TestKeys.generate())));
        KalshiRestClient rest =
                new KalshiRestClient(vertx, KalshiRestConfig.of(kalshi.simulator.kalshiRestUrl()), stranger);

        ExecutionException failure = Assertions.assertThrows(
                ExecutionException.class,
                () -> rest.orderbook(FED, 0)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));

        KalshiAuthException auth = assertInstanceOf(KalshiAuthException.class, failure.getCause());
        assertTrue(
                auth.getMessage().contains("KALSHI_API_KEY_ID")
                        && auth.getMessage().contains("clock"),
                auth.getMessage());
        OrderResult order = new KalshiOrderGateway(rest)
                .place(buy(Outcome.YES, 990_000, "c-401"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals("authentication_error", order.rejectCode());
        rest.close();
    }

    @Test
    void marketsAreReadAcrossCursorPages() throws Exception {
        List<KalshiMarket> all = kalshi.rest.markets(Map.of()).await(10, TimeUnit.SECONDS);
        var firstPage = kalshi.rest.get("/markets", Map.of("limit", "1")).await(10, TimeUnit.SECONDS);
        var secondPage = kalshi.rest
                .get("/markets", Map.of("limit", "1", "cursor", firstPage.getString("cursor")))
                .await(10, TimeUnit.SECONDS);

        assertEquals(
                SignedSimulator.TICKERS, all.stream().map(KalshiMarket::ticker).toList());
        assertEquals(FED, firstPage.getJsonArray("markets").getJsonObject(0).getString("ticker"));
        assertEquals(
                SignedSimulator.TICKERS.get(1),
                secondPage.getJsonArray("markets").getJsonObject(0).getString("ticker"));
        assertEquals("", secondPage.getString("cursor"));
        assertEquals(
                0,
                kalshi.rest
                        .markets(Map.of("status", "settled"))
                        .await(10, TimeUnit.SECONDS)
                        .size());
    }

    @Test
    void rateLimitedRequestsAreRetriedWithBackoffUntilTheyPass() throws Exception {
        kalshi.simulator.kalshiFaults().rateLimitNextRequests(3);

        KalshiRestOrderbook book = kalshi.orderbook(FED);

        assertFalse(book.yesBids().count() == 0);
        assertEquals(3, kalshi.rest.rateLimited());
        assertEquals(3, kalshi.simulator.kalshiFaults().rateLimitedAnswers());
    }

    @Test
    void rateLimitingLongerThanTheRetriesFailsWithATooManyRequestsError() throws Exception {
        kalshi.simulator.kalshiFaults().rateLimitNextRequests(6);

        ExecutionException failure = Assertions.assertThrows(
                ExecutionException.class,
                () -> kalshi.rest
                        .orderbook(FED, 0)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS));

        assertInstanceOf(KalshiRateLimitedException.class, failure.getCause());
        assertEquals(6, kalshi.rest.rateLimited());
    }

    @Test
    void aSlowAnswerPastTheTimeoutLeavesAnOrderUnknownNotRejected() throws Exception {
        KalshiRestClient impatient = new KalshiRestClient(
                vertx,
                KalshiRestConfig.of(kalshi.simulator.kalshiRestUrl()).withRequestTimeoutMillis(300),
                kalshi.signer);
        kalshi.simulator.kalshiFaults().answerSlowly(2_000);

        OrderResult result = new KalshiOrderGateway(impatient)
                .place(buy(Outcome.YES, 990_000, "slow-1"))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertEquals(OrderStatus.UNKNOWN, result.status());
        kalshi.simulator.kalshiFaults().answerSlowly(0);
        impatient.close();
    }

    @Test
    void ordersOfEachIntentFillAgainstTheBookAndShowInFillsPositionsAndBalance() throws Exception {
        KalshiRestOrderbook before = kalshi.orderbook(FED);
        BigDecimal cashBefore = kalshi.gateway
                .balance()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .available();

        // buy YES: takes the best YES ask (1 − best NO bid) for one contract
        OrderResult yes = kalshi.gateway
                .place(buy(Outcome.YES, 990_000, "buy-yes-1"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        // buy NO: takes the best NO ask (1 − best YES bid)
        OrderResult no = kalshi.gateway
                .place(buy(Outcome.NO, 990_000, "buy-no-1"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        long bestNoBid = before.noBids().prices()[before.noBids().count() - 1];
        long bestYesBid = before.yesBids().prices()[before.yesBids().count() - 1];
        assertEquals(OrderStatus.FILLED, yes.status(), yes.toString());
        assertEquals(1_000_000 - bestNoBid, yes.averagePrice(), "paid the YES ask");
        assertEquals(OrderStatus.FILLED, no.status(), no.toString());
        assertEquals(1_000_000 - bestYesBid, no.averagePrice(), "paid the NO ask, in NO terms");
        List<VenueFill> fills =
                kalshi.gateway.fills(FED, null).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(2, fills.size());
        assertEquals(Outcome.NO, fills.get(0).outcome());
        assertEquals(OrderAction.BUY, fills.get(0).action());
        assertEquals(1_000_000 - bestYesBid, fills.get(0).price());
        assertEquals(Outcome.YES, fills.get(1).outcome());
        BigDecimal fees = fills.stream().map(VenueFill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        // one YES and one NO net to a flat position; cash paid both prices and both fees
        List<VenuePosition> positions =
                kalshi.gateway.positions().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), positions);
        BigDecimal cashAfter = kalshi.gateway
                .balance()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .available();
        BigDecimal paid =
                FixedPoint.toBigDecimal(yes.averagePrice() + no.averagePrice()).subtract(BigDecimal.ONE);
        assertEquals(0, cashBefore.subtract(cashAfter).compareTo(paid.add(fees)), cashBefore + " → " + cashAfter);
        assertEquals(
                OrderStatus.FILLED,
                kalshi.gateway
                        .status(yes.venueOrderId())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .status());
    }

    @Test
    void fillOrKillBeyondTheBookIsUnfilledAndADuplicateClientOrderIdIsUnknown() throws Exception {
        OrderRequest huge = new OrderRequest(
                "fok-1",
                Platform.KALSHI,
                FED,
                Outcome.YES,
                OrderAction.BUY,
                990_000,
                5_000L * 1_000_000,
                TimeInForce.FILL_OR_KILL); // more than the book holds, within the cash

        OrderResult result = kalshi.gateway.place(huge).toCompletableFuture().get(10, TimeUnit.SECONDS);
        OrderResult again = kalshi.gateway.place(huge).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(OrderStatus.UNFILLED, result.status(), result.toString());
        assertEquals(0, result.filledQuantity());
        assertEquals(OrderStatus.UNKNOWN, again.status(), "409: the order may exist; ask before acting");
    }

    @Test
    void anOrderIsFoundByItsClientOrderIdAcrossSignedCursorPagesAndAMissingOneIsUnfilled() throws Exception {
        OrderResult first = kalshi.gateway
                .place(buy(Outcome.YES, 990_000, "find-1"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        kalshi.gateway
                .place(buy(Outcome.NO, 990_000, "find-2"))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        OrderRequest other = new OrderRequest(
                "find-other",
                Platform.KALSHI,
                SignedSimulator.TICKERS.get(1),
                Outcome.YES,
                OrderAction.BUY,
                990_000,
                1_000_000,
                TimeInForce.IMMEDIATE_OR_CANCEL);
        kalshi.gateway.place(other).toCompletableFuture().get(10, TimeUnit.SECONDS);

        // the simulator's listing: newest first, by ticker, one order a page, the cursor empty on the last page
        var page1 = kalshi.rest
                .get("/portfolio/orders", Map.of("ticker", FED, "limit", "1"))
                .await(10, TimeUnit.SECONDS);
        var page2 = kalshi.rest
                .get("/portfolio/orders", Map.of("ticker", FED, "limit", "1", "cursor", page1.getString("cursor")))
                .await(10, TimeUnit.SECONDS);
        assertEquals("find-2", page1.getJsonArray("orders").getJsonObject(0).getString("client_order_id"));
        assertEquals("find-1", page2.getJsonArray("orders").getJsonObject(0).getString("client_order_id"));
        assertEquals("", page2.getString("cursor"));

        OrderResult found = kalshi.gateway
                .findByClientOrderId("find-1", FED)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(OrderStatus.FILLED, found.status(), found.toString());
        assertEquals(first.venueOrderId(), found.venueOrderId());
        assertEquals("find-1", found.clientOrderId());
        assertEquals(first.filledQuantity(), found.filledQuantity());
        assertEquals(first.averagePrice(), found.averagePrice());

        // on another ticker, or never sent: the listing was read in full and holds no such order
        OrderResult elsewhere = kalshi.gateway
                .findByClientOrderId("find-other", FED)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        OrderResult never = kalshi.gateway
                .findByClientOrderId("never-sent", FED)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(OrderStatus.UNFILLED, elsewhere.status());
        assertEquals(OrderStatus.UNFILLED, never.status());
        assertEquals(0, never.filledQuantity());
        assertEquals(null, never.venueOrderId());

        // the listing failing (rate limited past the retries) says nothing: UNKNOWN, not UNFILLED
        kalshi.simulator.kalshiFaults().rateLimitNextRequests(6);
        OrderResult failed = kalshi.gateway
                .findByClientOrderId("find-1", FED)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(OrderStatus.UNKNOWN, failed.status(), failed.toString());
    }

    @Test
    void lookupWithABadKeyIsUnknown() throws Exception {
        KalshiSigner stranger =
                new KalshiSigner(KalshiCredentials.fromPem("test-key-id", TestKeys.pkcs8Pem(TestKeys.generate())));
        KalshiRestClient rest =
                new KalshiRestClient(vertx, KalshiRestConfig.of(kalshi.simulator.kalshiRestUrl()), stranger);

        OrderResult result = new KalshiOrderGateway(rest)
                .findByClientOrderId("any", FED)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals(OrderStatus.UNKNOWN, result.status());
        assertEquals("authentication_error", result.rejectCode());
        rest.close();
    }

    private static OrderRequest buy(Outcome outcome, long price, String clientOrderId) {
        return new OrderRequest(
                clientOrderId,
                Platform.KALSHI,
                FED,
                outcome,
                OrderAction.BUY,
                price,
                1_000_000,
                TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    @SuppressWarnings("unused")
    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
    }
}

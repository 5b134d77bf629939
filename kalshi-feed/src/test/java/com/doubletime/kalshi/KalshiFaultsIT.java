package com.doubletime.kalshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.kalshi.order.KalshiV2Order;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.simulator.KalshiFaults;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Done when" of issue 3: against the signed simulator, with every fault switched on in turn while orders
 * move the books, the feed ends each phase with exactly the simulator's books, the monitor's engine never
 * finds an opportunity on a stale Kalshi book, and replaying the recorded capture gives the same books.
 * Runs with {@code use_yes_price} false and true.
 */
@ExtendWith(VertxExtension.class)
@Timeout(300)
class KalshiFaultsIT {
    private Vertx vertx;
    private SignedSimulator kalshi;
    private FeedProbe probe;
    private int orders;

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

    @ParameterizedTest(name = "use_yes_price={0}")
    @ValueSource(booleans = {false, true})
    void feedEndsWithTheSimulatorsBooksThroughEveryFaultAndNeverTradesOnAStaleBook(
            boolean useYesPrice, @TempDir Path dir) throws Exception {
        Path capture = dir.resolve("kalshi.jsonl");
        KalshiFeedConfig config = KalshiFeedConfig.of(kalshi.simulator.kalshiWsUrl(), SignedSimulator.TICKERS)
                .withUseYesPrice(useYesPrice)
                .withReconnect(50, 500)
                .withRecordFile(capture);
        String deployment = vertx.deployVerticle(new KalshiFeedVerticle(config, kalshi.handshake()))
                .await(10, TimeUnit.SECONDS);
        awaitSameBooks("start");
        KalshiFaults faults = kalshi.simulator.kalshiFaults();

        phase("seq gap", true, f -> f.skipSeq(1));
        phase("repeated frames", false, f -> f.repeatFrames(3));
        phase("malformed frames", false, f -> f.malformedFrames(2));
        phase("error 25", true, KalshiFaults::endSubscriptions);
        phase("dropped connection", true, KalshiFaults::dropConnections);
        phase("429 for a while", false, f -> f.rateLimitNextRequests(3));
        phase("slow answers", false, f -> f.answerSlowly(300));
        faults.answerSlowly(0);

        FeedHealth health = awaitHealth();
        assertTrue(
                health.gaps() >= 1 && health.duplicates() >= 3 && health.malformed() >= 2 && health.reconnects() >= 1,
                health.toString());
        assertEquals(List.of(), probe.violations());
        assertTrue(probe.opportunities() > 0, "fresh books did show opportunities");

        TreeMap<String, List<TreeMap<Long, Long>>> live = new TreeMap<>();
        for (String ticker : SignedSimulator.TICKERS) {
            live.put(ticker, List.of(probe.bids(ticker), probe.asks(ticker)));
        }
        vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
        assertEquals(live, replay(capture, useYesPrice), "record → replay gives the live books");
    }

    /** Switches one fault on, moves every book with orders, and waits for the feed to match the simulator. */
    private void phase(String name, boolean losesData, Consumer<KalshiFaults> fault) throws Exception {
        int mark = probe.mark();
        fault.accept(kalshi.simulator.kalshiFaults());
        moveBooks();
        awaitSameBooks(name);
        if (losesData) {
            for (String ticker : SignedSimulator.TICKERS) {
                assertTrue(
                        probe.markedStaleSince(mark, ticker),
                        name + ": " + ticker + " was marked stale until resynced");
            }
        }
    }

    /** Per ticker: a new resting YES bid (a delta that adds) and one YES contract bought (deltas that take). */
    private void moveBooks() throws Exception {
        for (String ticker : SignedSimulator.TICKERS) {
            orders++;
            OrderResult rest = place(
                    new OrderRequest(
                            "rest-" + orders,
                            Platform.KALSHI,
                            ticker,
                            Outcome.YES,
                            OrderAction.BUY,
                            10_000L * (1 + orders % 20),
                            1_000_000,
                            null),
                    "good_till_canceled");
            assertEquals(OrderStatus.RESTING, rest.status(), rest.toString());
            OrderResult take = kalshi.gateway
                    .place(new OrderRequest(
                            "take-" + orders,
                            Platform.KALSHI,
                            ticker,
                            Outcome.YES,
                            OrderAction.BUY,
                            990_000,
                            1_000_000,
                            TimeInForce.IMMEDIATE_OR_CANCEL))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(OrderStatus.FILLED, take.status(), take.toString());
        }
    }

    /** The gateway sends only IOC/FOK (arbitrage legs never rest): a resting order goes through the client. */
    private OrderResult place(OrderRequest order, String timeInForce) throws Exception {
        JsonObject body = KalshiV2Order.from(
                        new OrderRequest(
                                order.clientOrderId(),
                                order.platform(),
                                order.instrument(),
                                order.outcome(),
                                order.action(),
                                order.limitPrice(),
                                order.quantity(),
                                TimeInForce.IMMEDIATE_OR_CANCEL),
                        "taker_at_cross")
                .toJson()
                .put("time_in_force", timeInForce);
        JsonObject created = kalshi.rest
                .request(HttpMethod.POST, "/portfolio/events/orders", null, body, KalshiRestClient.Bucket.WRITE, 10)
                .await(30, TimeUnit.SECONDS);
        return new OrderResult(
                order.clientOrderId(),
                created.getString("order_id"),
                "0.00".equals(created.getString("remaining_count")) ? OrderStatus.UNFILLED : OrderStatus.RESTING,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                null,
                null);
    }

    private void awaitSameBooks(String phase) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean same = true;
            for (String ticker : SignedSimulator.TICKERS) {
                TreeMap<Long, Long> bids = kalshi.yesBids(ticker);
                TreeMap<Long, Long> asks = kalshi.yesAsks(ticker);
                if (!probe.fresh(ticker) || !bids.equals(probe.bids(ticker)) || !asks.equals(probe.asks(ticker))) {
                    same = false;
                    last = ticker + " fresh=" + probe.fresh(ticker) + " simulator " + bids + " / " + asks + " feed "
                            + probe.bids(ticker) + " / " + probe.asks(ticker);
                }
            }
            if (same) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(phase + ": the feed never matched the simulator: " + last);
    }

    private FeedHealth awaitHealth() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            FeedHealth health = probe.health();
            if (health != null
                    && health.connected()
                    && health.staleInstruments().isEmpty()
                    && health.reconnects() >= 1) {
                return health;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no healthy report: " + probe.health());
    }

    /** The capture through the same session and book rules the replay tool uses. */
    private static TreeMap<String, List<TreeMap<Long, Long>>> replay(Path capture, boolean useYesPrice)
            throws Exception {
        OrderbookSet books = new OrderbookSet();
        KalshiBookSession session = new KalshiBookSession(books, useYesPrice, null);
        for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
            JsonObject record = new JsonObject(line);
            long at = record.getLong("recv_ns");
            if ("connected".equals(record.getString("event"))) {
                session.onConnected(at);
            } else if ("disconnected".equals(record.getString("event"))) {
                session.onDisconnected("capture", at);
            } else {
                session.onFrame(record.getString("frame"), at);
            }
        }
        TreeMap<String, List<TreeMap<Long, Long>>> result = new TreeMap<>();
        for (String ticker : SignedSimulator.TICKERS) {
            var book = books.find(Platform.KALSHI, ticker);
            result.put(
                    ticker,
                    List.of(
                            SignedSimulator.levels(book.bids().toLevels(), false),
                            SignedSimulator.levels(book.asks().toLevels(), false)));
        }
        return result;
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.domain.format.OpportunityJson;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.executor.ExecutorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 end to end, live against the simulators (both real order gateways, Kalshi signatures and Polymarket
 * EIP-712 orders checked, cash per account and per Kalshi shard, market lifecycle, settlement and the Polygon
 * JSON-RPC): each test proves one behaviour over the gateway's API and the journal.
 *
 * <p>The scenario's window (written per test): Kalshi NO bids 0.55 × 120 (YES ask 0.45) and Polymarket NO asks
 * 0.53 × 200; a Kalshi NO bid 0.58 × 120 opens it — Kalshi YES 0.42 + Polymarket NO 0.53, 120 contracts. Markets,
 * accounts and lifecycle steps are the simulator's scenario additions (exchange-simulator/README.md). Every wait is
 * bounded and generous; nothing asserts on time.
 */
@Timeout(240)
class CapitalAndSettlementIT {
    private static final String TOKEN = "capital-settlement-it-token-0123456789";
    private static final String PAIR = "live-window";
    private static final String TICKER = "KX-LIVE-26DEC";
    private static final String CONDITION = "0x11e0000000000000000000000000000000000000000000000000000000000001";
    private static final String WINDOW = "{\"delayMillis\": %d, \"kalshi\": {\"ticker\": \"" + TICKER
            + "\", \"side\": \"no\", \"price\": \"0.58\", \"delta\": \"%d\"}}";
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path dir;

    private Vertx vertx;
    private EmbeddedStack stack;
    private SimulatorCredentials.Gateways probe;
    private WebClient web;
    private HttpClient http;
    private final BlockingQueue<TradeReport> trades = new LinkedBlockingQueue<>();
    private final List<JsonObject> execution = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (probe != null) {
            probe.close().await(10, TimeUnit.SECONDS);
        }
        if (stack != null) {
            stack.stop().await(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** The window's books, then {@code steps}; {@code additions} are the scenario's markets and accounts. */
    private Path scenario(String additions, String... steps) throws Exception {
        return LiveWindowScenario.write(dir, additions, "0.60", String.join(",\n", steps));
    }

    private static String window(long delayMillis, int delta) {
        return WINDOW.formatted(delayMillis, delta);
    }

    private static String kalshiMarket(long delayMillis, String fields) {
        return "{\"delayMillis\": " + delayMillis + ", \"kalshiMarket\": {\"ticker\": \"" + TICKER + "\", " + fields
                + "}}";
    }

    private static String polymarketMarket(long delayMillis, String fields) {
        return "{\"delayMillis\": " + delayMillis + ", \"polymarketMarket\": {\"conditionId\": \"" + CONDITION + "\", "
                + fields + "}}";
    }

    private void start(Path scenario) throws Exception {
        vertx = Vertx.vertx();
        web = WebClient.create(vertx);
        http = vertx.createHttpClient();
        Path pairs = Path.of(getClass().getResource("/live/pairs.json").toURI());
        Path journal = dir.resolve("trades.jsonl");
        StackConfig config = new StackConfig(pairs, "127.0.0.1", 0, scenario, 1, 500, 0, journal, null);
        SimulatorCredentials credentials = SimulatorCredentials.generate();
        ExecutorConfig live =
                ExecutorConfig.fromJson(new JsonObject().put("mode", "live").put("journalPath", journal.toString()));
        vertx.eventBus().<TradeReport>consumer(Addresses.TRADES, message -> trades.add(message.body()));
        vertx.eventBus()
                .<JournalEntry>consumer(
                        Addresses.EXECUTION,
                        message -> execution.add(new JsonObject(TradeJournalJson.write(message.body()))));
        stack = EmbeddedStack.start(vertx, config, TOKEN, new EmbeddedStack.Live(live, credentials, null))
                .await(60, TimeUnit.SECONDS);
        probe = credentials.gateways(vertx, stack.simulator(), stack.pairs());
    }

    private TradeReport nextTrade() throws InterruptedException {
        TradeReport report = trades.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (report == null) {
            throw new AssertionError("no trade report; execution events: " + execution);
        }
        return report;
    }

    private JsonObject awaitExecution(String what, Predicate<JsonObject> wanted) throws InterruptedException {
        return await(what, () -> execution.stream().filter(wanted).findFirst().orElse(null));
    }

    private static <T> T await(String what, Supplier<T> found) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what);
    }

    private HttpResponse<Buffer> send(String path) {
        try {
            HttpResponse<Buffer> response = web.get(stack.gatewayPort(), "127.0.0.1", path)
                    .putHeader("Authorization", "Bearer " + TOKEN)
                    .send()
                    .await(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
            return response;
        } catch (TimeoutException e) {
            throw new AssertionError(path + " did not answer", e);
        }
    }

    private JsonObject get(String path) {
        return send(path).bodyAsJsonObject();
    }

    private JsonArray getArray(String path) {
        return send(path).bodyAsJsonArray();
    }

    private JsonObject pairFrom(String path) {
        for (Object pair : get(path).getJsonArray("pairs")) {
            JsonObject json = (JsonObject) pair;
            if (PAIR.equals(json.getString("pairId", json.getString("id")))) {
                return json;
            }
        }
        return null;
    }

    /** Contracts held per venue:instrument:outcome, from the venues' positions endpoints (zeros left out). */
    private Map<String, Long> venuePositions() throws Exception {
        return PositionLedger.ofVenues(probe.venues().values());
    }

    private List<JsonObject> journal() throws Exception {
        return Files.readAllLines(dir.resolve("trades.jsonl")).stream()
                .map(JsonObject::new)
                .toList();
    }

    private void assertNothingSent() throws Exception {
        assertTrue(
                journal().stream().noneMatch(e -> "order".equals(e.getString("type"))),
                "no order requested: " + journal());
        assertEquals(Map.of(), venuePositions(), "nothing bought on either venue");
    }

    @Test
    void aVenueShortOfCashSendsNothingAndTheReasonNamesTheVenue() throws Exception {
        start(scenario("\"accounts\": {\"polymarket\": {\"cash\": \"1\"}}", window(1500, 120)));

        TradeReport trade = nextTrade();

        assertEquals(TradeStatus.REJECTED, trade.status());
        assertTrue(trade.reason().startsWith("insufficient free cash: POLYMARKET: 5 contracts need"), trade.reason());
        assertTrue(trade.reason().contains("free 1"), trade.reason());
        assertNothingSent();
        JsonObject polymarket = get("/api/capital").getJsonObject("venues").getJsonObject("POLYMARKET");
        assertEquals("1.000000", polymarket.getString("free"), polymarket.encode());
    }

    @Test
    void anUnfundedKalshiShardSendsNothingAndTheReasonNamesTheShard() throws Exception {
        start(scenario(
                "\"markets\": {\"kalshi\": {\"" + TICKER + "\": {\"exchangeIndex\": 2}}},"
                        + " \"accounts\": {\"kalshi\": {\"shards\": {\"0\": \"10000\"}}}",
                window(3000, 120)));

        TradeReport trade = nextTrade();

        assertEquals(TradeStatus.REJECTED, trade.status());
        assertTrue(
                trade.reason().startsWith("insufficient free cash: KALSHI shard 2: 5 contracts need"), trade.reason());
        assertNothingSent();
        JsonObject kalshi = get("/api/capital").getJsonObject("venues").getJsonObject("KALSHI");
        assertEquals("10000.00", kalshi.getString("cash"), kalshi.encode());
        assertEquals(2, pairFrom("/api/pairs").getJsonObject("kalshi").getInteger("exchangeIndex"));
    }

    @Test
    void aMarketThatClosesBeforeTheWindowIsTradedIsSuspendedUntilItOpensAgain() throws Exception {
        start(scenario(
                "",
                kalshiMarket(2000, "\"status\": \"inactive\""),
                window(700, 120),
                kalshiMarket(3000, "\"status\": \"active\""),
                window(700, -120),
                window(700, 120)));

        TradeReport suspended = nextTrade();

        assertEquals(TradeStatus.REJECTED, suspended.status());
        assertEquals(
                "pair live-window is suspended: kalshi KX-LIVE-26DEC is paused (trading resumes when both markets"
                        + " are open)",
                suspended.reason());
        JsonObject pair = pairFrom("/api/pairs");
        assertEquals("paused", pair.getJsonObject("kalshi").getString("status"), pair.encode());
        assertEquals("open", pair.getJsonObject("polymarket").getString("status"), pair.encode());
        assertFalse(pair.getBoolean("tradable"));
        assertNothingSent();

        TradeReport resumed = nextTrade();

        assertEquals(TradeStatus.FILLED, resumed.status(), resumed.reason());
        assertTrue(pairFrom("/api/pairs").getBoolean("tradable"));
    }

    /** The window traded, then both markets close and resolve NO: the Polymarket NO tokens pay $1 each. */
    private static String[] settlingSteps(String polymarketWinner) {
        return new String[] {
            window(1500, 120),
            kalshiMarket(5000, "\"status\": \"closed\""),
            polymarketMarket(0, "\"status\": \"closed\""),
            kalshiMarket(500, "\"status\": \"determined\", \"result\": \"no\""),
            polymarketMarket(500, "\"status\": \"resolved\", \"winner\": \"" + polymarketWinner + "\""),
            kalshiMarket(500, "\"status\": \"finalized\", \"result\": \"no\"")
        };
    }

    @Test
    void bothMarketsResolvingTheSameWaySettleTheTradeToTheCentAndTheCashComesBack() throws Exception {
        start(scenario(
                "\"accounts\": {\"kalshi\": {\"shards\": {\"0\": \"1000\"}}, \"polymarket\": {\"cash\": \"1000\"}}",
                settlingSteps("NO")));
        TradeReport trade = nextTrade();
        assertEquals(TradeStatus.FILLED, trade.status(), trade.reason());
        assertEquals(120, trade.hedgedQuantity());
        // what the trade spent is in both venues' cash once read again
        JsonObject afterTrade = await("the cash read after the trade", () -> {
            JsonObject capital = get("/api/capital");
            JsonObject venues = capital.getJsonObject("venues");
            boolean settled = new BigDecimal(venues.getJsonObject("KALSHI").getString("locked")).signum() == 0
                    && new BigDecimal(venues.getJsonObject("POLYMARKET").getString("locked")).signum() == 0
                    && new BigDecimal(venues.getJsonObject("POLYMARKET").getString("cash"))
                                    .compareTo(new BigDecimal("1000"))
                            < 0;
            return settled ? capital : null;
        });
        BigDecimal polymarketBefore = new BigDecimal(
                afterTrade.getJsonObject("venues").getJsonObject("POLYMARKET").getString("cash"));
        BigDecimal kalshiBefore = new BigDecimal(
                afterTrade.getJsonObject("venues").getJsonObject("KALSHI").getString("cash"));

        JsonObject settlement = awaitExecution("the settlement", e -> "settlement".equals(e.getString("type")));
        BigDecimal expected = BigDecimal.valueOf(120).subtract(trade.totalCost());
        String expectedText = OpportunityJson.money(expected);

        // the journal: its own record, exact
        assertEquals("settled", settlement.getString("state"));
        assertEquals(expectedText, settlement.getString("realizedPnl"), settlement.encode());
        assertEquals("120.000000", settlement.getString("payouts"));
        JsonObject journaled = journal().stream()
                .filter(e -> "settlement".equals(e.getString("type")))
                .findFirst()
                .orElseThrow();
        assertEquals(expectedText, journaled.getString("realizedPnl"));
        assertEquals(
                List.of(trade.tradeId()), journaled.getJsonArray("tradeIds").getList());
        // the API: the position settled to zero with its P&L, the trade SETTLED
        JsonObject position = pairFrom("/api/positions");
        assertEquals("settled", position.getString("state"), position.encode());
        assertEquals(expectedText, position.getString("realizedPnl"));
        assertEquals("0", position.getJsonObject("kalshi").getString("yes"));
        assertEquals("0", position.getJsonObject("polymarket").getString("no"));
        JsonObject settledTrade = getArray("/api/trades").stream()
                .map(JsonObject.class::cast)
                .filter(t -> trade.tradeId().equals(t.getString("tradeId")))
                .findFirst()
                .orElseThrow();
        assertEquals("SETTLED", settledTrade.getString("status"));
        assertEquals(expectedText, settledTrade.getString("realizedPnl"));
        // the winnings redeemed on chain and the cash back: exactly the $120 the NO tokens pay
        JsonObject redemption = awaitExecution("the redemption", e -> "redemption".equals(e.getString("type")));
        assertTrue(redemption.getBoolean("succeeded"), redemption.encode());
        JsonObject capital = await("the payout in the Polymarket cash", () -> {
            JsonObject now = get("/api/capital");
            BigDecimal cash = new BigDecimal(
                    now.getJsonObject("venues").getJsonObject("POLYMARKET").getString("cash"));
            return cash.compareTo(polymarketBefore) > 0 ? now : null;
        });
        JsonObject venues = capital.getJsonObject("venues");
        assertEquals(
                0,
                polymarketBefore
                        .add(BigDecimal.valueOf(120))
                        .compareTo(new BigDecimal(
                                venues.getJsonObject("POLYMARKET").getString("cash"))),
                capital.encode());
        assertEquals(
                0,
                kalshiBefore.compareTo(
                        new BigDecimal(venues.getJsonObject("KALSHI").getString("cash"))),
                "the Kalshi YES contracts paid nothing: " + capital.encode());
        assertEquals("0.000000", capital.getString("positionsAtCost"));
        assertEquals(expectedText, capital.getString("settledToday"));
        assertEquals(
                "redeemed", capital.getJsonArray("redeemable").getJsonObject(0).getString("state"));
        assertEquals(Map.of(), venuePositions(), "both venues paid out and hold nothing");
    }

    @Test
    void venuesResolvingApartRaiseAResolutionDivergenceOnTheTradesStream() throws Exception {
        start(scenario("", settlingSteps("YES")));
        StringBuilder stream = new StringBuilder();
        http.request(HttpMethod.GET, stack.gatewayPort(), "127.0.0.1", "/api/trades/stream")
                .compose(request ->
                        request.putHeader("Authorization", "Bearer " + TOKEN).send())
                .onSuccess(response -> response.handler(chunk -> {
                    synchronized (stream) {
                        stream.append(chunk.toString(StandardCharsets.UTF_8));
                    }
                }))
                .await(30, TimeUnit.SECONDS);
        TradeReport trade = nextTrade();
        assertEquals(TradeStatus.FILLED, trade.status(), trade.reason());

        JsonObject alert = await("a RESOLUTION_DIVERGENCE alert on the SSE stream", () -> {
            synchronized (stream) {
                for (String block : stream.toString().split("\n\n")) {
                    if (block.contains("event: alert\n") && block.contains("RESOLUTION_DIVERGENCE")) {
                        return new JsonObject(block.substring(block.indexOf("data: ") + "data: ".length()));
                    }
                }
                return null;
            }
        });

        assertEquals(PAIR, alert.getString("pairId"));
        assertEquals("BOTH_LEGS_LOSE", alert.getString("divergence"));
        assertEquals("120.000000", alert.getString("moneyAtStake"), "the whole hedge: " + alert.encode());
        assertEquals("no", alert.getJsonObject("kalshi").getString("result"));
        assertEquals(
                "yes", alert.getJsonObject("polymarket").getString("result").toLowerCase(Locale.ROOT));
        assertEquals("1.0000", alert.getJsonObject("polymarket").getString("yesPayout"));
        assertTrue(alert.getString("message").startsWith("RESOLUTION_DIVERGENCE live-window"), alert.encode());
        JsonObject position = await("the diverged position settled", () -> {
            JsonObject p = pairFrom("/api/positions");
            return p != null && "diverged".equals(p.getString("state")) ? p : null;
        });
        assertEquals(OpportunityJson.money(trade.totalCost().negate()), position.getString("realizedPnl"));
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.simulator.ExchangeSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor in live mode with both real order gateways against the simulators, which check every Kalshi
 * signature (RSA key generated per test) and every Polymarket EIP-712 order and L2 HMAC, and match the
 * orders against their books. A scripted scenario opens a known window: Kalshi YES ask 0.42 × 120 against
 * Polymarket NO ask 0.53. Faults are injected before the feeds connect or before the window opens. Every
 * wait is bounded and generous; nothing asserts on time.
 *
 * <p>Scenario (written per test): Kalshi YES bids 0.40 × 300 (for unwinds) and NO bids 0.55 × 120 (YES ask
 * 0.45); Polymarket NO asks 0.53 × 200 and {@code secondAsk} × 200. Step 1: the 0.53 ask becomes
 * {@code nearSize} (a frame the test may have the simulator lose, so the executor's copy still shows 200).
 * Step 2: a Kalshi NO bid 0.58 × 120 appears — the window, 120 contracts. Optional steps 3 and 4, 4 s later:
 * whatever rests at 0.58 is removed (the first window closes), then a NO bid 0.58 × 120 reopens it — a second
 * opportunity id.
 */
@Timeout(180)
class LiveAgainstSimulatorsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "live-simulator-test-token-0123456789";
    private static final String PAIR = "live-window";
    private static final String TICKER = "KX-LIVE-26DEC";
    private static final String NO_TOKEN = "2002";
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path dir;

    private Vertx vertx;
    private EmbeddedStack stack;
    private SimulatorCredentials.Gateways probe;
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

    private Path scenario(String secondAsk, String nearSize, boolean secondWindow) throws Exception {
        String steps = """
                { "delayMillis": 1500, "polymarket": [ { "assetId": "2002", "side": "SELL", "price": "0.53", "size": "%s" } ] },
                { "delayMillis": 700, "kalshi": { "ticker": "KX-LIVE-26DEC", "side": "no", "price": "0.58", "delta": "120" } }
                """.formatted(nearSize);
        if (secondWindow) {
            steps += """
                    , { "delayMillis": 4000, "kalshi": { "ticker": "KX-LIVE-26DEC", "side": "no", "price": "0.58", "delta": "-500" } }
                    , { "delayMillis": 700, "kalshi": { "ticker": "KX-LIVE-26DEC", "side": "no", "price": "0.58", "delta": "120" } }
                    """;
        }
        return LiveWindowScenario.write(dir, "", secondAsk, steps);
    }

    private void start(Path scenario, JsonObject executor, Consumer<ExchangeSimulator> beforeFeeds) throws Exception {
        vertx = Vertx.vertx();
        Path pairs = Path.of(getClass().getResource("/live/pairs.json").toURI());
        StackConfig config =
                new StackConfig(pairs, "127.0.0.1", 0, scenario, 1, 500, 0, dir.resolve("trades.jsonl"), null);
        SimulatorCredentials credentials = SimulatorCredentials.generate();
        ExecutorConfig live = ExecutorConfig.fromJson(executor.copy()
                .put("mode", "live")
                .put("journalPath", dir.resolve("trades.jsonl").toString()));
        vertx.eventBus().<TradeReport>consumer(Addresses.TRADES, message -> trades.add(message.body()));
        vertx.eventBus()
                .<JournalEntry>consumer(
                        Addresses.EXECUTION,
                        message -> execution.add(new JsonObject(TradeJournalJson.write(message.body()))));
        stack = EmbeddedStack.start(vertx, config, TOKEN, new EmbeddedStack.Live(live, credentials, beforeFeeds))
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

    private JsonObject awaitExecution(Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (JsonObject event : execution) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such execution event; got " + execution);
    }

    private List<JsonObject> orders(String tradeId) {
        return execution.stream()
                .filter(e -> "order".equals(e.getString("type")) && tradeId.equals(e.getString("tradeId")))
                .toList();
    }

    /** Contracts held per venue:instrument:outcome, from the venues' positions endpoints (zeros left out). */
    private Map<String, Long> venuePositions() throws Exception {
        return PositionLedger.ofVenues(probe.venues().values());
    }

    /** The journal file replayed on its own: every trade's net legs summed per venue:instrument:outcome. */
    private Map<String, Long> journalPositions() throws Exception {
        Map<String, Long> held = new TreeMap<>();
        Set<String> tradeIds = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("trades.jsonl"))) {
            JsonNode entry = JSON.readTree(line);
            if (!"trade".equals(entry.path("type").asText())) {
                continue;
            }
            assertTrue(tradeIds.add(entry.get("tradeId").asText()), "one report per trade: " + line);
            JsonNode k = entry.get("kalshi");
            JsonNode p = entry.get("polymarket");
            held.merge(
                    "kalshi:" + k.get("ticker").asText() + ":"
                            + k.get("outcome").asText(),
                    k.get("filledQuantity").asLong(),
                    Long::sum);
            held.merge(
                    "polymarket:" + p.get("tokenId").asText() + ":"
                            + p.get("outcome").asText(),
                    p.get("filledQuantity").asLong(),
                    Long::sum);
        }
        held.values().removeIf(v -> v == 0);
        return held;
    }

    private void assertJournalReplaysToTheVenuesPositions() throws Exception {
        assertEquals(venuePositions(), journalPositions());
    }

    private static void assertOneEntryOrderPerVenue(List<JsonObject> orders) {
        List<String> sent = new ArrayList<>();
        for (JsonObject order : orders) {
            if ("REQUESTED".equals(order.getString("kind"))) {
                assertFalse(sent.contains(order.getString("clientOrderId")), "sent twice: " + order);
                sent.add(order.getString("clientOrderId"));
            }
        }
        assertEquals(1, sent.stream().filter(id -> id.contains("-k-E")).count(), sent.toString());
        assertEquals(1, sent.stream().filter(id -> id.contains("-p-E")).count(), sent.toString());
    }

    @Test
    void bothLegsFillIntoAHedgedTradeAndTheJournalReplaysToTheSimulatorsPositions() throws Exception {
        start(scenario("0.60", "200", false), new JsonObject(), null);

        TradeReport trade = nextTrade();

        assertEquals(TradeStatus.FILLED, trade.status(), trade.reason());
        assertEquals(120, trade.hedgedQuantity());
        assertEquals(0, trade.unhedgedQuantity());
        assertOneEntryOrderPerVenue(orders(trade.tradeId()));
        assertEquals(
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L), venuePositions());
        assertJournalReplaysToTheVenuesPositions();
    }

    @Test
    void polymarketBookEmptiedUnseenLeavesKalshiAloneAndTheUnwindBringsExposureBack() throws Exception {
        // the frame removing the 0.53 ask is lost: the executor still sees it, the venue has only 0.60
        start(
                scenario("0.60", "0", false),
                new JsonObject(),
                simulator -> simulator.polymarket().faults().loseNextPriceChanges(1));

        TradeReport trade = nextTrade();

        assertEquals(0, trade.unhedgedQuantity(), trade.reason());
        assertEquals(0, trade.kalshi().filledQuantity(), "bought 120, sold 120 back: " + trade.reason());
        assertEquals(0, trade.polymarket().filledQuantity());
        assertTrue(
                trade.realisedEdge().signum() < 0, "the unwind's loss and fees are realised: " + trade.realisedEdge());
        awaitExecution(
                e -> "UNHEDGED".equals(e.getString("kind")) && trade.tradeId().equals(e.getString("tradeId")));
        JsonObject handled = awaitExecution(e -> "LEG_RISK_HANDLED".equals(e.getString("kind")));
        assertTrue(handled.getString("message").startsWith("leg risk closed"), handled.encode());
        assertTrue(
                orders(trade.tradeId()).stream()
                        .anyMatch(o ->
                                "UNWIND".equals(o.getString("purpose")) && "REQUESTED".equals(o.getString("kind"))),
                "an unwind order was sent");
        assertEquals(Map.of(), venuePositions(), "flat on both venues");
        assertJournalReplaysToTheVenuesPositions();
    }

    @Test
    void partialPolymarketFillIsRehedgedUpToTheWorstPrice() throws Exception {
        // the venue holds 50 at 0.53 (the executor saw 200): 50 fill, the other 70 are bought at 0.55
        start(
                scenario("0.55", "50", false),
                new JsonObject(),
                simulator -> simulator.polymarket().faults().loseNextPriceChanges(1));

        TradeReport trade = nextTrade();

        assertEquals(120, trade.hedgedQuantity(), trade.reason());
        assertEquals(0, trade.unhedgedQuantity());
        assertTrue(
                orders(trade.tradeId()).stream()
                        .anyMatch(o -> "REHEDGE".equals(o.getString("purpose"))
                                && "ACKNOWLEDGED".equals(o.getString("kind"))
                                && o.getString("filledQuantity").equals("70")),
                "re-hedged 70: " + orders(trade.tradeId()));
        JsonObject handled = awaitExecution(e -> "LEG_RISK_HANDLED".equals(e.getString("kind")));
        assertTrue(handled.getString("message").startsWith("leg risk closed"), handled.encode());
        assertEquals(
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L), venuePositions());
        assertJournalReplaysToTheVenuesPositions();
    }

    @Test
    void rateLimitedOnBothVenuesMidTradeTheRetriesStillHedge() throws Exception {
        start(scenario("0.60", "200", false), new JsonObject(), null);
        // set after the feeds connected (no REST call may take them) and before the window opens
        stack.simulator().kalshiFaults().rateLimitNextRequests(1);
        stack.simulator().polymarket().faults().rateLimitNextOrders(1, 1);

        TradeReport trade = nextTrade();

        assertEquals(TradeStatus.FILLED, trade.status(), trade.reason());
        assertEquals(120, trade.hedgedQuantity());
        assertEquals(1, stack.simulator().kalshiFaults().rateLimitedAnswers(), "Kalshi answered 429 once");
        assertOneEntryOrderPerVenue(orders(trade.tradeId()));
        assertJournalReplaysToTheVenuesPositions();
    }

    @Test
    void aLegThatTimesOutIsUnknownNoPolicyOrderIsSentAndTheReconcilerReportsTheVenuesFill() throws Exception {
        start(
                scenario("0.60", "200", false),
                new JsonObject()
                        .put("reconcileIntervalMillis", 1000)
                        .put("live", new JsonObject().put("legTimeoutMillis", 1500)),
                simulator -> simulator.kalshiFaults().answerSlowly(4000));

        TradeReport trade = nextTrade();

        assertEquals(0, trade.kalshi().filledQuantity(), "nothing known on Kalshi: " + trade.reason());
        assertEquals(120, trade.polymarket().filledQuantity());
        assertEquals(120, trade.unhedgedQuantity());
        JsonObject unhedged = awaitExecution(e -> "UNHEDGED".equals(e.getString("kind")));
        assertTrue(unhedged.getString("message").contains("UNKNOWN"), unhedged.encode());
        assertOneEntryOrderPerVenue(orders(trade.tradeId()));
        assertTrue(
                orders(trade.tradeId()).stream().noneMatch(o -> !"ENTRY".equals(o.getString("purpose"))),
                "no leg-risk order while an outcome is unknown");
        // the slow Kalshi answer filled after all: the reconciler sees the venue hold what the journal does not
        JsonObject mismatch = awaitExecution(e -> "POSITION_MISMATCH".equals(e.getString("kind")));
        assertEquals(
                "kalshi " + TICKER + ": journal 0, venue 120", mismatch.getString("message"), "only Kalshi differs");
        stack.simulator().kalshiFaults().answerSlowly(0);
        assertEquals(
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L), venuePositions());
    }

    @Test
    void killSwitchDuringATradeLetsTheSentLegsFinishAndStopsTheNextWindow() throws Exception {
        start(
                scenario("0.60", "200", true),
                new JsonObject(),
                simulator -> simulator.kalshiFaults().answerSlowly(1500));

        JsonObject requested = awaitExecution(e -> "REQUESTED".equals(e.getString("kind")));
        TradingControl state = (TradingControl) vertx.eventBus()
                .request(Addresses.CONTROL, new ControlCommand.KillSwitch(true, "test: mid-trade"))
                .await(30, TimeUnit.SECONDS)
                .body();
        assertTrue(state.killSwitch(), state.toString());

        TradeReport first = nextTrade();
        assertEquals(requested.getString("tradeId"), first.tradeId());
        assertEquals(
                TradeStatus.FILLED, first.status(), "orders already out finish and are journaled: " + first.reason());
        assertEquals(120, first.hedgedQuantity());

        TradeReport second = nextTrade();
        assertEquals(TradeStatus.REJECTED, second.status());
        assertTrue(second.reason().contains("kill switch"), second.reason());
        stack.simulator().kalshiFaults().answerSlowly(0);
        assertEquals(
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L), venuePositions());
        assertJournalReplaysToTheVenuesPositions();
        assertTrue(
                Files.readString(dir.resolve("trades.jsonl")).contains("\"action\":\"kill-switch-on\""), "journaled");
    }

    @Test
    void perPairPositionLimitCapsTheFirstTradeAndBlocksTheSecondWindow() throws Exception {
        start(
                scenario("0.60", "200", true),
                new JsonObject()
                        .put(
                                "pairRiskLimits",
                                new JsonObject().put(PAIR, new JsonObject().put("maxPositionPerPair", 50))),
                null);

        TradeReport first = nextTrade();
        assertEquals(50, first.hedgedQuantity(), first.reason());
        TradeReport second = nextTrade();

        assertEquals(TradeStatus.REJECTED, second.status());
        assertTrue(second.reason().contains("pair " + PAIR + " max position per pair 50"), second.reason());
        assertEquals(Map.of("kalshi:" + TICKER + ":YES", 50L, "polymarket:" + NO_TOKEN + ":NO", 50L), venuePositions());
        assertJournalReplaysToTheVenuesPositions();
    }

    @Test
    void globalTradesPerMinuteAndNotionalLimitsBlockAndCap() throws Exception {
        start(
                scenario("0.60", "200", true),
                new JsonObject()
                        .put(
                                "riskLimits",
                                new JsonObject().put("maxTradesPerMinute", 1).put("maxNotionalPerTrade", "60")),
                null);

        TradeReport first = nextTrade();
        assertTrue(
                first.hedgedQuantity() > 0 && first.hedgedQuantity() < 120, "capped by $60: " + first.hedgedQuantity());
        TradeReport second = nextTrade();

        assertEquals(TradeStatus.REJECTED, second.status());
        assertEquals("max 1 trades per minute reached", second.reason());
        assertJournalReplaysToTheVenuesPositions();
    }
}

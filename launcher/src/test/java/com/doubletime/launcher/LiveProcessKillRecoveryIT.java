package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.polymarket.order.ClobOrder;
import com.doubletime.polymarket.order.Eip712;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's last test: the live executor's process is killed between the two legs' acknowledgements and
 * restarted over the same journal. The simulators run in this JVM (Kalshi signature checks on with an RSA
 * key generated here; Polymarket EIP-712 and L2 HMAC verified) behind two small recording proxies that count
 * every order the executor sends; the executor (monitor, feeds, live executor, both real order gateways,
 * {@link LiveExecutorChild}) runs in a child JVM on this test's classpath.
 *
 * <p>The scenario opens one window (Kalshi YES 0.42 × 120 against Polymarket NO 0.53) and every Kalshi REST
 * answer waits {@value #KALSHI_DELAY_MILLIS} ms, so the Polymarket leg's acknowledgement is journaled while
 * the Kalshi order is still in flight. The child is then {@code destroyForcibly()}'d; the Kalshi order still
 * completes at the venue. Restarted over the same journal, the executor reconciles the interrupted trade
 * without sending anything: the Polymarket leg from its journaled final answer, the Kalshi leg — whose answer,
 * and so its venue order id, never reached the journal — looked up by the client order id the executor chose
 * ({@code GET /portfolio/orders?ticker=}) and reconciled FILLED 120 from the venue, so the trade ends hedged
 * and the journal's positions equal both venues': the position reconciler, over several rounds, finds no
 * POSITION_MISMATCH. Every wait is bounded; nothing asserts on time.
 */
@Timeout(240)
class LiveProcessKillRecoveryIT {
    private static final String TICKER = "KX-LIVE-26DEC";
    private static final String NO_TOKEN = "2002";
    private static final long KALSHI_DELAY_MILLIS = 8000;
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path dir;

    private Vertx vertx;
    private ExchangeSimulator simulator;
    private LiveExecutorChild.Venues probe;
    private OrderTap kalshiProxy;
    private OrderTap polymarketProxy;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process child : children) {
            // no orphans, whatever happened: the child and anything it started
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (probe != null) {
            probe.kalshiRest().close().await(10, TimeUnit.SECONDS);
        }
        if (simulator != null) {
            simulator.stop().await(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedBetweenTheLegsAcknowledgementsAndRestartedTheTradeIsReconciledNothingLostNothingSentTwice()
            throws Exception {
        JsonObject childConfig = openVenues();
        simulator.kalshiFaults().answerSlowly(KALSHI_DELAY_MILLIS);
        Path journal = dir.resolve("trades.jsonl");

        // 1. first run: no position reconciler (it would queue behind the slow Kalshi answers)
        Process first = startChild(
                childConfig.copy().put("executor", new JsonObject().put("reconcileIntervalMillis", 0)), "first");
        JsonObject polymarketAck = awaitJournal(
                journal,
                first,
                "the Polymarket entry leg's acknowledgement",
                entry -> isOrder(entry, "ACKNOWLEDGED", "polymarket"));
        String tradeId = polymarketAck.getString("tradeId");
        await(
                "the Kalshi entry order at the venue's door",
                first,
                () -> kalshiProxy.orders().size() == 1);
        assertTrue(
                lines(journal).stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .noneMatch(e -> e != null && isOrder(e, "ACKNOWLEDGED", "kalshi")),
                "the kill must fall between the acknowledgements");

        // 2. the kill: no shutdown hook, no goodbye
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed child exited");
        List<String> beforeKill = completeLines(journal);
        assertTrue(
                beforeKill.stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .noneMatch(e -> e != null && isOrder(e, "ACKNOWLEDGED", "kalshi")),
                "the Kalshi acknowledgement was never journaled: " + beforeKill);
        simulator.kalshiFaults().answerSlowly(0); // the request already admitted still waits out its delay
        // the Kalshi order completes at the venue after its sender died
        Map<String, Long> expectedVenue =
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L);
        await("the slow Kalshi order filled at the venue", null, () -> expectedVenue.equals(venuePositions()));

        // 3. restart over the same journal, reconciler on
        Process second = startChild(
                childConfig.copy().put("executor", new JsonObject().put("reconcileIntervalMillis", 1000)), "second");
        JsonObject report = awaitJournal(
                journal,
                second,
                "the interrupted trade's report",
                entry -> "trade".equals(entry.getString("type")) && tradeId.equals(entry.getString("tradeId")));
        // the reconciler has compared positions at least twice since (its third Kalshi positions read answered)
        int positionReadsBefore = kalshiProxy.answered("GET", "/trade-api/v2/portfolio/positions");
        await(
                "three position reconciler rounds after the report",
                second,
                () -> kalshiProxy.answered("GET", "/trade-api/v2/portfolio/positions") >= positionReadsBefore + 3);

        // 4. a clean stop
        try (OutputStream stdin = second.getOutputStream()) {
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the restarted child stops when asked");
        assertEquals(0, second.exitValue(), "clean exit; log: " + Files.readString(dir.resolve("second.log")));
        assertTrue(Files.readString(dir.resolve("second.log")).contains(LiveExecutorChild.STOPPED));
        assertTrue(children.stream().noneMatch(Process::isAlive), "no child process left");

        // nothing journaled before the kill is lost or rewritten
        List<String> after = completeLines(journal);
        assertEquals(
                beforeKill,
                after.subList(0, Math.min(beforeKill.size(), after.size())),
                "the journal before the kill is intact");
        List<JsonObject> added = after.subList(beforeKill.size(), after.size()).stream()
                .map(LiveProcessKillRecoveryIT::parse)
                .toList();
        assertTrue(
                added.stream()
                        .noneMatch(e -> "trade_decision".equals(e.getString("type")) || isOrder(e, "REQUESTED", null)),
                "the restart decided and sent nothing new: " + added);

        // nothing sent twice: one order per client order id at each venue, and only the trade's two entry orders
        List<JsonObject> requested = after.stream()
                .map(LiveProcessKillRecoveryIT::parse)
                .filter(e -> e != null && isOrder(e, "REQUESTED", null))
                .toList();
        assertEquals(2, requested.size(), "two entry legs requested: " + requested);
        String kalshiOrderId = null;
        for (JsonObject request : requested) {
            String clientOrderId = request.getString("clientOrderId");
            assertEquals(tradeId, request.getString("tradeId"));
            if ("kalshi".equals(request.getString("venue"))) {
                kalshiOrderId = clientOrderId;
                assertEquals(
                        1,
                        kalshiProxy.orders().stream()
                                .filter(o -> clientOrderId.equals(o.getString("client_order_id")))
                                .count(),
                        "Kalshi got " + clientOrderId + " once");
            } else {
                long salt = salt(clientOrderId);
                assertEquals(
                        1,
                        polymarketProxy.orders().stream()
                                .filter(o -> o.getJsonObject("order").getLong("salt") == salt)
                                .count(),
                        "Polymarket got " + clientOrderId + " once");
            }
        }
        assertNotNull(kalshiOrderId);
        assertEquals(1, kalshiProxy.orders().size(), "orders Kalshi received: " + kalshiProxy.orders());
        assertEquals(1, polymarketProxy.orders().size(), "orders Polymarket received: " + polymarketProxy.orders());

        // the interrupted trade: Polymarket from its journaled answer, Kalshi found at the venue by its client order id
        String kalshiClientId = kalshiOrderId;
        assertTrue(
                kalshiProxy.answered("GET", "/trade-api/v2/portfolio/orders") >= 1,
                "the Kalshi orders were listed: " + kalshiProxy.requests());
        assertTrue(
                kalshiProxy.requests().stream()
                        .anyMatch(r ->
                                r.startsWith("GET /trade-api/v2/portfolio/orders?") && r.contains("ticker=" + TICKER)),
                "listed by ticker: " + kalshiProxy.requests());
        JsonObject reconciled = added.stream()
                .filter(e -> isOrder(e, "RECONCILED", "kalshi"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Kalshi leg reconciled: " + added));
        assertEquals(kalshiClientId, reconciled.getString("clientOrderId"));
        assertEquals("FILLED", reconciled.getString("status"), reconciled.encode());
        assertEquals("120", reconciled.getString("filledQuantity"), reconciled.encode());
        assertNotNull(
                reconciled.getString("venueOrderId"), "the venue's order id, from the listing: " + reconciled.encode());
        assertTrue(
                added.stream().noneMatch(e -> isOrder(e, "RECONCILED", "polymarket")),
                "the Polymarket leg's final answer was journaled before the kill, so the venue is not asked");
        JsonObject recovered = added.stream()
                .filter(e -> "alert".equals(e.getString("type"))
                        && "RECOVERED".equals(e.getString("kind"))
                        && tradeId.equals(e.getString("tradeId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("RECOVERED alert: " + added));
        assertTrue(recovered.getString("message").contains("kalshi holds 120"), recovered.encode());
        assertTrue(!recovered.getString("message").contains("UNKNOWN"), "nothing left unknown: " + recovered.encode());
        assertEquals(
                1,
                after.stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .filter(e -> e != null && "trade".equals(e.getString("type")))
                        .count(),
                "one report, for the interrupted trade");
        assertEquals("120", report.getJsonObject("kalshi").getString("filledQuantity"), report.encode());
        assertEquals("120", report.getJsonObject("polymarket").getString("filledQuantity"), report.encode());
        assertEquals("0", report.getString("unhedgedQuantity"), report.encode());
        assertEquals("FILLED", report.getString("status"), report.encode());

        // positions: the journal equals both venues' positions endpoints, and the reconciler found nothing to report
        assertEquals(expectedVenue, venuePositions());
        assertEquals(expectedVenue, journalPositions(after));
        assertTrue(
                after.stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .noneMatch(e -> e != null
                                && "alert".equals(e.getString("type"))
                                && "POSITION_MISMATCH".equals(e.getString("kind"))),
                "no POSITION_MISMATCH: " + added);
    }

    /**
     * Issue 12: the Polymarket leg's order reaches the venue and fills there, but its answer is lost (the proxy
     * withholds it) and the executor is killed before it learns anything. Its order id is the EIP-712 hash of the
     * signed order, known before sending and journaled with the request: the restarted executor asks the venue by
     * that hash ({@code GET /data/order/<hash>}), records what it says and closes the trade hedged, sending nothing.
     */
    @Test
    void aPolymarketLegWhoseAnswerWasLostInTheCrashIsRecoveredByItsOrderHash() throws Exception {
        JsonObject childConfig = openVenues();
        polymarketProxy.withholdOrderAnswers(true);
        Path journal = dir.resolve("trades.jsonl");

        // 1. the Kalshi leg answers; the Polymarket order fills at the venue but its answer never comes back
        Process first = startChild(
                childConfig
                        .copy()
                        .put(
                                "executor",
                                new JsonObject()
                                        .put("reconcileIntervalMillis", 0)
                                        .put("live", new JsonObject().put("legTimeoutMillis", 60_000))),
                "first");
        awaitJournal(
                journal, first, "the Kalshi entry leg's acknowledgement", e -> isOrder(e, "ACKNOWLEDGED", "kalshi"));
        Map<String, Long> expectedVenue =
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L);
        await("the Polymarket order filled at the venue", first, () -> expectedVenue.equals(venuePositions()));
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed child exited");
        List<String> beforeKill = completeLines(journal);
        JsonObject request = beforeKill.stream()
                .map(LiveProcessKillRecoveryIT::parse)
                .filter(e -> e != null && isOrder(e, "REQUESTED", "polymarket"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Polymarket request: " + beforeKill));
        String hash = request.getString("venueOrderId");
        assertNotNull(hash, "the order hash is journaled with the request, before sending: " + request.encode());
        assertTrue(hash.matches("0x[0-9a-fA-F]{64}"), hash);
        assertTrue(
                beforeKill.stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .noneMatch(e -> e != null
                                && "order".equals(e.getString("type"))
                                && "polymarket".equals(e.getString("venue"))
                                && !"REQUESTED".equals(e.getString("kind"))),
                "nothing but the request journaled for the Polymarket leg: " + beforeKill);

        // 2. restarted over the same journal
        polymarketProxy.withholdOrderAnswers(false);
        Process second = startChild(
                childConfig.copy().put("executor", new JsonObject().put("reconcileIntervalMillis", 0)), "second");
        String tradeId = request.getString("tradeId");
        JsonObject report = awaitJournal(
                journal,
                second,
                "the interrupted trade's report",
                e -> "trade".equals(e.getString("type")) && tradeId.equals(e.getString("tradeId")));

        List<JsonObject> added =
                completeLines(journal)
                        .subList(beforeKill.size(), completeLines(journal).size())
                        .stream()
                        .map(LiveProcessKillRecoveryIT::parse)
                        .toList();
        JsonObject reconciled = added.stream()
                .filter(e -> isOrder(e, "RECONCILED", "polymarket"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Polymarket leg reconciled: " + added));
        assertEquals("FILLED", reconciled.getString("status"), reconciled.encode());
        assertEquals("120", reconciled.getString("filledQuantity"), reconciled.encode());
        assertEquals(hash, reconciled.getString("venueOrderId"));
        assertTrue(
                polymarketProxy.requests().contains("GET /data/order/" + hash),
                "asked the venue by the hash: " + polymarketProxy.requests());
        assertEquals(1, polymarketProxy.orders().size(), "the Polymarket order was sent once");
        assertTrue(
                added.stream()
                        .noneMatch(e -> isOrder(e, "REQUESTED", null) || "trade_decision".equals(e.getString("type"))),
                "nothing decided or sent by the restart: " + added);
        assertEquals("FILLED", report.getString("status"), report.encode());
        assertEquals("0", report.getString("unhedgedQuantity"), report.encode());
        assertEquals(expectedVenue, journalPositions(completeLines(journal)));
    }

    /**
     * Issue 17: a power cut. The order path writes a trade's lines before its orders leave but flushes them while the
     * orders are in flight, so a power cut can lose them although both orders reached the venues. The child trades,
     * is killed, and its journal is cut back to before the trade's decision (everything of the trade unflushed; an
     * earlier session's line stays). Restarted, the executor asks both venues for the account's orders since the
     * journal's last entry (Kalshi {@code GET /portfolio/orders?min_ts=}, Polymarket {@code GET /data/trades?
     * maker_address=&after=}), finds the two orders the journal lacks and journals them as the trade they were:
     * nothing sent again, and the journal's positions equal both venues' (the reconciler finds no mismatch).
     */
    @Test
    void aPowerCutThatLostTheWholeTradeFromTheJournalEndsWithTheJournalEqualToBothVenues() throws Exception {
        JsonObject childConfig = openVenues();
        Path journal = dir.resolve("trades.jsonl");
        // an earlier session's history: the journal the power cut leaves is not empty
        String earlier = TradeJournalJson.write(new ExecutionAlert(
                "earlier-session",
                null,
                ExecutionAlert.AlertKind.TRADING_RESUMED,
                "an earlier session",
                TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - 5_000)));
        Files.writeString(journal, earlier + "\n");

        // 1. the trade runs to its report, then the power cut: the process dies and the trade's lines are lost
        Process first = startChild(
                childConfig.copy().put("executor", new JsonObject().put("reconcileIntervalMillis", 0)), "first");
        JsonObject report =
                awaitJournal(journal, first, "the trade's report", e -> "trade".equals(e.getString("type")));
        String tradeId = report.getString("tradeId");
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed child exited");
        Map<String, Long> expectedVenue =
                Map.of("kalshi:" + TICKER + ":YES", 120L, "polymarket:" + NO_TOKEN + ":NO", 120L);
        assertEquals(expectedVenue, venuePositions());
        List<String> written = completeLines(journal);
        int decision = 0;
        while (decision < written.size() && !written.get(decision).contains("\"trade_decision\"")) {
            decision++;
        }
        assertEquals(1, decision, "the earlier session's line, then the trade: " + written);
        Files.writeString(journal, String.join("\n", written.subList(0, decision)) + "\n");
        assertEquals(Map.of(), journalPositions(completeLines(journal)), "the journal lost the trade");

        // 2. restarted over the cut journal, reconciler on
        Process second = startChild(
                childConfig.copy().put("executor", new JsonObject().put("reconcileIntervalMillis", 1000)), "second");
        JsonObject imported = awaitJournal(
                journal,
                second,
                "the imported trade's report",
                e -> "trade".equals(e.getString("type")) && tradeId.equals(e.getString("tradeId")));
        int positionReadsBefore = kalshiProxy.answered("GET", "/trade-api/v2/portfolio/positions");
        await(
                "three position reconciler rounds after the import",
                second,
                () -> kalshiProxy.answered("GET", "/trade-api/v2/portfolio/positions") >= positionReadsBefore + 3);
        try (OutputStream stdin = second.getOutputStream()) {
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the restarted child stops when asked");

        List<String> after = completeLines(journal);
        List<JsonObject> added = after.subList(1, after.size()).stream()
                .map(LiveProcessKillRecoveryIT::parse)
                .toList();
        assertTrue(
                kalshiProxy.requests().stream()
                        .anyMatch(r -> r.startsWith("GET /trade-api/v2/portfolio/orders?") && r.contains("min_ts=")),
                "Kalshi's orders listed since a time: " + kalshiProxy.requests());
        assertTrue(
                polymarketProxy.requests().stream()
                        .anyMatch(r -> r.startsWith("GET /data/trades?") && r.contains("maker_address=")),
                "Polymarket's trades listed by maker: " + polymarketProxy.requests());
        assertEquals(1, kalshiProxy.orders().size(), "nothing sent again at Kalshi: " + kalshiProxy.orders());
        assertEquals(1, polymarketProxy.orders().size(), "nothing sent again at Polymarket");
        JsonObject decided = added.stream()
                .filter(e -> "trade_decision".equals(e.getString("type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the imported decision: " + added));
        assertEquals(tradeId, decided.getString("tradeId"), "the trade id from Kalshi's client order id");
        assertTrue(decided.getString("reason").contains("imported at restart"), decided.encode());
        assertEquals(
                2, added.stream().filter(e -> isOrder(e, "RECONCILED", null)).count(), "both orders: " + added);
        assertEquals("FILLED", imported.getString("status"), imported.encode());
        assertEquals("0", imported.getString("unhedgedQuantity"), imported.encode());
        assertEquals(expectedVenue, venuePositions());
        assertEquals(expectedVenue, journalPositions(after));
        assertTrue(
                added.stream()
                        .noneMatch(e ->
                                "alert".equals(e.getString("type")) && "POSITION_MISMATCH".equals(e.getString("kind"))),
                "no POSITION_MISMATCH: " + added);
    }

    /**
     * The simulators in this JVM (Kalshi signatures checked with a key made here, the scenario's one window), a
     * recording proxy in front of each venue's REST API, a probe reading both venues' positions directly, and the
     * child's configuration: journal {@code trades.jsonl} in the test's folder, orders through the proxies.
     */
    private JsonObject openVenues() throws Exception {
        vertx = Vertx.vertx();
        Path pairsFile = Path.of(getClass().getResource("/live/pairs.json").toURI());
        List<MarketPair> pairs = PairsLoader.load(vertx, pairsFile).await(30, TimeUnit.SECONDS);
        KeyPair rsa = rsaKeys();
        String polymarketKey = secp256k1Key();
        simulator = ExchangeSimulator.start(
                        vertx,
                        new SimulatorConfig(
                                "127.0.0.1", 0, 0, EmbeddedStack.simulatedMarkets(pairs), 1, 500, 0, scenario()),
                        KalshiSimulatorOptions.DEFAULT.withAuth(rsa.getPublic()))
                .await(60, TimeUnit.SECONDS);
        kalshiProxy = OrderTap.kalshi(vertx, simulator.kalshiPort()).await(30, TimeUnit.SECONDS);
        polymarketProxy = OrderTap.polymarket(vertx, simulator.polymarketPort()).await(30, TimeUnit.SECONDS);
        String kalshiPrivate =
                Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded());
        probe = LiveExecutorChild.venues(
                vertx,
                simulator.kalshiRestUrl(),
                simulator.polymarketRestUrl(),
                LiveExecutorChild.signer(kalshiPrivate),
                polymarketKey,
                pairs);
        return new JsonObject()
                .put("pairsFile", pairsFile.toString())
                .put("journalPath", dir.resolve("trades.jsonl").toString())
                .put("kalshiWsUrl", simulator.kalshiWsUrl())
                .put("kalshiRestUrl", "http://127.0.0.1:" + kalshiProxy.port() + "/trade-api/v2")
                .put("polymarketWsUrl", simulator.polymarketWsUrl())
                .put("polymarketRestUrl", "http://127.0.0.1:" + polymarketProxy.port())
                .put("kalshiPrivateKey", kalshiPrivate)
                .put("polymarketPrivateKey", polymarketKey);
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Like {@link SimulatorCredentials}: 32 random bytes below the curve order, not zero. */
    private static String secp256k1Key() {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        do {
            random.nextBytes(key);
        } while (key[0] == (byte) 0xff || Arrays.equals(key, new byte[32]));
        return "0x" + HexFormat.of().formatHex(key);
    }

    /** The Polymarket gateway's salt for a client order id (PolymarketOrderGateway.salt): a resend has the same one. */
    private static long salt(String clientOrderId) {
        byte[] hash = Eip712.keccak(clientOrderId.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(hash, 8)).longValue() & ClobOrder.MAX_SALT;
    }

    /** As {@link LiveAgainstSimulatorsIT}'s first scenario: one window, Kalshi YES 0.42 × 120 against Polymarket NO 0.53. */
    private Path scenario() throws IOException {
        return LiveWindowScenario.write(dir, "", "0.60", """
                { "delayMillis": 1500, "polymarket": [ { "assetId": "2002", "side": "SELL", "price": "0.53", "size": "200" } ] },
                { "delayMillis": 700, "kalshi": { "ticker": "KX-LIVE-26DEC", "side": "no", "price": "0.58", "delta": "120" } }
                """);
    }

    private Process startChild(JsonObject config, String name) throws Exception {
        Path configFile = dir.resolve(name + ".json");
        Files.writeString(configFile, config.encodePrettily());
        Path log = dir.resolve(name + ".log");
        List<String> command = ServiceProcess.javaMain(
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), LiveExecutorChild.class.getName());
        command.add(configFile.toString());
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(child);
        await(name + " child ready", child, () -> read(log).contains(LiveExecutorChild.READY));
        return child;
    }

    private void await(String what, Process child, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (child != null && !child.isAlive()) {
                throw new AssertionError(
                        "child exited (" + child.exitValue() + ") waiting for " + what + "; log:\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + "; logs:\n" + logs());
            }
            Thread.sleep(10);
        }
    }

    private JsonObject awaitJournal(
            Path journal, Process child, String what, java.util.function.Predicate<JsonObject> wanted)
            throws Exception {
        JsonObject[] found = new JsonObject[1];
        await(what, child, () -> {
            for (String line : lines(journal)) {
                JsonObject entry = parse(line);
                if (entry != null && wanted.test(entry)) {
                    found[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static boolean isOrder(JsonObject entry, String kind, String venue) {
        return "order".equals(entry.getString("type"))
                && kind.equals(entry.getString("kind"))
                && (venue == null || venue.equals(entry.getString("venue")));
    }

    private static JsonObject parse(String line) {
        try {
            return new JsonObject(line);
        } catch (RuntimeException torn) {
            return null;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The lines ended by a newline (a write torn by the kill would not be). */
    private static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String logs() {
        return "--- first\n" + read(dir.resolve("first.log")) + "\n--- second\n" + read(dir.resolve("second.log"));
    }

    /** Contracts held per venue:instrument:outcome, from the venues' positions endpoints (zeros left out). */
    private Map<String, Long> venuePositions() {
        try {
            return PositionLedger.ofVenues(probe.gateways().values());
        } catch (Exception e) {
            throw new AssertionError("positions endpoints", e);
        }
    }

    /** The journal replayed on its own: every trade's net legs summed per venue:instrument:outcome. */
    private static Map<String, Long> journalPositions(List<String> journal) {
        Map<String, Long> held = new TreeMap<>();
        Set<String> tradeIds = new LinkedHashSet<>();
        for (String line : journal) {
            JsonObject entry = parse(line);
            if (entry == null || !"trade".equals(entry.getString("type"))) {
                continue;
            }
            assertTrue(tradeIds.add(entry.getString("tradeId")), "one report per trade: " + line);
            JsonObject k = entry.getJsonObject("kalshi");
            JsonObject p = entry.getJsonObject("polymarket");
            held.merge(
                    "kalshi:" + k.getString("ticker") + ":" + k.getString("outcome"),
                    Long.parseLong(k.getString("filledQuantity")),
                    Long::sum);
            held.merge(
                    "polymarket:" + p.getString("tokenId") + ":" + p.getString("outcome"),
                    Long.parseLong(p.getString("filledQuantity")),
                    Long::sum);
        }
        held.values().removeIf(v -> v == 0);
        return held;
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import com.doubletime.simulator.SimulatorConfig;
import com.doubletime.simulator.SimulatorProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --real-venues} and {@code check-credentials} against the simulators started as if they were the real
 * venues: the same URL shapes, Kalshi's signature checks on (a key made here, its private half in a PEM file named
 * by the environment, as a trader would set it up), Polymarket's L1/L2 authentication as the CLOB does it. Neither
 * real venue is reachable from here; this is the closest the path gets to them.
 */
@Timeout(180)
class RealVenuesIT {
    private static final String TOKEN = "real-venues-it-token-0123456789";
    private static final String KEY_ID = "a1b2c3d4-real-venues-it";
    private static final String POLYMARKET_KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private ExchangeSimulator simulator;
    private Map<String, String> env;
    private String pem;

    @BeforeEach
    void startTheSimulatorsAsIfReal() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path pemFile = dir.resolve("kalshi.pem");
        Files.writeString(pemFile, pem);
        List<MarketPair> pairs = PairsLoader.load(vertx, Path.of("..", "config", "pairs.example.json"))
                .await(10, TimeUnit.SECONDS);
        simulator = ExchangeSimulator.start(
                        vertx,
                        new SimulatorConfig("127.0.0.1", 0, 0, EmbeddedStack.simulatedMarkets(pairs), 3, 100, 3, null),
                        KalshiSimulatorOptions.DEFAULT.withAuth(keys.getPublic()))
                .await(30, TimeUnit.SECONDS);
        env = new HashMap<>();
        env.put("KALSHI_API_KEY_ID", KEY_ID);
        env.put("KALSHI_PRIVATE_KEY_PEM_PATH", pemFile.toString());
        env.put(RealVenues.KALSHI_WS_URL, simulator.kalshiWsUrl());
        env.put(RealVenues.KALSHI_REST_URL, simulator.kalshiRestUrl());
        env.put(RealVenues.POLYMARKET_WS_URL, simulator.polymarketWsUrl());
        env.put(RealVenues.POLYMARKET_CLOB_URL, simulator.polymarketRestUrl());
        env.put(RealVenues.POLYMARKET_GAMMA_URL, simulator.polymarketRestUrl());
        env.put("POLYMARKET_PRIVATE_KEY", POLYMARKET_KEY);
    }

    @AfterEach
    void stop() throws Exception {
        if (simulator != null) {
            simulator.stop().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private record Checked(int code, String out) {}

    private Checked check(Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CheckCredentials.run(
                new String[] {"--timeout-seconds", "10"},
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        return new Checked(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkCredentialsReadsOneBalancePerVenueAndPrintsNoSecret() {
        Checked checked = check(env);

        assertEquals(0, checked.code(), checked.out());
        assertTrue(checked.out().contains("Kalshi: works. Polymarket: works."), checked.out());
        assertTrue(checked.out().matches("(?s).*Kalshi \\(.*balance +\\$[0-9,]+\\.[0-9]{2} .*"), checked.out());
        assertTrue(checked.out().contains("pUSD"), checked.out());
        assertTrue(checked.out().contains("a1b2c3d4…"), "the key id by its first characters: " + checked.out());
        assertFalse(checked.out().contains(KEY_ID), "the whole key id is not shown");
        assertFalse(checked.out().contains(POLYMARKET_KEY.substring(2, 20)), "the Polymarket key is not shown");
        assertFalse(checked.out().contains(pem.substring(30, 60)), "the Kalshi key file is not shown");
    }

    @Test
    void checkCredentialsSaysWhatIsMissingOrRefused() throws Exception {
        Checked nothing = check(Map.of(
                RealVenues.KALSHI_REST_URL, simulator.kalshiRestUrl(),
                RealVenues.POLYMARKET_CLOB_URL, simulator.polymarketRestUrl()));
        assertEquals(1, nothing.code());
        assertTrue(nothing.out().contains("KALSHI_API_KEY_ID           MISSING"), nothing.out());
        assertTrue(
                nothing.out().contains("POLYMARKET_PRIVATE_KEY (or POLYMARKET_PRIVATE_KEY_FILE) is not set"),
                nothing.out());

        Map<String, String> wrongKey = new HashMap<>(env);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path other = dir.resolve("other.pem");
        Files.writeString(
                other,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(
                                        rsa.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        wrongKey.put("KALSHI_PRIVATE_KEY_PEM_PATH", other.toString());
        wrongKey.put("POLYMARKET_SIGNATURE_TYPE", "1");
        Checked refused = check(wrongKey);
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("balance             REFUSED"), refused.out());
        assertTrue(refused.out().contains("401"), refused.out());
        assertTrue(refused.out().contains("POLYMARKET_FUNDER is required"), refused.out());
    }

    @Test
    void runOnTheRealVenuesStreamsTheirBooksAndTradesOnPaper() throws Exception {
        Path journal = dir.resolve("trades.jsonl");
        Path pairs = dir.resolve("pairs.json");
        Files.copy(Path.of("..", "config", "pairs.example.json"), pairs);
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("DOUBLE_TIME_API_TOKEN", TOKEN);
        EmbeddedMain.Running run = EmbeddedMain.start(
                new String[] {
                    "--real-venues", "--port", "0", "--pairs", pairs.toString(), "--journal", journal.toString()
                },
                withToken);
        WebClient web = WebClient.create(vertx);
        AtomicInteger ordersAtTheVenues = new AtomicInteger();
        simulator.probe(new SimulatorProbe() {
            @Override
            public void stepSent(int stepIndex, long nanoTime) {}

            @Override
            public void orderReceived(SimulatorProbe.Venue venue, String clientOrderId, long nanoTime) {
                ordersAtTheVenues.incrementAndGet();
            }
        });
        try {
            assertEquals(null, run.stack().simulator(), "no simulator of its own");
            JsonArray opportunities = new JsonArray();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (opportunities.isEmpty() && System.nanoTime() < deadline) {
                opportunities = web.get(run.stack().gatewayPort(), "127.0.0.1", "/api/opportunities")
                        .bearerTokenAuthentication(TOKEN)
                        .send()
                        .await(10, TimeUnit.SECONDS)
                        .bodyAsJsonArray();
                Thread.sleep(250);
            }
            assertFalse(opportunities.isEmpty(), "opportunities from the venues' books");
            JsonObject control = web.get(run.stack().gatewayPort(), "127.0.0.1", "/api/control")
                    .bearerTokenAuthentication(TOKEN)
                    .send()
                    .await(10, TimeUnit.SECONDS)
                    .bodyAsJsonObject();
            assertEquals("paper", control.getString("mode"));
            long deadlineForTrade = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(journal) || !Files.readString(journal).contains("\"mode\":\"paper\""))
                    && System.nanoTime() < deadlineForTrade) {
                Thread.sleep(250);
            }
            assertTrue(Files.readString(journal).contains("\"mode\":\"paper\""), "a paper trade on the venues' books");
            assertEquals(0, ordersAtTheVenues.get(), "no order ever left");
        } finally {
            run.stop().await(30, TimeUnit.SECONDS);
        }
    }
}

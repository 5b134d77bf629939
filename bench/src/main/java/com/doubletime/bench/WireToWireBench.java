package com.doubletime.bench;

import com.doubletime.bus.Addresses;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.journal.JournalSync;
import com.doubletime.executor.journal.JsonLinesTradeRepository;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.launcher.EmbeddedStack;
import com.doubletime.launcher.SimulatorCredentials;
import com.doubletime.launcher.SimulatorEndpoints;
import com.doubletime.launcher.StackConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./double-time bench --wire-to-wire}: the live-against-simulators stack in this JVM (simulators with
 * Kalshi RSA-PSS and Polymarket EIP-712 + L2 HMAC checks, both real order gateways, the executor in live
 * mode), a generated scenario of {@code warmup + windows} buy-both windows, and the simulator's probe timing
 * each window from its opening frames being written to each signed entry order reaching its venue
 * ({@link WindowLatencies}), with a breakdown of each window's path ({@link WireToWireMarks}). The first
 * {@code warmup} windows are discarded. The simulators run in their own processes, one per venue, unless told
 * otherwise ({@link Placement}).
 */
final class WireToWireBench {
    private static final String TOKEN = "wire-to-wire-bench-token-0123456789";

    private WireToWireBench() {}

    private static List<String> with(List<String> common, Object... more) {
        List<String> all = new ArrayList<>(common);
        for (Object item : more) {
            all.add(item.toString());
        }
        return all;
    }

    /** Where the simulators run. */
    enum Placement {
        /** One process per venue (the default): neither venue's order waits behind the other's. */
        PER_VENUE,
        /** Both venues in one process of their own. */
        ONE_PROCESS,
        /** In the stack's own JVM, as before issue 17 (one event loop for both venues and the stack's JIT and GC). */
        IN_PROCESS
    }

    /**
     * @param journalSync the file journal's setting (the default fdatasync, or write-only to see the disk's share)
     * @return the summary over the measured windows
     */
    static WindowLatencies.Summary run(
            int windows,
            int warmup,
            long closeAfterMillis,
            long gapMillis,
            JournalSync journalSync,
            Placement placement,
            int warmUpOrders,
            EmbeddedStack.HandOff handOff)
            throws Exception {
        int total = warmup + windows;
        Path dir = Files.createTempDirectory("wire-to-wire");
        Path pairs = Files.writeString(dir.resolve("pairs.json"), WireToWireScenario.pairsJson());
        Path scenario = Files.writeString(
                dir.resolve("scenario.json"), WireToWireScenario.json(total, 10, 3_000, closeAfterMillis, gapMillis));
        Path journal = dir.resolve("trades.jsonl");
        StackConfig config = new StackConfig(pairs, "127.0.0.1", 0, scenario, 1, 500, 0, journal, null);
        // generous limits: every window is traded, nothing here is the risk gate's business
        ExecutorConfig executor = ExecutorConfig.fromJson(new JsonObject()
                .put("mode", "live")
                .put("journalPath", journal.toString())
                .put("journalSync", journalSync.wireName())
                .put(
                        "riskLimits",
                        new JsonObject()
                                .put("maxTradesPerMinute", RiskLimits.MAX_TRADES_PER_MINUTE)
                                .put("maxPositionPerPair", 1_000_000)
                                .put("maxTotalExposure", "10000000")
                                .put("dailyLossLimit", "1000000")));
        WindowLatencies latencies = new WindowLatencies(total);
        // the breakdown's marks (WireToWireMarks): metrics SPI for the HTTP requests, wrappers for journal and gateways
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(true)))
                .withMetrics(WireToWireMarks.metrics(latencies))
                .build();
        vertx.eventBus()
                .consumer(
                        Addresses.OPPORTUNITIES,
                        message -> latencies.mark(WindowLatencies.Mark.OPPORTUNITY, System.nanoTime()));
        TradeRepository trades = JsonLinesTradeRepository.open(
                        vertx, journal, executor.recentTrades(), executor.journalSync())
                .await(30, TimeUnit.SECONDS);
        EmbeddedStack stack = null;
        List<SimulatorChild> simulators = new ArrayList<>();
        try {
            System.out.printf(
                    "wire-to-wire: %d windows (+%d warm-up), open %d ms, gap %d ms, journal %s (%s), simulators %s,"
                            + " %d order-path warm-up orders per venue, %s hand-off%n",
                    windows,
                    warmup,
                    closeAfterMillis,
                    gapMillis,
                    journal,
                    journalSync.wireName(),
                    placement.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    warmUpOrders,
                    handOff.name().toLowerCase(Locale.ROOT));
            SimulatorCredentials credentials = SimulatorCredentials.generate();
            EmbeddedStack.Live live = new EmbeddedStack.Live(
                    executor,
                    credentials,
                    simulator -> simulator.probe(latencies),
                    WireToWireMarks.journal(trades, latencies),
                    gateway -> WireToWireMarks.gateway(gateway, latencies),
                    warmUpOrders);
            if (placement == Placement.IN_PROCESS) {
                stack = EmbeddedStack.start(vertx, config, TOKEN, live).await(60, TimeUnit.SECONDS);
            } else {
                Path publicKey = Files.writeString(dir.resolve("kalshi-public.pem"), credentials.kalshiPublicKeyPem());
                List<String> common =
                        List.of("--pairs", pairs.toString(), "--scenario", scenario.toString(), "--probe");
                SimulatorEndpoints endpoints;
                if (placement == Placement.ONE_PROCESS) {
                    simulators.add(SimulatorChild.start(
                            "both",
                            with(common, "--serve", "both", "--kalshi-public-key", publicKey),
                            latencies,
                            true));
                    endpoints = simulators.get(0).endpoints();
                } else {
                    simulators.add(SimulatorChild.start(
                            "kalshi",
                            with(common, "--serve", "kalshi", "--kalshi-public-key", publicKey),
                            latencies,
                            true));
                    simulators.add(SimulatorChild.start(
                            "polymarket", with(common, "--serve", "polymarket"), latencies, false));
                    endpoints = SimulatorEndpoints.split(
                            simulators.get(0).endpoints(), simulators.get(1).endpoints());
                }
                stack = EmbeddedStack.startAgainst(vertx, config, TOKEN, endpoints, live, handOff)
                        .await(60, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime()
                    + TimeUnit.SECONDS.toNanos(30 + total * (closeAfterMillis + gapMillis) / 1000 * 2);
            while (latencies.lastStep() < 2 * total - 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (latencies.lastStep() < 2 * total - 1) {
                System.out.println("wire-to-wire: the scenario did not finish in time (the feeds never subscribed?)");
            }
            WindowLatencies.Summary summary = latencies.summary(warmup);
            System.out.print(summary.format());
            return summary;
        } finally {
            if (stack != null) {
                stack.stop().await(30, TimeUnit.SECONDS);
            }
            for (SimulatorChild simulator : simulators) {
                simulator.close();
            }
            trades.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}

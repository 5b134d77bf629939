package com.doubletime.bench;

import com.doubletime.bench.WindowLatencies.Mark;
import com.doubletime.domain.PairsFile;
import com.doubletime.launcher.EmbeddedStack;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorCatalogue;
import com.doubletime.simulator.SimulatorConfig;
import com.doubletime.simulator.SimulatorProbe;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The exchange simulators in their own JVM, for the benchmarks ({@link SimulatorChild} starts it): the stack under
 * measurement then does not share its process (event loops, GC, JIT) with the venues it trades against, and with
 * {@code --serve kalshi} / {@code --serve polymarket} each venue gets its own process, so one venue's order is never
 * read behind the other's on a shared event loop.
 *
 * <p>Prints {@link #READY} with both ports once listening, then, with {@code --probe}, one line per probe event
 * ({@code step <index> <nanoTime>}, {@code order <VENUE> <clientOrderId> <nanoTime>}, {@code head <VENUE>
 * <nanoTime>} when an order request's head is read), written by a thread of its own so the event loop never waits
 * for the pipe. Exits when its stdin closes: a benchmark that dies leaves no simulator behind.
 *
 * <pre>
 * --serve kalshi|polymarket|both   which venue's clients it serves (both)
 * --pairs FILE                     the markets (a pairs file, JSON)
 * --scenario FILE                  a scripted scenario instead of the random walk
 * --seed N --step-millis N --window-every N   the random walk (42, 500, 20)
 * --kalshi-public-key FILE         Kalshi then requires signed requests
 * --probe                          report probe events on stdout
 * </pre>
 *
 * <p>A scripted scenario starts when both venues have a subscriber; a process serving one venue subscribes to the
 * other itself (one instrument), so its half of the scenario plays in step with the other process's.
 */
public final class SimulatorProcess {
    static final String READY = "simulator ready";
    static final String STEP = "step";
    static final String ORDER = "order";
    static final String HEAD = "head";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STAND_IN_ATTEMPTS = 5;
    private static final long STAND_IN_RETRY_MILLIS = 200;

    private SimulatorProcess() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("simulator process failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String serve = options.getOrDefault("--serve", "both");
        if (!List.of("kalshi", "polymarket", "both").contains(serve)) {
            throw new IllegalArgumentException("--serve kalshi, polymarket or both, got " + serve);
        }
        boolean probe = options.containsKey("--probe");
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> writeLines(lines, out), "probe-writer");
        writer.setDaemon(true);
        writer.start();

        VertxOptions vertxOptions = new VertxOptions();
        Vertx vertx = probe
                ? Vertx.builder()
                        .with(vertxOptions.setMetricsOptions(new MetricsOptions().setEnabled(true)))
                        .withMetrics(heads(lines))
                        .build()
                : Vertx.vertx(vertxOptions);
        String scenario = options.get("--scenario");
        SimulatorConfig config = new SimulatorConfig(
                        SimulatorConfig.LOOPBACK,
                        0,
                        0,
                        markets(Path.of(required(options, "--pairs"))),
                        Long.parseLong(options.getOrDefault("--seed", "42")),
                        Long.parseLong(options.getOrDefault("--step-millis", "500")),
                        Integer.parseInt(options.getOrDefault("--window-every", "20")),
                        scenario == null ? null : Path.of(scenario))
                .withCatalogue(SimulatorCatalogue.demo()); // as the embedded stack's simulators
        String publicKey = options.get("--kalshi-public-key");
        KalshiSimulatorOptions kalshi = publicKey == null
                ? KalshiSimulatorOptions.DEFAULT
                : KalshiSimulatorOptions.DEFAULT.withAuth(KalshiSimulatorOptions.readPublicKey(Path.of(publicKey)));
        ExchangeSimulator simulator =
                ExchangeSimulator.start(vertx, config, kalshi).await(60, TimeUnit.SECONDS);
        if (probe) {
            simulator.probe(new SimulatorProbe() {
                @Override
                public void stepSent(int stepIndex, long nanoTime) {
                    lines.add(STEP + " " + stepIndex + " " + nanoTime);
                }

                @Override
                public void orderReceived(Venue venue, String clientOrderId, long nanoTime) {
                    lines.add(
                            ORDER + " " + venue + " " + (clientOrderId == null ? "-" : clientOrderId) + " " + nanoTime);
                }
            });
        }
        List<WebSocket> standIns = new ArrayList<>();
        SimulatedMarket first = config.markets().get(0);
        if (serve.equals("kalshi")) {
            standIns.add(subscribe(
                    vertx,
                    simulator.polymarketWsUrl(),
                    "{\"assets_ids\":[\"" + first.yesTokenId() + "\"],\"type\":\"market\"}"));
        } else if (serve.equals("polymarket")) {
            if (publicKey != null) {
                throw new IllegalArgumentException("a process serving Polymarket only takes no Kalshi key");
            }
            standIns.add(subscribe(
                    vertx,
                    simulator.kalshiWsUrl(),
                    "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                            + "\"market_ticker\":\"" + first.kalshiTicker() + "\"}}"));
        }
        lines.add(READY + " " + simulator.kalshiPort() + " " + simulator.polymarketPort());

        awaitEndOfInput(System.in);
        for (WebSocket socket : standIns) {
            socket.close();
        }
        simulator.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        out.flush();
        System.exit(0);
    }

    private static WebSocket subscribe(Vertx vertx, String url, String command)
            throws TimeoutException, InterruptedException {
        URI uri = URI.create(url);
        WebSocket socket = null;
        for (int attempt = 1; socket == null; attempt++) {
            try {
                socket = vertx.createWebSocketClient()
                        .connect(uri.getPort(), uri.getHost(), uri.getPath())
                        .await(30, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                // seen on a loaded machine: the handshake's connection closed; the next attempt goes through
                if (attempt >= STAND_IN_ATTEMPTS) {
                    throw e;
                }
                System.err.println("stand-in subscription to " + url + " failed (" + e + "), retrying");
                Thread.sleep(STAND_IN_RETRY_MILLIS * attempt);
            }
        }
        socket.handler(ignored -> {}); // frames for nobody: the other process serves this venue
        socket.writeTextMessage(command).await(10, TimeUnit.SECONDS);
        return socket;
    }

    /** Every market of a JSON pairs file, as the launcher simulates them. */
    static List<SimulatedMarket> markets(Path pairsFile) throws IOException {
        Map<String, Object> json = JSON.readValue(Files.readString(pairsFile), new TypeReference<>() {});
        return EmbeddedStack.simulatedMarkets(PairsFile.parse(json));
    }

    /** The head of each order request, as the simulator's HTTP server reads it. */
    private static VertxMetricsFactory heads(BlockingQueue<String> lines) {
        return options -> new VertxMetrics() {
            @Override
            public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(
                    HttpServerOptions serverOptions, SocketAddress local) {
                return WireToWireMarks.requestHeads(request -> {
                    Mark venue = WireToWireMarks.entryOrder(request, Mark.KALSHI_HEAD_IN, Mark.POLYMARKET_HEAD_IN);
                    if (venue != null) {
                        SimulatorProbe.Venue probed = venue == Mark.KALSHI_HEAD_IN
                                ? SimulatorProbe.Venue.KALSHI
                                : SimulatorProbe.Venue.POLYMARKET;
                        lines.add(HEAD + " " + probed + " " + System.nanoTime());
                    }
                });
            }
        };
    }

    private static void writeLines(BlockingQueue<String> lines, PrintStream out) {
        try {
            while (true) {
                out.println(lines.take());
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing to read: the parent closes stdin to stop this process
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].toLowerCase(Locale.ROOT);
            if (name.equals("--probe")) {
                options.put(name, "true");
            } else if (name.startsWith("--") && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        return options;
    }
}

package com.doubletime.launcher;

import com.doubletime.domain.MarketPair;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./double-time run}: the embedded stack in paper mode, until Ctrl-C. With
 * {@code --live-against-simulators} the executor trades in live mode through both real order gateways
 * against the simulators, which check signatures made with keys generated for this run.
 */
public final class EmbeddedMain {
    private static final System.Logger LOG = System.getLogger(EmbeddedMain.class.getName());

    /** A started run: its stack and how to stop it. */
    public record Running(Vertx vertx, EmbeddedStack stack, StackConfig config) {
        public String gatewayUrl() {
            return "http://" + config.host() + ":" + stack.gatewayPort();
        }

        public Future<Void> stop() {
            return stack.stop().eventually(vertx::close);
        }
    }

    /** The {@code run} flag for live trading against the simulators. */
    public static final String LIVE_AGAINST_SIMULATORS = "--live-against-simulators";

    private EmbeddedMain() {}

    public static void main(String[] args) throws Exception {
        Running running;
        try {
            running = start(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("run: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("run: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "stopping");
            try {
                running.stop().await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "unclean stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    /**
     * Starts everything with Prometheus metrics on and the API token from {@code env} (or a generated one,
     * shown once), and logs where everything is.
     *
     * @throws IllegalArgumentException for bad options
     */
    public static Running start(String[] args, Map<String, String> env) throws Exception {
        java.util.List<String> options = new java.util.ArrayList<>(java.util.Arrays.asList(args));
        boolean live = options.remove(LIVE_AGAINST_SIMULATORS);
        if (live && !options.contains("--journal")) {
            // the simulators start empty every run, so a live journal from an earlier run could never reconcile
            options.add("--journal");
            options.add(java.nio.file.Path.of("data", "live-sim-" + System.currentTimeMillis() + ".jsonl")
                    .toString());
        }
        StackConfig config = StackConfig.fromArgs(options.toArray(String[]::new));
        ApiToken token = ApiToken.resolve(env);
        EmbeddedStack.Live liveOptions = live
                ? new EmbeddedStack.Live(
                        com.doubletime.executor.ExecutorConfig.fromJson(new io.vertx.core.json.JsonObject()
                                .put("mode", "live")
                                .put("journalPath", config.journalPath().toString())),
                        SimulatorCredentials.generate(),
                        null)
                : null;
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions()
                                .setEnabled(true)
                                .setJvmMetricsEnabled(true)
                                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .build();
        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(vertx, config, token.value(), liveOptions)
                    .await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        Running running = new Running(vertx, stack, config);
        String gateway = running.gatewayUrl();
        LOG.log(
                System.Logger.Level.INFO,
                live
                        ? "Double Time is running in LIVE mode AGAINST THE LOCAL SIMULATORS (keys generated for this run, "
                                + "signatures checked; no real venue, no network)"
                        : "Double Time is running in PAPER mode (no credentials, no network)");
        for (MarketPair pair : stack.pairs()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "  pair " + pair.id() + ": Kalshi " + pair.kalshiTicker() + " ~ Polymarket "
                            + pair.conditionId()
                                    .substring(
                                            0, Math.min(12, pair.conditionId().length())) + "… (" + pair.polarity()
                            + ")");
        }
        LOG.log(
                System.Logger.Level.INFO,
                "  Kalshi simulator      " + stack.simulator().kalshiWsUrl());
        LOG.log(
                System.Logger.Level.INFO,
                "  Polymarket simulator  " + stack.simulator().polymarketWsUrl());
        LOG.log(
                System.Logger.Level.INFO,
                "  journal               " + config.journalPath().toAbsolutePath());
        LOG.log(System.Logger.Level.INFO, "  dashboard             " + gateway + "/dashboard/");
        LOG.log(System.Logger.Level.INFO, "  gateway               " + gateway + "/health");
        LOG.log(System.Logger.Level.INFO, "  opportunities (SSE)   " + gateway + "/api/opportunities/stream");
        LOG.log(System.Logger.Level.INFO, "  metrics               " + gateway + "/metrics");
        LOG.log(System.Logger.Level.INFO, "  API                   " + gateway + "/api/openapi.json");
        if (token.generated()) {
            // shown once, on purpose: the console's owner is the one who may use the API (see README "Operating")
            LOG.log(
                    System.Logger.Level.INFO,
                    "  API token (generated for this run; set DOUBLE_TIME_API_TOKEN to choose one): " + token.value());
        } else {
            LOG.log(System.Logger.Level.INFO, "  API token             from DOUBLE_TIME_API_TOKEN (not shown)");
        }
        return running;
    }
}

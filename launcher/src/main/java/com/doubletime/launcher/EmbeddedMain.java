package com.doubletime.launcher;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.Polarity;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.gateway.ApiToken;
import com.doubletime.gateway.GatewayConfig;
import com.doubletime.kalshi.auth.KalshiCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./double-time run}: the embedded stack in paper mode, until Ctrl-C. With
 * {@code --live-against-simulators} the executor trades in live mode through both real order gateways
 * against the simulators, which check signatures made with keys generated for this run; with
 * {@code --real-venues} the feeds stream the real venues' books and the executor trades on paper.
 */
public final class EmbeddedMain {
    private static final System.Logger LOG = System.getLogger(EmbeddedMain.class.getName());
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 20;
    /** Up to this many pairs are listed one per line at start; more are summed up in one line. */
    static final int PAIRS_LISTED = 10;

    private static final int SHOWN_ID_CHARS = 12;

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
        } catch (HelpShown e) {
            System.exit(e.exitCode);
            return;
        } catch (Cli.UsageException | PairsFileException e) {
            System.exit(Cli.usageError("run", e.getMessage(), System.err));
            return;
        } catch (Exception e) {
            System.err.println("run: could not start: " + startFailure(e, args));
            System.exit(Cli.FAILED);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(Level.INFO, "stopping");
            try {
                running.stop().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "unclean stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Thrown by {@link #start} when the command line asked for help (shown) or was wrong (said). */
    static final class HelpShown extends RuntimeException {
        final int exitCode;

        HelpShown(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** What went wrong in the words of the option that caused it: a port in use is named with its number. */
    static String startFailure(Throwable failure, String[] args) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return "the gateway port is in use: " + bindTarget(args) + " (another ./double-time run?). Pick"
                        + " another with --port N, or --port 0 for any free port";
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static String bindTarget(String[] args) {
        String host = RunOptions.DEFAULT_HOST;
        String port = Integer.toString(RunOptions.DEFAULT_PORT);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = args[i + 1];
            } else if (args[i].equals("--host")) {
                host = args[i + 1];
            }
        }
        return host + ":" + port;
    }

    /**
     * Starts everything with Prometheus metrics on and the API token from {@code env} (or a generated one,
     * shown once), and logs where everything is.
     *
     * @throws Cli.UsageException for options whose values cannot be used, naming the option
     * @throws HelpShown          when {@code --help} was asked for (printed) or the command line was wrong (said)
     */
    public static Running start(String[] args, Map<String, String> env) throws Exception {
        return start(args, env, System.out, System.err);
    }

    static Running start(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        Cli.Parsed<RunOptions> parsed = Cli.parse(new RunOptions(), args, out, err);
        if (!parsed.run()) {
            throw new HelpShown(parsed.exitCode());
        }
        RunOptions options = parsed.options();
        StackConfig config = options.toStackConfig(System.currentTimeMillis());
        RealVenues real = options.realVenues ? RealVenues.fromEnvironment(env) : null;
        ApiToken token = ApiToken.resolve(env);
        boolean live = options.liveAgainstSimulators;
        EmbeddedStack.Live liveOptions = live
                ? new EmbeddedStack.Live(
                        ExecutorConfig.fromJson(new JsonObject()
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
            stack = (real == null
                            ? EmbeddedStack.start(vertx, config, token.value(), liveOptions)
                            : EmbeddedStack.startOnRealVenues(vertx, config, token.value(), real))
                    .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        Running running = new Running(vertx, stack, config);
        logWhereEverythingIs(running, real, live, token);
        return running;
    }

    private static void logWhereEverythingIs(Running running, RealVenues real, boolean live, ApiToken token) {
        EmbeddedStack stack = running.stack();
        StackConfig config = running.config();
        String gateway = running.gatewayUrl();
        LOG.log(
                Level.INFO,
                real != null
                        ? "Double Time is running in PAPER mode ON THE REAL VENUES' BOOKS (market data only: no order is"
                                + " ever sent)"
                        : live
                                ? "Double Time is running in LIVE mode AGAINST THE LOCAL SIMULATORS (keys generated for"
                                        + " this run, signatures checked; no real venue, no network)"
                                : "Double Time is running in PAPER mode (no credentials, no network)");
        logPairs(stack.pairs(), config);
        if (real != null) {
            LOG.log(
                    Level.INFO,
                    "  Kalshi market data    " + real.kalshiWsUrl() + " (signed with the key of "
                            + KalshiCredentials.ENV_API_KEY_ID + ")");
            LOG.log(Level.INFO, "  Polymarket market data " + real.polymarketWsUrl());
        } else {
            LOG.log(Level.INFO, "  Kalshi simulator      " + stack.simulator().kalshiWsUrl());
            LOG.log(Level.INFO, "  Polymarket simulator  " + stack.simulator().polymarketWsUrl());
        }
        LOG.log(Level.INFO, "  journal               " + config.journalPath().toAbsolutePath());
        if (config.recordDir() != null) {
            LOG.log(
                    Level.INFO,
                    "  recording to          " + config.recordDir().toAbsolutePath() + " ("
                            + EmbeddedStack.KALSHI_CAPTURE + ", " + EmbeddedStack.POLYMARKET_CAPTURE
                            + "; replay it with"
                            + " ./double-time replay --pairs " + config.pairsFile() + " --capture "
                            + config.recordDir() + ")");
        }
        LOG.log(Level.INFO, "  dashboard             " + gateway + "/dashboard/");
        LOG.log(Level.INFO, "  gateway               " + gateway + "/health");
        LOG.log(Level.INFO, "  opportunities (SSE)   " + gateway + "/api/opportunities/stream");
        LOG.log(Level.INFO, "  metrics               " + gateway + "/metrics");
        LOG.log(Level.INFO, "  API                   " + gateway + "/api/openapi.json");
        if (token.generated()) {
            // shown once, on purpose: the console's owner is the one who may use the API (see README "Operating")
            LOG.log(
                    Level.INFO,
                    "  API token (generated for this run; set " + GatewayConfig.TOKEN_ENV + " to choose one): "
                            + token.value());
        } else {
            LOG.log(Level.INFO, "  API token             from " + GatewayConfig.TOKEN_ENV + " (not shown)");
        }
    }

    /** One line per pair for a handful; one summary line for a long list (10,000 pairs are not 10,000 lines). */
    private static void logPairs(List<MarketPair> pairs, StackConfig config) {
        if (pairs.size() > PAIRS_LISTED) {
            long inverse =
                    pairs.stream().filter(p -> p.polarity() == Polarity.INVERSE).count();
            LOG.log(
                    Level.INFO,
                    "  pairs                 " + pairs.size() + " from " + config.pairsFile() + " (" + inverse
                            + " inverse; GET /api/pairs lists them)");
            return;
        }
        for (MarketPair pair : pairs) {
            String condition = pair.conditionId();
            LOG.log(
                    Level.INFO,
                    "  pair " + pair.id() + ": Kalshi " + pair.kalshiTicker() + " ~ Polymarket "
                            + condition.substring(0, Math.min(SHOWN_ID_CHARS, condition.length())) + "… ("
                            + pair.polarity() + ")");
        }
    }
}

package com.doubletime.launcher;

import com.doubletime.gateway.ApiToken;
import com.doubletime.gateway.GatewayConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./double-time cluster}: the simulators and every deployable as separate JVMs on loopback (two Kalshi
 * feed instances by default), until Ctrl-C, which stops them all.
 */
public final class ClusterMain {
    static final String COMMAND = "cluster";
    private static final long POLL_MILLIS = 1_000;
    /** How long a child that died of the terminal's Ctrl-C may precede our own shutdown hook. */
    private static final long CTRL_C_GRACE_MILLIS = 3_000;
    /** The exit codes of a process ended by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal's number. */
    private static final List<Integer> STOPPED_BY_SIGNAL = List.of(130, 143);

    private ClusterMain() {}

    /** The command line of {@code ./double-time cluster}. */
    @Command(
            name = COMMAND,
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "The simulators and every service as its own JVM on a loopback Hazelcast cluster (paper trading),"
                        + " until Ctrl-C stops them all.",
                ""
            },
            footer = {
                "",
                "The API token: DOUBLE_TIME_API_TOKEN (16+ characters), or one generated for this run and printed once."
            })
    static final class Options {
        @Option(
                names = "--pairs",
                paramLabel = "FILE",
                description = "pairs file, JSON or YAML; pairs changed over the API are saved into it. Default:"
                        + " data/pairs.json, made from config/pairs.example.json on the first run")
        Path pairs;

        @Option(names = "--port", paramLabel = "N", description = "gateway port")
        int port = RunOptions.DEFAULT_PORT;

        @Option(
                names = "--kalshi-instances",
                paramLabel = "N",
                description = "Kalshi feed processes sharing the markets")
        int kalshiInstances = 2;

        @Option(
                names = "--executors",
                paramLabel = "N",
                description = "trade executors: 1 journals to --journal; 2 or more run one active, the others standing"
                        + " by, on a PostgreSQL journal started from Debian's binaries (data in --postgres-data)")
        int executors = 2;

        @Option(names = "--postgres-data", paramLabel = "DIR", description = "the several executors' journal data")
        Path postgresData = Path.of("data", "cluster-postgres");

        @Option(names = "--seed", paramLabel = "N", description = "seed of the simulators' random walk")
        long seed = RunOptions.DEFAULT_SEED;

        @Option(names = "--step-millis", paramLabel = "N", description = "milliseconds between random-walk steps")
        long stepMillis = RunOptions.DEFAULT_STEP_MILLIS;

        @Option(names = "--window-every", paramLabel = "N", description = "a buy-both window every N steps")
        int windowEvery = RunOptions.DEFAULT_WINDOW_EVERY;

        @Option(names = "--journal", paramLabel = "FILE", description = "the executor's trade journal")
        Path journal = Path.of("data", "cluster-trades.jsonl");

        @Option(names = "--logs", paramLabel = "DIR", description = "one log file per process")
        Path logs = Path.of("data", "cluster-logs");

        @Mixin
        JvmOptions jvm = new JvmOptions();
    }

    public static void main(String[] args) throws Exception {
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, System.out, System.err);
        if (!parsed.run()) {
            System.exit(parsed.exitCode());
            return;
        }
        ClusterLauncher.Plan plan;
        ApiToken token;
        try {
            token = ApiToken.resolve(System.getenv());
            plan = plan(parsed.options(), token.value());
        } catch (Cli.UsageException | IllegalArgumentException e) {
            System.exit(Cli.usageError(COMMAND, e.getMessage(), System.err));
            return;
        }
        ClusterLauncher cluster = ClusterLauncher.start(plan);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.countDown();
                            System.out.println("stopping every process ...");
                            cluster.close();
                            System.out.println("stopped.");
                            stopped.countDown();
                        },
                        "cluster-stop"));
        System.out.println("Double Time cluster '" + cluster.clusterName() + "' starting (PAPER mode, loopback only):");
        cluster.services()
                .forEach(s -> System.out.println("  " + String.format("%-20s", s.name()) + " pid "
                        + s.process().pid() + "  log "
                        + s.log().toAbsolutePath().normalize()));
        System.out.println("  Kalshi simulator     " + cluster.kalshiWsUrl());
        System.out.println("  Polymarket simulator " + cluster.polymarketWsUrl());
        System.out.println(
                "  dashboard            " + cluster.gatewayUrl() + "/dashboard/  (up once joined, ~10-30 s)");
        System.out.println("  gateway              " + cluster.gatewayUrl() + "/health");
        System.out.println("  opportunities (SSE)  " + cluster.gatewayUrl() + "/api/opportunities/stream");
        System.out.println("  journal              "
                + (cluster.postgresJournal() == null ? plan.journal().toAbsolutePath() : cluster.postgresJournal()));
        System.out.println("  pairs                " + plan.pairsFile().toAbsolutePath()
                + " (pairs changed over the API are saved there; the previous version in .bak)");
        if (token.generated()) {
            // shown once, on purpose: whoever reads this console may use the API
            System.out.println("  API token (generated for this run; set " + GatewayConfig.TOKEN_ENV
                    + " to choose one): " + token.value());
        } else {
            System.out.println("  API token            from " + GatewayConfig.TOKEN_ENV + " (not shown)");
        }
        System.out.println("Ctrl-C stops them all.");
        while (stopped.getCount() > 0) {
            ClusterLauncher.Service exited = cluster.firstExited();
            if (exited != null) {
                // Ctrl-C reaches the children too (one process group): their 130 is our own stop, not a failure
                if (STOPPED_BY_SIGNAL.contains(exited.process().exitValue())
                        && stopping.await(CTRL_C_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    stopped.await();
                    return;
                }
                System.out.println(
                        exited.name() + " exited (" + exited.process().exitValue() + "); see " + exited.log());
                System.exit(Cli.FAILED); // the shutdown hook stops the rest
            }
            if (stopping.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                stopped.await();
                return;
            }
        }
    }

    static ClusterLauncher.Plan plan(Options options, String apiToken) {
        if (options.port < 1 || options.port > RunOptions.MAX_PORT) {
            throw new Cli.UsageException("--port must be from 1 to " + RunOptions.MAX_PORT + ", got " + options.port);
        }
        if (options.kalshiInstances < 1) {
            throw new Cli.UsageException("--kalshi-instances must be 1 or more, got " + options.kalshiInstances);
        }
        if (options.executors < 1) {
            throw new Cli.UsageException("--executors must be 1 or more, got " + options.executors);
        }
        if (options.stepMillis < 1) {
            throw new Cli.UsageException("--step-millis must be 1 or more, got " + options.stepMillis);
        }
        if (options.windowEvery < 1) {
            throw new Cli.UsageException("--window-every must be 1 or more, got " + options.windowEvery);
        }
        Path pairs = options.pairs != null
                ? options.pairs
                : WorkingPairs.prepare(StackConfig.WORKING_PAIRS, StackConfig.DEFAULT_PAIRS);
        PathChecks.readableFile("--pairs", pairs);
        PathChecks.appendableFile("--journal", options.journal);
        PathChecks.writableDirectory("--logs", options.logs);
        if (options.executors > 1) {
            PathChecks.writableDirectory("--postgres-data", options.postgresData);
        }
        if (!free(options.port)) {
            throw new Cli.UsageException("the gateway port " + options.port + " is in use (another ./double-time"
                    + " run or cluster?): pick another with --port N");
        }
        return new ClusterLauncher.Plan(
                Path.of("."),
                pairs,
                options.port,
                options.kalshiInstances,
                options.executors,
                options.seed,
                options.stepMillis,
                options.windowEvery,
                options.journal,
                options.postgresData,
                options.logs,
                options.jvm.serviceJvm(),
                apiToken);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

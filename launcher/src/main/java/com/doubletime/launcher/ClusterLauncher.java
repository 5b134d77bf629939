package com.doubletime.launcher;

import com.doubletime.cluster.LocalPostgresServer;
import com.doubletime.gateway.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster without Docker: the simulators and every deployable as its own JVM ({@code java -jar
 * <module>-app.jar}) on loopback, joined by Hazelcast TCP-IP under a cluster name of their own, so two such
 * clusters on one machine never merge. Several executors run active/standby on a PostgreSQL journal this launcher
 * starts from Debian's binaries, its data kept across runs. Each process logs to {@code <logDir>/<name>.log}. {@link #close()}
 * stops them all: SIGTERM first (feeds hand their markets back, the journal is flushed), then
 * {@code destroyForcibly} for anything still alive after the grace period.
 */
public final class ClusterLauncher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClusterLauncher.class.getName());
    private static final long GRACE_SECONDS = 15;

    /**
     * @param root            the repository root (where each module's {@code target/<module>-app.jar} is)
     * @param pairsFile       pairs for the simulators and every service
     * @param gatewayPort     the gateway's HTTP port
     * @param kalshiInstances how many Kalshi feed processes share the Kalshi markets
     * @param executors       how many trade executors: one journals to {@code journal}; more run active/standby
     *                        ({@code --failover}) on a PostgreSQL journal whose data lives in {@code postgresData}
     * @param journal         the executor's journal file (one executor)
     * @param postgresData    where the several executors' PostgreSQL keeps its data (several executors)
     * @param logDir          where each process's output goes
     * @param javaOptions     JVM options for every process (heap size); each also exits on OutOfMemoryError
     * @param apiToken        the token the gateway requires for every API call (never logged)
     */
    public record Plan(
            Path root,
            Path pairsFile,
            int gatewayPort,
            int kalshiInstances,
            int executors,
            long seed,
            long stepMillis,
            int windowEvery,
            Path journal,
            Path postgresData,
            Path logDir,
            List<String> javaOptions,
            String apiToken) {
        public Plan {
            if (kalshiInstances < 1) {
                throw new IllegalArgumentException("kalshiInstances must be at least 1");
            }
            if (executors < 1) {
                throw new IllegalArgumentException("executors must be at least 1");
            }
            if (apiToken == null || apiToken.isBlank()) {
                throw new IllegalArgumentException("the cluster's gateway needs an API token");
            }
            List<String> options = new ArrayList<>(javaOptions);
            if (!options.contains(EXIT_ON_OUT_OF_MEMORY)) {
                options.add(EXIT_ON_OUT_OF_MEMORY); // a supervisor restarts a process that died; not one left half up
            }
            javaOptions = List.copyOf(options);
        }

        @Override
        public String toString() {
            return "Plan[gateway port " + gatewayPort + ", " + kalshiInstances + " Kalshi feeds, " + executors
                    + " executors, pairs " + pairsFile + "]";
        }
    }

    static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";
    static final String JOURNAL_DATABASE = "doubletime";
    private static final int HAZELCAST_PORT_BLOCK = 10;
    private static final int HAZELCAST_PORT_FROM = 20_000;
    private static final int HAZELCAST_PORT_RANGE = 20_000;
    private static final int PORT_BLOCK_ATTEMPTS = 50;
    private static final long KILL_WAIT_SECONDS = 5;

    /** One running process. */
    public record Service(String name, Process process, Path log) {
        public boolean alive() {
            return process.isAlive();
        }
    }

    private final Plan plan;
    private final LoopbackCluster cluster;
    private final int kalshiPort;
    private final int polymarketPort;
    private final List<Service> services = new ArrayList<>();
    /** The several executors' journal; null with one executor. */
    private LocalPostgresServer postgres;

    private ClusterLauncher(Plan plan) {
        this.plan = plan;
        this.cluster = LoopbackCluster.create("double-time", plan.pairsFile());
        this.kalshiPort = freePort();
        this.polymarketPort = freePort();
    }

    /**
     * Starts every process; the monitor, executor and gateway first, so the first books and opportunities
     * find their consumers. Returns once all are spawned (joining takes a few more seconds).
     */
    public static ClusterLauncher start(Plan plan) throws IOException {
        ClusterLauncher launcher = new ClusterLauncher(plan);
        try {
            launcher.spawnAll();
        } catch (IOException | RuntimeException e) {
            launcher.close();
            throw e;
        }
        return launcher;
    }

    private void spawnAll() throws IOException {
        Files.createDirectories(plan.logDir());
        String pairs = plan.pairsFile().toAbsolutePath().toString();
        spawn(
                "exchange-simulator",
                "exchange-simulator",
                List.of(
                        "--pairs",
                        pairs,
                        "--kalshi-port",
                        Integer.toString(kalshiPort),
                        "--polymarket-port",
                        Integer.toString(polymarketPort),
                        "--seed",
                        Long.toString(plan.seed()),
                        "--step-millis",
                        Long.toString(plan.stepMillis()),
                        "--window-every",
                        Integer.toString(plan.windowEvery())));
        spawn("arbitrage-monitor", "arbitrage-monitor", clustered(List.of()));
        if (plan.executors() == 1) {
            spawn(
                    "trade-executor",
                    "trade-executor",
                    clustered(
                            List.of("--journal", plan.journal().toAbsolutePath().toString())));
        } else {
            startPostgres();
            for (int i = 1; i <= plan.executors(); i++) {
                spawn(
                        "trade-executor-" + i,
                        "trade-executor",
                        clustered(LoopbackCluster.failoverExecutor(postgres, JOURNAL_DATABASE, "executor-" + i)));
            }
        }
        spawn(
                "api-gateway",
                "api-gateway",
                clustered(List.of("--port", Integer.toString(plan.gatewayPort()))),
                Map.of(GatewayConfig.TOKEN_ENV, plan.apiToken()));
        for (int i = 1; i <= plan.kalshiInstances(); i++) {
            spawn(
                    "kalshi-feed-" + i,
                    "kalshi-feed",
                    clustered(List.of("--ws-url", kalshiWsUrl(), "--instance-id", "kalshi-" + i)));
        }
        spawn(
                "polymarket-feed",
                "polymarket-feed",
                clustered(List.of("--ws-url", polymarketWsUrl(), "--instance-id", "polymarket-1")));
    }

    private void startPostgres() throws IOException {
        try {
            postgres = LocalPostgresServer.keepingDataIn(plan.postgresData());
            if (!postgres.hasDatabase(JOURNAL_DATABASE)) {
                postgres.createDatabase(JOURNAL_DATABASE);
            }
        } catch (Exception e) {
            throw new IOException(
                    plan.executors() + " executors need a PostgreSQL journal, which could not start (" + e.getMessage()
                            + "); run one executor with --executors 1",
                    e);
        }
    }

    /** Where the several executors journal, or null with one executor. */
    public String postgresJournal() {
        return postgres == null
                ? null
                : "postgresql://127.0.0.1:" + postgres.port() + "/" + JOURNAL_DATABASE + " (data in "
                        + plan.postgresData().toAbsolutePath() + ")";
    }

    private List<String> clustered(List<String> own) {
        return cluster.memberArgs(own);
    }

    private void spawn(String name, String module, List<String> args) throws IOException {
        spawn(name, module, args, Map.of());
    }

    private void spawn(String name, String module, List<String> args, Map<String, String> own) throws IOException {
        Path jar = plan.root().resolve(module).resolve("target").resolve(module + "-app.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(
                    "no " + jar.toAbsolutePath().normalize() + ": build first (mvn -B -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(plan.javaOptions());
        command.add("-jar");
        command.add(jar.toAbsolutePath().normalize().toString());
        command.addAll(args);
        Path log = plan.logDir().resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // the layered options read these too: a developer's shell must not reconfigure the child processes
        env.keySet()
                .removeIf(key -> key.startsWith("DT_")
                        || key.startsWith("KALSHI_WS")
                        || key.startsWith("POLYMARKET_WS")
                        || key.equals(GatewayConfig.TOKEN_ENV));
        env.putAll(own);
        services.add(new Service(name, builder.start(), log));
    }

    public String kalshiWsUrl() {
        return "ws://127.0.0.1:" + kalshiPort + "/trade-api/ws/v2";
    }

    public String polymarketWsUrl() {
        return "ws://127.0.0.1:" + polymarketPort + "/ws/market";
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + plan.gatewayPort();
    }

    public String clusterName() {
        return cluster.name();
    }

    public List<Service> services() {
        return List.copyOf(services);
    }

    public Service service(String name) {
        return services.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The first service that exited, or null while all run. */
    public Service firstExited() {
        return services.stream().filter(s -> !s.alive()).findFirst().orElse(null);
    }

    /** SIGTERM to all, in reverse start order; whatever outlives the grace period is killed. Never throws. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).process().destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (Service service : services) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            service.name() + " did not stop within " + GRACE_SECONDS + " s: killing it");
                    service.process().destroyForcibly();
                    service.process().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.process().destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.destroy(); // stops it; the journal's data stays in plan.postgresData()
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A first Hazelcast port whose next nine are free too: every member auto-increments from it (stack-notes
     * §2.1), and a block of our own keeps a concurrently running cluster's members out of our seed range.
     */
    static int freePortBlock() {
        for (int attempt = 0; attempt < PORT_BLOCK_ATTEMPTS; attempt++) {
            int base = HAZELCAST_PORT_FROM + (int) (Math.random() * HAZELCAST_PORT_RANGE);
            if (allFree(base, HAZELCAST_PORT_BLOCK)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + HAZELCAST_PORT_BLOCK + " free ports found for Hazelcast");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}

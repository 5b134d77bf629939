package com.doubletime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every deployable's {@code main} does around its own deployment: resolve the layered options
 * ({@link ServiceOptions}), start Vert.x plain or clustered ({@link ServiceNode}), deploy, log one line saying
 * where it runs, and on SIGTERM/Ctrl-C undeploy everything (feeds hand back their markets, the journal is
 * flushed) and leave the cluster.
 */
public final class ServiceMain {
    static {
        // slf4j-simple reads these once, at its first logger: before anything logs. -D on the command line wins.
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
        defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        defaultProperty("org.slf4j.simpleLogger.log.com.hazelcast", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
        // Vert.x registers its shared gauges again for every client and consumer, by design (one LongAdder per meter
        // id), and Micrometer since 1.13.9 warns about the second registration: vert-x3/vertx-micrometer-metrics#259,
        // micrometer-metrics/micrometer#6931. Nothing is lost; a real error of the registry still shows.
        defaultProperty("org.slf4j.simpleLogger.log.io.micrometer.core.instrument.MeterRegistry", "error");
        // Vert.x keeps its cluster-wide locks and counters in Hazelcast's CP subsystem, which without three CP
        // members runs "unsafe" and warns on every start. Double Time relies on neither: market leases are map
        // compare-and-set, the journal is PostgreSQL's.
        defaultProperty("org.slf4j.simpleLogger.log.com.hazelcast.cp.CPSubsystem", "error");
    }

    private static final System.Logger LOG = System.getLogger(ServiceMain.class.getName());
    public static final Path DEFAULT_PAIRS = Path.of("config", "pairs.example.json");

    /** Deploys a service's verticles on a started Vert.x, given the resolved configuration. */
    @FunctionalInterface
    public interface Deployment {
        Future<?> deploy(Vertx vertx, JsonObject config);
    }

    private ServiceMain() {}

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The common options followed by the service's own. */
    public static List<ServiceOptions.Option> options(ServiceOptions.Option... own) {
        List<ServiceOptions.Option> all = new ArrayList<>(ServiceOptions.COMMON);
        all.addAll(Arrays.asList(own));
        return all;
    }

    /** The common options, a feed's own, then the scale-out ones ({@link ScaleOut}). */
    public static List<ServiceOptions.Option> feedOptions(ServiceOptions.Option... own) {
        List<ServiceOptions.Option> all = options(own);
        all.addAll(Arrays.asList(ScaleOut.options()));
        return all;
    }

    /** The pairs file named in the configuration, or the example file. */
    public static Path pairsFile(JsonObject config) {
        String file = config.getString("pairsFile");
        return file == null || file.isBlank() ? DEFAULT_PAIRS : Path.of(file);
    }

    public static void run(String service, List<ServiceOptions.Option> options, String[] args, Deployment deployment) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(ServiceOptions.usage(service, options));
            return;
        }
        JsonObject config;
        ClusterSettings cluster;
        try {
            config = ServiceOptions.resolve(options, args, System.getenv());
            cluster = ClusterSettings.fromJson(config.getJsonObject("cluster"));
        } catch (IllegalArgumentException e) {
            System.err.println(service + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        ReadyFile ready = new ReadyFile(config.getString("readyFile"));
        ready.clear(); // a restarted container keeps its files: not ready until deployed again
        Vertx vertx;
        try {
            vertx = ServiceNode.start(
                            cluster,
                            config.getJsonObject("metrics", new JsonObject()).getInteger("port", 0))
                    .await(2, TimeUnit.MINUTES);
            deployment.deploy(vertx, config).await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, service + " could not start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        LOG.log(
                System.Logger.Level.INFO,
                service + " running "
                        + (cluster.enabled()
                                ? "in cluster '" + cluster.name() + "' (event bus " + cluster.advertisedEventBusHost()
                                        + ", joined via " + cluster.members() + ")"
                                : "alone (not clustered)"));
        ready.mark();
        Vertx started = vertx;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            ready.clear();
                            try {
                                // closing undeploys every verticle (their stop runs) and then leaves the cluster
                                started.close().await(20, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                System.err.println(service + ": unclean stop: " + e.getMessage());
                            }
                        },
                        service + "-shutdown"));
    }

    /**
     * A file that exists only while the service is deployed, so a container health check can tell "joined the
     * cluster" (the event-bus port is open) from "consumers registered, journal replayed". Null: none.
     */
    private record ReadyFile(String path) {
        void mark() {
            if (path != null && !path.isBlank()) {
                try {
                    Files.writeString(Path.of(path), ProcessHandle.current().pid() + "\n");
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.ERROR, "cannot write the ready file " + path + ": " + e.getMessage());
                }
            }
        }

        void clear() {
            if (path != null && !path.isBlank()) {
                try {
                    Files.deleteIfExists(Path.of(path));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.ERROR, "cannot remove the ready file " + path + ": " + e.getMessage());
                }
            }
        }
    }
}

package com.doubletime.launcher;

import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.ClusterSettings;
import com.doubletime.cluster.LocalPostgresServer;
import com.doubletime.cluster.ServiceNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hazelcast cluster on loopback under a name and a block of ports of its own, so that two on one machine never
 * merge: the command-line arguments that make a service process join it, and a member for this JVM (which watches
 * the bus). What {@code cluster}, {@code soak} and the multi-process tests share.
 *
 * @param pairsFile the pairs every member loads
 */
record LoopbackCluster(String name, int hazelcastPort, Path pairsFile) {
    private static final String LOOPBACK = "127.0.0.1";

    /** A new cluster named {@code prefix-<this pid>} on a free block of Hazelcast ports. */
    static LoopbackCluster create(String prefix, Path pairsFile) {
        return new LoopbackCluster(
                prefix + "-" + ProcessHandle.current().pid(), ClusterLauncher.freePortBlock(), pairsFile);
    }

    /** What every service's command line needs to join, pairs file included. */
    List<String> memberArgs() {
        return List.of(
                "--cluster",
                "--cluster-name",
                name,
                "--members",
                LOOPBACK,
                "--interfaces",
                LOOPBACK,
                "--cluster-port",
                Integer.toString(hazelcastPort),
                "--bus-host",
                LOOPBACK,
                "--pairs",
                pairsFile.toAbsolutePath().toString());
    }

    /** {@link #memberArgs} followed by a service's own. */
    List<String> memberArgs(List<String> own) {
        List<String> all = new ArrayList<>(memberArgs());
        all.addAll(own);
        return all;
    }

    /** This JVM as a member, every codec registered. */
    Future<Vertx> join() {
        return ServiceNode.start(new ClusterSettings(
                        true, name, List.of(LOOPBACK), List.of(LOOPBACK), hazelcastPort, LOOPBACK, 0, null, false))
                .map(vertx -> {
                    BusCodecs.registerAll(vertx.eventBus());
                    return vertx;
                });
    }

    /** An executor of several, active or standing by, on the PostgreSQL journal they share. */
    static List<String> failoverExecutor(LocalPostgresServer postgres, String database, String instanceId) {
        return List.of(
                "--journal-store",
                "postgres",
                "--pg-host",
                LOOPBACK,
                "--pg-port",
                Integer.toString(postgres.port()),
                "--pg-database",
                database,
                "--pg-user",
                postgres.user(),
                "--failover",
                "--instance-id",
                instanceId);
    }

    /** A {@link SimulatorExecutorMain}'s venues: through these taps, with the simulators' keys from this file. */
    static List<String> simulatorVenues(OrderTap kalshi, OrderTap polymarket, Path keyFile) {
        return List.of(
                "--kalshi-rest-url",
                "http://" + LOOPBACK + ":" + kalshi.port() + "/trade-api/v2",
                "--polymarket-rest-url",
                "http://" + LOOPBACK + ":" + polymarket.port(),
                "--simulator-keys",
                keyFile.toAbsolutePath().toString());
    }
}

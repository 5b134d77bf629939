package com.doubletime.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./double-time cluster}: the simulators and every deployable as separate JVMs on loopback (two Kalshi
 * feed instances by default), until Ctrl-C, which stops them all.
 */
public final class ClusterMain {
    private ClusterMain() {}

    public static void main(String[] args) throws Exception {
        ClusterLauncher.Plan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cluster: " + e.getMessage());
            System.err.println(
                    "usage: ./double-time cluster [--pairs FILE] [--port 8080] [--kalshi-instances 2] [--seed N]"
                            + " [--step-millis N] [--window-every N] [--journal FILE] [--logs DIR] [--heap 256m]");
            System.exit(2);
            return;
        }
        ClusterLauncher cluster = ClusterLauncher.start(plan);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("stopping every process ...");
                            cluster.close();
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
        System.out.println("  gateway              " + cluster.gatewayUrl() + "/health  (joins in ~10-30 s)");
        System.out.println("  opportunities (SSE)  " + cluster.gatewayUrl() + "/api/opportunities/stream");
        System.out.println("  journal              " + plan.journal().toAbsolutePath());
        System.out.println("Ctrl-C stops them all.");
        while (stopped.getCount() > 0) {
            ClusterLauncher.Service exited = cluster.firstExited();
            if (exited != null) {
                System.out.println(
                        exited.name() + " exited (" + exited.process().exitValue() + "); see " + exited.log());
                System.exit(1); // the shutdown hook stops the rest
            }
            Thread.sleep(1_000);
        }
    }

    static ClusterLauncher.Plan plan(String[] args) {
        Path pairs = StackConfig.DEFAULT_PAIRS;
        int port = 8080;
        int kalshi = 2;
        long seed = 42;
        long step = 500;
        int windowEvery = 20;
        Path journal = Path.of("data", "cluster-trades.jsonl");
        Path logs = Path.of("data", "cluster-logs");
        String heap = "256m";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--pairs" -> pairs = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--kalshi-instances" -> kalshi = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--step-millis" -> step = Long.parseLong(value);
                case "--window-every" -> windowEvery = Integer.parseInt(value);
                case "--journal" -> journal = Path.of(value);
                case "--logs" -> logs = Path.of(value);
                case "--heap" -> heap = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new ClusterLauncher.Plan(
                Path.of("."),
                pairs,
                port,
                kalshi,
                seed,
                step,
                windowEvery,
                journal,
                logs,
                List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }
}

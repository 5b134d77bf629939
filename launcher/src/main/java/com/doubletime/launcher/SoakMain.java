package com.doubletime.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./double-time soak}: the chaos soak ({@link ChaosSoak}); not part of {@code ./double-time test}. */
final class SoakMain {
    static final String COMMAND = "soak";
    private static final long MAX_MINUTES = 24 * 60;
    private static final String HAZELCAST_LOG_LEVEL = "org.slf4j.simpleLogger.log.com.hazelcast";
    /** A buy-both window about every 1.5 s: enough trades in flight for the kills to interrupt some. */
    private static final long STEP_MILLIS = 250;

    private static final int WINDOW_EVERY = 6;

    private SoakMain() {}

    @Command(
            name = COMMAND,
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "The cluster against the simulators (two live executors, active and standby, on a PostgreSQL journal"
                        + " started for the run; two Kalshi feeds, the Polymarket feed, the monitor, the gateway),"
                        + " with the simulators' faults, killed and frozen services and database outages injected at"
                        + " random; then the figures: trades, faults by kind, restarts by service, fail-over times,"
                        + " duplicates, opportunities on stale books, journal against the venues. Exits 1 on any"
                        + " mismatch. Needs PostgreSQL's binaries (/usr/lib/postgresql) and about 2 GB of memory.",
                ""
            })
    static final class Options {
        @Option(names = "--minutes", paramLabel = "N", description = "how long faults are injected")
        long minutes = 10;

        @Option(names = "--seed", paramLabel = "N", description = "seed of the fault schedule and the random walk")
        long seed = RunOptions.DEFAULT_SEED;

        @Option(names = "--fault-every", paramLabel = "SECONDS", description = "mean time between two faults")
        long faultEverySeconds = 15;

        @Option(names = "--pairs", paramLabel = "FILE", description = "pairs file")
        Path pairs = Path.of("config", "pairs.example.json");

        @Option(names = "--logs", paramLabel = "DIR", description = "one log file per process")
        Path logs = Path.of("data", "soak-logs");

        @Mixin
        JvmOptions jvm = new JvmOptions();
    }

    public static void main(String[] args) throws Exception {
        // this JVM is a cluster member that watches members being killed on purpose: Hazelcast's connection warnings
        // would bury the soak's own lines (the services' logs keep theirs)
        if (System.getProperty(HAZELCAST_LOG_LEVEL) == null) {
            System.setProperty(HAZELCAST_LOG_LEVEL, "error");
        }
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, System.out, System.err);
        if (!parsed.run()) {
            System.exit(parsed.exitCode());
            return;
        }
        ChaosSoak.Plan plan;
        try {
            plan = plan(parsed.options());
        } catch (Cli.UsageException e) {
            System.exit(Cli.usageError(COMMAND, e.getMessage(), System.err));
            return;
        }
        boolean clean = new ChaosSoak(plan, System.out).run();
        System.exit(clean ? Cli.OK : Cli.FAILED);
    }

    static ChaosSoak.Plan plan(Options options) {
        if (options.minutes < 1 || options.minutes > MAX_MINUTES) {
            throw new Cli.UsageException("--minutes must be from 1 to " + MAX_MINUTES + ", got " + options.minutes);
        }
        if (options.faultEverySeconds < 1) {
            throw new Cli.UsageException("--fault-every must be 1 or more, got " + options.faultEverySeconds);
        }
        PathChecks.readableFile("--pairs", options.pairs);
        PathChecks.writableDirectory("--logs", options.logs);
        return new ChaosSoak.Plan(
                Path.of("."),
                options.pairs,
                options.minutes,
                options.seed,
                options.faultEverySeconds,
                STEP_MILLIS,
                WINDOW_EVERY,
                options.logs,
                options.jvm.serviceJvm());
    }
}

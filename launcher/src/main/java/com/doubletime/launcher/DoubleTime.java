package com.doubletime.launcher;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code ./double-time} entry point: picks the subcommand, nothing else. */
public final class DoubleTime {
    /** A subcommand and what it does, for the overview. */
    private record Subcommand(String name, String summary) {}

    private static final List<Subcommand> COMMANDS = List.of(
            new Subcommand("run", "simulators + feeds + monitor + executor + gateway in one JVM, paper trading;"),
            new Subcommand("", "  --live-against-simulators: live executor, simulators checking signatures;"),
            new Subcommand("", "  --real-venues: the real Kalshi and Polymarket books, paper trading"),
            new Subcommand("replay", "a capture (file, or the directory run --record wrote) through the live"),
            new Subcommand("", "  parsers, books and detector: opportunities and a summary"),
            new Subcommand("backtest", "what a capture would have earned at each latency, through the live"),
            new Subcommand("", "  detector, executor decision and leg-risk policy: summary and HTML report"),
            new Subcommand("simulator", "the local Kalshi and Polymarket simulators alone"),
            new Subcommand("cluster", "simulators + every service as its own JVM on a loopback cluster"),
            new Subcommand("check-credentials", "one balance per venue with the credentials in the environment"),
            new Subcommand("soak", "the cluster against the simulators under random faults, kills and database"),
            new Subcommand("", "  outages; then its figures (not part of test)"),
            new Subcommand("bench", "replay throughput and latency, JMH hot path and signing, wire-to-wire"),
            new Subcommand("test", "installs what the tests need, then every unit and integration test"));

    private DoubleTime() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> EmbeddedMain.main(rest);
            case "replay" -> ReplayTool.main(rest);
            case BacktestTool.COMMAND -> BacktestTool.main(rest);
            case "simulator" -> SimulatorCommand.main(rest);
            case "cluster" -> ClusterMain.main(rest);
            case SoakMain.COMMAND -> SoakMain.main(rest);
            case CheckCredentials.COMMAND -> CheckCredentials.main(rest);
            case "help", "--help", "-h" -> {
                if (rest.length > 0 && !rest[0].startsWith("-")) {
                    main(new String[] {rest[0], "--help"});
                    return;
                }
                overview(System.out);
                System.exit(Cli.OK);
            }
            default -> {
                System.err.println(Cli.LAUNCHER + ": unknown command '" + command + "'");
                overview(System.err);
                System.exit(Cli.USAGE);
            }
        }
    }

    static void overview(PrintStream out) {
        out.println("usage: " + Cli.LAUNCHER + " <command> [options]");
        out.println();
        for (Subcommand command : COMMANDS) {
            out.printf("  %-18s %s%n", command.name(), command.summary());
        }
        out.println();
        out.println(Cli.LAUNCHER + " <command> --help lists the command's options and their defaults.");
        out.println("A quick start, a walk through the dashboard and the API: README.md.");
    }
}

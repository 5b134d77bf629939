package com.doubletime.launcher;

import java.util.Arrays;

/** The {@code ./double-time} entry point: picks the subcommand, nothing else. */
public final class DoubleTime {
    private DoubleTime() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> EmbeddedMain.main(rest);
            case "replay" -> ReplayTool.main(rest);
            case "simulator" -> com.doubletime.simulator.SimulatorMain.main(rest);
            case "cluster" -> ClusterMain.main(rest);
            default -> {
                System.err.println("""
                        usage: ./double-time <command> [options]
                          run        simulators + feeds + monitor + executor + gateway in one JVM (paper trading)
                                     [--pairs FILE] [--port 8080] [--scenario FILE] [--seed N] [--record DIR]
                                     [--live-against-simulators]  live executor, both order gateways, simulators
                                                                  checking signatures with keys made at start
                          replay     --pairs PAIRS --capture FILE [--out FILE] [--dump-books FILE]
                          simulator  the local Kalshi and Polymarket simulators alone
                          cluster    simulators + every service as its own JVM on a loopback cluster, 2 Kalshi feeds
                                     [--pairs FILE] [--port 8080] [--kalshi-instances 2] [--logs DIR]
                        """);
                System.exit("help".equals(command) ? 0 : 2);
            }
        }
    }
}

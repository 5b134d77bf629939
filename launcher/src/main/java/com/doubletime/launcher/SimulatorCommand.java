package com.doubletime.launcher;

import com.doubletime.simulator.SimulatorMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./double-time simulator}: the exchange simulators alone, until Ctrl-C. The options are checked here and
 * handed to the simulator's own {@code Main}, which also reads each from its {@code SIMULATOR_*} variable.
 */
final class SimulatorCommand {
    static final String COMMAND = "simulator";

    private SimulatorCommand() {}

    @Command(
            name = COMMAND,
            sortOptions = false,
            description = {
                "The local Kalshi and Polymarket simulators alone, speaking the venues' wire protocols (WebSocket and"
                        + " REST), until Ctrl-C. Each option can also be set by the variable named with it.",
                ""
            })
    static final class Options {
        @Option(names = "--host", paramLabel = "HOST", description = "address to bind (SIMULATOR_HOST; 127.0.0.1)")
        String host;

        @Option(
                names = "--kalshi-port",
                paramLabel = "N",
                description = "Kalshi port (SIMULATOR_KALSHI_PORT; 0: any, printed)")
        Integer kalshiPort;

        @Option(
                names = "--polymarket-port",
                paramLabel = "N",
                description = "Polymarket port (SIMULATOR_POLYMARKET_PORT; 0: any, printed)")
        Integer polymarketPort;

        @Option(
                names = "--pairs",
                paramLabel = "FILE",
                description = "markets from a pairs file (SIMULATOR_PAIRS; two built-in demo markets)")
        Path pairs;

        @Option(names = "--seed", paramLabel = "N", description = "random-walk seed (SIMULATOR_SEED; 42)")
        Long seed;

        @Option(
                names = "--step-millis",
                paramLabel = "N",
                description = "milliseconds between steps, 1 or more (SIMULATOR_STEP_MILLIS; 500)")
        Long stepMillis;

        @Option(
                names = "--window-every",
                paramLabel = "N",
                description = "a buy-both window every N steps, 1 or more (SIMULATOR_WINDOW_EVERY; 20)")
        Integer windowEvery;

        @Option(
                names = "--scenario",
                paramLabel = "FILE",
                description = "a scripted scenario instead of the random walk (SIMULATOR_SCENARIO)")
        Path scenario;

        @Option(
                names = "--kalshi-public-key",
                paramLabel = "FILE",
                description = "PEM RSA public key: Kalshi then requires signed requests (SIMULATOR_KALSHI_PUBLIC_KEY)")
        Path kalshiPublicKey;

        @Option(
                names = "--catalogue",
                paramLabel = "FILE|demo",
                description = "listed markets' titles and dates for pair discovery (SIMULATOR_CATALOGUE)")
        String catalogue;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help and exit")
        boolean help;

        List<String> toArgs() {
            if (stepMillis != null && stepMillis < 1) {
                throw new Cli.UsageException("--step-millis must be 1 or more, got " + stepMillis);
            }
            if (windowEvery != null && windowEvery < 1) {
                throw new Cli.UsageException("--window-every must be 1 or more, got " + windowEvery);
            }
            for (Integer port : new Integer[] {kalshiPort, polymarketPort}) {
                if (port != null && (port < 0 || port > RunOptions.MAX_PORT)) {
                    throw new Cli.UsageException("a port must be from 0 to " + RunOptions.MAX_PORT + ", got " + port);
                }
            }
            if (pairs != null) {
                PathChecks.readableFile("--pairs", pairs);
            }
            if (scenario != null) {
                PathChecks.readableFile("--scenario", scenario);
            }
            if (kalshiPublicKey != null) {
                PathChecks.readableFile("--kalshi-public-key", kalshiPublicKey);
            }
            List<String> args = new ArrayList<>();
            add(args, "--host", host);
            add(args, "--kalshi-port", kalshiPort);
            add(args, "--polymarket-port", polymarketPort);
            add(args, "--pairs", pairs);
            add(args, "--seed", seed);
            add(args, "--step-millis", stepMillis);
            add(args, "--window-every", windowEvery);
            add(args, "--scenario", scenario);
            add(args, "--kalshi-public-key", kalshiPublicKey);
            add(args, "--catalogue", catalogue);
            return args;
        }

        private static void add(List<String> args, String option, Object value) {
            if (value != null) {
                args.add(option);
                args.add(value.toString());
            }
        }
    }

    static void main(String[] args) throws Exception {
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, System.out, System.err);
        if (!parsed.run()) {
            System.exit(parsed.exitCode());
            return;
        }
        List<String> simulatorArgs;
        try {
            simulatorArgs = parsed.options().toArgs();
        } catch (Cli.UsageException e) {
            System.exit(Cli.usageError(COMMAND, e.getMessage(), System.err));
            return;
        }
        try {
            SimulatorMain.main(simulatorArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            // a bad value in a SIMULATOR_* variable, or a file that is not what its option says
            System.err.println(COMMAND + ": could not start: " + e.getMessage());
            System.exit(Cli.FAILED);
        }
    }
}

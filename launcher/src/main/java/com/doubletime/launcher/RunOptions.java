package com.doubletime.launcher;

import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@code ./double-time run}: one declaration gives the options, their defaults and help. */
@Command(
        name = "run",
        mixinStandardHelpOptions = false,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Everything in one JVM: the exchange simulators (or, with --real-venues, the real venues' books), both"
                    + " feeds, the monitor, the executor (paper trading) and the gateway, until Ctrl-C.",
            ""
        },
        footer = {
            "",
            "The API token: DOUBLE_TIME_API_TOKEN (16+ characters), or one generated for this run and printed once.",
            "--real-venues reads KALSHI_API_KEY_ID and KALSHI_PRIVATE_KEY_PEM_PATH (Kalshi needs a key even for"
                    + " market data); no order is ever sent. Check them first: ./double-time check-credentials"
        })
final class RunOptions {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final long DEFAULT_SEED = 42;
    static final long DEFAULT_STEP_MILLIS = 500;
    static final int DEFAULT_WINDOW_EVERY = 20;
    static final Path DEFAULT_JOURNAL = Path.of("data", "trades.jsonl");
    static final int MAX_PORT = 65_535;

    @Option(
            names = "--pairs",
            paramLabel = "FILE",
            description = "pairs file, JSON or YAML (docs/pairs-file.md); pairs changed over the API are saved into"
                    + " it. Default: data/pairs.json, made from config/pairs.example.json on the first run")
    Path pairs;

    @Option(names = "--host", paramLabel = "HOST", description = "address the gateway and simulators bind")
    String host = DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "N", description = "gateway port (0: any free port, printed at start)")
    int port = DEFAULT_PORT;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description = "a scripted simulator scenario instead of the random walk (exchange-simulator/README.md)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the simulators' random walk")
    long seed = DEFAULT_SEED;

    @Option(
            names = "--step-millis",
            paramLabel = "N",
            description = "milliseconds between random-walk steps (1 or more)")
    long stepMillis = DEFAULT_STEP_MILLIS;

    @Option(
            names = "--window-every",
            paramLabel = "N",
            description = "the random walk opens a buy-both window every N steps (1 or more)")
    int windowEvery = DEFAULT_WINDOW_EVERY;

    @Option(
            names = "--journal",
            paramLabel = "FILE",
            description =
                    "the trade journal, JSON Lines (--live-against-simulators: a fresh data/live-sim-<millis>.jsonl)")
    Path journal;

    @Option(
            names = "--record",
            paramLabel = "DIR",
            description = "record both feeds into DIR/kalshi.jsonl and DIR/polymarket.jsonl (replay --capture DIR)")
    Path record;

    @Option(
            names = "--paper-cash",
            paramLabel = "DOLLARS",
            description = "paper cash the executor starts with on each venue (default 10000; README \"Capital and"
                    + " settlement\")")
    String paperCash;

    @Option(
            names = EmbeddedMain.LIVE_AGAINST_SIMULATORS,
            description = "live executor through both real order gateways, against simulators checking signatures")
    boolean liveAgainstSimulators;

    @Option(
            names = "--real-venues",
            description =
                    "stream the real Kalshi and Polymarket books for the pairs file; paper trading, no order sent")
    boolean realVenues;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    /** @throws Cli.UsageException naming the option whose value cannot be used */
    StackConfig toStackConfig(long nowMillis) {
        if (port < 0 || port > MAX_PORT) {
            throw new Cli.UsageException("--port must be from 0 to " + MAX_PORT + ", got " + port);
        }
        if (stepMillis < 1) {
            throw new Cli.UsageException("--step-millis must be 1 or more, got " + stepMillis);
        }
        if (windowEvery < 1) {
            throw new Cli.UsageException("--window-every must be 1 or more, got " + windowEvery);
        }
        if (liveAgainstSimulators && realVenues) {
            throw new Cli.UsageException(EmbeddedMain.LIVE_AGAINST_SIMULATORS + " and --real-venues exclude each other:"
                    + " real venues are watched on paper only from this command");
        }
        if (realVenues && (scenario != null)) {
            throw new Cli.UsageException("--scenario scripts the simulators; --real-venues uses none");
        }
        Path pairsFile =
                pairs != null ? pairs : WorkingPairs.prepare(StackConfig.WORKING_PAIRS, StackConfig.DEFAULT_PAIRS);
        PathChecks.readableFile("--pairs", pairsFile);
        if (scenario != null) {
            PathChecks.readableFile("--scenario", scenario);
        }
        Path journalPath = journal != null
                ? journal
                // the simulators start empty every run, so a live journal from an earlier run could never reconcile
                : liveAgainstSimulators ? Path.of("data", "live-sim-" + nowMillis + ".jsonl") : DEFAULT_JOURNAL;
        PathChecks.appendableFile("--journal", journalPath);
        if (record != null) {
            PathChecks.writableDirectory("--record", record);
        }
        BigDecimal cash = null;
        if (paperCash != null) {
            try {
                cash = new BigDecimal(paperCash.trim());
            } catch (NumberFormatException e) {
                throw new Cli.UsageException("--paper-cash must be a number of dollars, got " + paperCash);
            }
            if (cash.signum() < 0) {
                throw new Cli.UsageException("--paper-cash must not be below 0, got " + paperCash);
            }
            if (liveAgainstSimulators) {
                throw new Cli.UsageException("--paper-cash sets the paper account; "
                        + EmbeddedMain.LIVE_AGAINST_SIMULATORS + " reads the venues' cash");
            }
        }
        return new StackConfig(
                pairsFile, host, port, scenario, seed, stepMillis, windowEvery, journalPath, record, cash);
    }
}

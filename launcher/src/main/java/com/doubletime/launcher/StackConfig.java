package com.doubletime.launcher;

import java.nio.file.Path;

/**
 * What {@code ./double-time run} starts: the pairs to watch, where the gateway listens, how the
 * simulators move their books, and where the journal and (optional) captures go. Defaults, then the
 * command line.
 *
 * @param scenarioFile a scripted simulator scenario, or null for the seeded random walk
 * @param recordDir    directory for kalshi.jsonl / polymarket.jsonl captures (contracts §2), or null
 */
public record StackConfig(
        Path pairsFile,
        String host,
        int gatewayPort,
        Path scenarioFile,
        long seed,
        long stepIntervalMillis,
        int windowEveryNSteps,
        Path journalPath,
        Path recordDir) {
    public static final Path DEFAULT_PAIRS = Path.of("config", "pairs.example.json");

    public static StackConfig defaults() {
        return new StackConfig(
                DEFAULT_PAIRS, "127.0.0.1", 8080, null, 42, 500, 20, Path.of("data", "trades.jsonl"), null);
    }

    /** Reads {@code --pairs --host --port --scenario --seed --step-millis --window-every --journal --record}. */
    public static StackConfig fromArgs(String[] args) {
        StackConfig d = defaults();
        Path pairs = d.pairsFile;
        String host = d.host;
        int port = d.gatewayPort;
        Path scenario = d.scenarioFile;
        long seed = d.seed;
        long stepMillis = d.stepIntervalMillis;
        int windowEvery = d.windowEveryNSteps;
        Path journal = d.journalPath;
        Path record = d.recordDir;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--pairs" -> pairs = Path.of(value);
                case "--host" -> host = value;
                case "--port" -> port = (int) number(name, value);
                case "--scenario" -> scenario = Path.of(value);
                case "--seed" -> seed = number(name, value);
                case "--step-millis" -> stepMillis = number(name, value);
                case "--window-every" -> windowEvery = (int) number(name, value);
                case "--journal" -> journal = Path.of(value);
                case "--record" -> record = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new StackConfig(pairs, host, port, scenario, seed, stepMillis, windowEvery, journal, record);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}

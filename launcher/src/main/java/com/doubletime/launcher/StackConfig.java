package com.doubletime.launcher;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * What {@code ./double-time run} starts: the pairs to watch, where the gateway listens, how the
 * simulators move their books, and where the journal and (optional) captures go. The command line is read by
 * {@link RunOptions}.
 *
 * @param scenarioFile a scripted simulator scenario, or null for the seeded random walk
 * @param recordDir    directory for kalshi.jsonl / polymarket.jsonl captures (contracts §2), or null
 * @param paperCash    paper dollars the executor starts with on each venue, or null for the default (10,000)
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
        Path recordDir,
        BigDecimal paperCash) {
    /** The example pairs the repository ships. */
    public static final Path DEFAULT_PAIRS = Path.of("config", "pairs.example.json");
    /**
     * The pairs a run uses when none is named: kept beside the journal, made from the example on the first run, and
     * where pairs changed over the API are saved, so the example stays as shipped.
     */
    public static final Path WORKING_PAIRS = Path.of("data", "pairs.json");

    /** With the default paper cash. */
    public StackConfig(
            Path pairsFile,
            String host,
            int gatewayPort,
            Path scenarioFile,
            long seed,
            long stepIntervalMillis,
            int windowEveryNSteps,
            Path journalPath,
            Path recordDir) {
        this(
                pairsFile,
                host,
                gatewayPort,
                scenarioFile,
                seed,
                stepIntervalMillis,
                windowEveryNSteps,
                journalPath,
                recordDir,
                null);
    }

    public static StackConfig defaults() {
        return new StackConfig(
                DEFAULT_PAIRS,
                RunOptions.DEFAULT_HOST,
                RunOptions.DEFAULT_PORT,
                null,
                RunOptions.DEFAULT_SEED,
                RunOptions.DEFAULT_STEP_MILLIS,
                RunOptions.DEFAULT_WINDOW_EVERY,
                RunOptions.DEFAULT_JOURNAL,
                null);
    }
}

package com.doubletime.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pairs file a run uses when none is named on the command line: {@code data/pairs.json}, beside the journal.
 * The first run copies the shipped example there; from then on it is the trader's own list, and pairs added or
 * removed over the API are saved into it — never into the example in the repository.
 */
final class WorkingPairs {
    private static final System.Logger LOG = System.getLogger(WorkingPairs.class.getName());

    private WorkingPairs() {}

    /** {@code working}, made from {@code example} first when it does not exist yet. */
    static Path prepare(Path working, Path example) {
        if (Files.exists(working)) {
            return working;
        }
        PathChecks.readableFile("--pairs (the example)", example);
        try {
            Path parent = working.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.copy(example, working);
        } catch (IOException e) {
            throw new Cli.UsageException("cannot make the pairs file " + working.toAbsolutePath() + " from " + example
                    + ": " + e.getMessage() + "; name one with --pairs FILE");
        }
        LOG.log(Level.INFO, "pairs file " + working + " made from " + example + " (this run's pairs from now on)");
        return working;
    }
}

package com.doubletime.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./double-time run}'s command line: what it refuses, in words that name the option, path or port. */
class RunOptionsTest {
    private static final String EXAMPLE_PAIRS = "../config/pairs.example.json";

    @TempDir
    Path dir;

    private String refusal(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--pairs";
        all[1] = EXAMPLE_PAIRS;
        all[2] = "--journal";
        all[3] = dir.resolve("trades.jsonl").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        Cli.Parsed<RunOptions> parsed = Cli.parse(new RunOptions(), all, System.out, System.err);
        assertTrue(parsed.run(), "parsed");
        return assertThrows(Cli.UsageException.class, () -> parsed.options().toStackConfig(1))
                .getMessage();
    }

    @Test
    void refusesAStepOrWindowIntervalBelowOneNamingTheOption() {
        assertEquals("--step-millis must be 1 or more, got 0", refusal("--step-millis", "0"));
        assertEquals("--step-millis must be 1 or more, got -5", refusal("--step-millis", "-5"));
        assertEquals("--window-every must be 1 or more, got 0", refusal("--window-every", "0"));
        assertEquals("--port must be from 0 to 65535, got 70000", refusal("--port", "70000"));
    }

    @Test
    void refusesAJournalThatIsADirectoryOrOnTheKernelsFileSystems() {
        assertTrue(refusal("--journal", dir.toString()).startsWith("--journal " + dir + " is a directory"));
        assertTrue(
                refusal("--journal", "/proc/version").contains("/proc/version is on the kernel's proc file system"),
                refusal("--journal", "/proc/version"));
        assertTrue(refusal("--journal", "/proc/x").contains("--journal /proc/x is on the kernel's proc"));
    }

    @Test
    void refusesAPairsPathThatIsADirectoryOrMissing() {
        assertTrue(refusal("--pairs", dir.toString()).startsWith("--pairs " + dir + " is a directory"));
        assertTrue(refusal("--pairs", dir.resolve("none.json").toString()).startsWith("--pairs: no file at "));
    }

    @Test
    void namesAnUnknownOptionAndAnswersHelpWithEveryOptionAndItsDefault() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli.Parsed<RunOptions> bogus = Cli.parse(
                new RunOptions(),
                new String[] {"--bogus"},
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, bogus.exitCode());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("run: unknown option '--bogus'"), err.toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.Parsed<RunOptions> help = Cli.parse(
                new RunOptions(),
                new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(Cli.OK, help.exitCode());
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {
            "--pairs", "--port", "--journal", "--step-millis", "--window-every", "--record", "--real-venues"
        }) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
        assertTrue(usage.contains("Default: 8080"), usage);
        assertTrue(usage.contains("Default: 500"), usage);
    }

    @Test
    void aPortInUseIsNamedWithItsNumber() {
        Exception bind = new RuntimeException("boom", new BindException("Address already in use"));
        String said = EmbeddedMain.startFailure(bind, new String[] {"--port", "8123"});
        assertTrue(said.contains("127.0.0.1:8123"), said);
        assertTrue(said.contains("--port"), said);
    }

    @Test
    void realVenuesWithoutAKalshiKeySaysUpFrontThatKalshiNeedsOneEvenForMarketData() {
        String said = assertThrows(Cli.UsageException.class, () -> RealVenues.fromEnvironment(Map.of()))
                .getMessage();
        assertTrue(said.contains("needs a Kalshi API key even to read market data"), said);
        assertTrue(said.contains("KALSHI_API_KEY_ID") && said.contains("KALSHI_PRIVATE_KEY_PEM_PATH"), said);
    }

    @Test
    void theWorkingPairsFileIsMadeFromTheExampleOnceAndThenKept() throws Exception {
        Path working = dir.resolve("data").resolve("pairs.json");
        assertEquals(working, WorkingPairs.prepare(working, Path.of(EXAMPLE_PAIRS)));
        assertEquals(Files.readString(Path.of(EXAMPLE_PAIRS)), Files.readString(working));
        Files.writeString(working, "{\"pairs\":[]}");
        WorkingPairs.prepare(working, Path.of(EXAMPLE_PAIRS));
        assertEquals("{\"pairs\":[]}", Files.readString(working), "an existing working file is never overwritten");
    }
}

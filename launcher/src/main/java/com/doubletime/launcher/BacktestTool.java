package com.doubletime.launcher;

import com.doubletime.backtest.Backtest;
import com.doubletime.backtest.BacktestResult;
import com.doubletime.backtest.BacktestSettings;
import com.doubletime.backtest.ProgressLine;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.feed.capture.MergedCapture;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./double-time backtest} ({@code docs/backtest.md}, contracts §8): what a capture would have earned, at which
 * latency. The capture goes through the live parsers, books and detector, and every window through the executor's own
 * decision and leg-risk policy, its orders reaching the replayed books a given number of milliseconds later.
 *
 * <pre>
 * ./double-time backtest --pairs PAIRS --capture FILE|DIR [--latency-ms 0,25,100,250] [--summary FILE]
 *     [--report FILE] [--executor-config FILE] [--kalshi-cash DOLLARS] [--polymarket-cash DOLLARS]
 * </pre>
 *
 * Exits 0 when frames were read, 1 when none could be, 2 for a bad command line, pairs file or executor config.
 */
public final class BacktestTool {
    static final String COMMAND = "backtest";
    /** Set by ./double-time when its stderr is a terminal: the progress line is drawn only there. */
    static final String STDERR_TTY_ENV = "DT_STDERR_TTY";
    /** A latency past a minute measures no trading system. */
    static final long MAX_LATENCY_MILLIS = 60_000;

    private static final int CHUNK_BYTES = 1 << 17;
    /** Every trade's log line would drown the progress and the results: the executor logs errors only here. */
    private static final String EXECUTOR_LOG_LEVEL = "org.slf4j.simpleLogger.log.com.doubletime.executor";

    private BacktestTool() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs it as {@code ./double-time backtest} does; returns the exit code. */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr, Map<String, String> env)
            throws Exception {
        System.setProperty(EXECUTOR_LOG_LEVEL, "error");
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, stdout, stderr);
        if (!parsed.run()) {
            return parsed.exitCode();
        }
        Options options = parsed.options();
        BacktestSettings settings;
        MergedCapture capture;
        try {
            settings = new BacktestSettings(
                    pairs(options.input.pairs),
                    executor(options.executorConfig),
                    latencies(options.latencies),
                    options.input.kalshiUseYesPrice,
                    dollars("--kalshi-cash", options.kalshiCash),
                    dollars("--polymarket-cash", options.polymarketCash));
            capture = MergedCapture.of(options.input.capture, CHUNK_BYTES);
            writable("--summary", options.summary);
            writable("--report", options.report);
            writable("--trades", options.trades);
        } catch (Cli.UsageException | IllegalArgumentException e) {
            return Cli.usageError(COMMAND, e.getMessage(), stderr);
        }
        boolean terminal = "1".equals(env.get(STDERR_TTY_ENV));
        BacktestResult result;
        try (Writer trades = options.trades == null
                ? Writer.nullWriter()
                : Files.newBufferedWriter(options.trades, StandardCharsets.UTF_8)) {
            result = Backtest.run(
                    settings, capture, new ProgressLine(stderr, System::nanoTime, terminal), (latency, report) -> {
                        try {
                            trades.write(tradeLine(latency, report));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        for (String warning : result.warnings()) {
            stderr.println(COMMAND + ": warning: " + warning);
        }
        String summary = result.summaryJson();
        if (options.summary != null) {
            Files.writeString(options.summary, summary + "\n", StandardCharsets.UTF_8);
        } else {
            stdout.println(summary);
            stdout.flush();
        }
        if (options.report != null) {
            Files.writeString(options.report, result.reportHtml(), StandardCharsets.UTF_8);
        }
        for (String line : result.runLines()) {
            stderr.println(COMMAND + ": " + line);
        }
        if (options.summary != null) {
            stderr.println(COMMAND + ": summary written to " + options.summary);
        }
        if (options.trades != null) {
            stderr.println(COMMAND + ": trades written to " + options.trades);
        }
        if (options.report != null) {
            stderr.println(COMMAND + ": report written to " + options.report + " (open it in a browser; it needs no"
                    + " network)");
        }
        if (result.readFrames() == 0) {
            stderr.println(COMMAND + ": no frame could be read from " + options.input.capture + " (" + result.frames()
                    + " lines, " + result.malformed() + " malformed): is it a capture (docs/capture.md)?");
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    /** A trade as the journal writes it, with the run's latency first: {@code {"latencyMs":25,"type":"trade",…}}. */
    static String tradeLine(long latencyMillis, TradeReport report) {
        return "{\"latencyMs\":" + latencyMillis + ","
                + TradeJournalJson.write(report).substring(1) + "\n";
    }

    private static List<MarketPair> pairs(Path file) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return PairsLoader.load(vertx, file).await();
        } catch (PairsFileException e) {
            throw new Cli.UsageException(e.getMessage());
        } finally {
            vertx.close().await();
        }
    }

    /** The executor's settings (the object the executor service reads, or a file holding it under "executor"). */
    static ExecutorConfig executor(Path file) {
        if (file == null) {
            return ExecutorConfig.DEFAULT;
        }
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Cli.UsageException("--executor-config " + file + " cannot be read: " + e.getMessage());
        } catch (DecodeException e) {
            throw new Cli.UsageException("--executor-config " + file + " is not a JSON object: " + e.getMessage());
        }
        JsonObject executor = json.getValue("executor") instanceof JsonObject nested ? nested : json;
        try {
            return ExecutorConfig.fromJson(executor);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--executor-config " + file + ": " + e.getMessage());
        }
    }

    static List<Long> latencies(List<Long> given) {
        Set<Long> seen = new HashSet<>();
        for (long latency : given) {
            if (latency < 0 || latency > MAX_LATENCY_MILLIS) {
                throw new Cli.UsageException(
                        "--latency-ms takes milliseconds from 0 to " + MAX_LATENCY_MILLIS + ", got " + latency);
            }
            if (!seen.add(latency)) {
                throw new Cli.UsageException("--latency-ms lists " + latency + " twice");
            }
        }
        return List.copyOf(given);
    }

    /** Dollars given to {@code option}, or null when it was not given. */
    private static BigDecimal dollars(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal dollars = new BigDecimal(value.trim());
            if (dollars.signum() < 0) {
                throw new Cli.UsageException(option + " cannot be negative, got " + value);
            }
            return dollars;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(
                    option + " takes dollars as a decimal number, like 10000 or 2500.50, got " + value);
        }
    }

    private static void writable(String option, Path file) {
        if (file != null
                && file.toAbsolutePath().getParent() != null
                && !Files.isDirectory(file.toAbsolutePath().getParent())) {
            throw new Cli.UsageException(option + " " + file + ": no such directory "
                    + file.toAbsolutePath().getParent());
        }
    }

    /** The command line of {@code ./double-time backtest}. */
    @Command(
            name = COMMAND,
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "What a capture would have earned, at which latency: the live parsers, books and detector, and each"
                        + " window through the executor's own decision (risk limits, controls, minimum order size, capital),"
                        + " last look and leg-risk policy; both orders reach the replayed books the given milliseconds"
                        + " (capture clock) after the frame that opened or changed the window and fill"
                        + " immediate-or-cancel there; liquidity taken stays taken until the venue updates that level."
                        + " Writes the summary (contracts §8) to stdout or --summary, a self-contained HTML report with"
                        + " --report, one line per latency to stderr. docs/backtest.md.",
                ""
            })
    static final class Options {
        private static final String CASH =
                ". Default: the executor config's capital.paperCash, else " + CapitalSettings.DEFAULT_PAPER_CASH_TEXT;

        @Mixin
        CaptureInput input = new CaptureInput();

        @Option(
                names = "--latency-ms",
                split = ",",
                paramLabel = "MS[,MS…]",
                description = "one run per latency, in this order: milliseconds from the window's frame to the orders"
                        + " reaching the venues")
        List<Long> latencies = BacktestSettings.DEFAULT_LATENCIES_MILLIS;

        @Option(names = "--summary", paramLabel = "FILE", description = "the summary here instead of stdout")
        Path summary;

        @Option(names = "--report", paramLabel = "FILE", description = "write the HTML report here")
        Path report;

        @Option(
                names = "--trades",
                paramLabel = "FILE",
                description = "every trade of every run here, one JSON line each: the journal's trade line with the"
                        + " run's latencyMs first")
        Path trades;

        @Option(
                names = "--executor-config",
                paramLabel = "FILE",
                description = "the executor's settings as a deployment has them (JSON: riskLimits, pairRiskLimits,"
                        + " maxBookAgeMillis, maxDecisionAgeMillis, live.legRisk, capital; alone or under"
                        + " \"executor\"). Default: the executor's defaults, as ./double-time run trades")
        Path executorConfig;

        @Option(names = "--kalshi-cash", paramLabel = "DOLLARS", description = "starting paper cash on Kalshi" + CASH)
        String kalshiCash;

        @Option(
                names = "--polymarket-cash",
                paramLabel = "DOLLARS",
                description = "starting paper cash on Polymarket" + CASH)
        String polymarketCash;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help and exit")
        boolean help;
    }
}

package com.doubletime.executor;

import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.InvalidFieldException;
import com.doubletime.domain.trade.RiskLimits;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.executor.journal.JournalSync;
import com.doubletime.executor.journal.PostgresJournalConfig;
import com.doubletime.executor.live.LiveExecution;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trade executor's settings, read once at start-up.
 *
 * @param mode {@code paper} simulates fills against the books; {@code live} sends orders (and is refused at start-up
 *     without an order gateway per venue)
 * @param maxNotionalPerTrade the most one trade may spend, both legs' cost and fees, in dollars
 * @param journalPath the JSON Lines trade journal
 * @param maxBookAge a book not updated for longer than this is not traded on
 * @param recentTrades how many trades are kept in memory for queries (and re-read from the journal on start)
 * @param live how live orders are sent and leg risk handled (used in live mode only)
 * @param reconcileIntervalMillis how often live positions are compared with the venues' (0 = never)
 * @param postgres the PostgreSQL journal, or null for the JSON Lines file at {@code journalPath}
 * @param limits the global risk limits at start ({@code maxNotionalPerTrade} above wins over theirs)
 * @param pairRiskLimits per-pair overrides: pair id to the limits that differ for that pair (wire names of
 *                       {@link RiskLimits#FIELDS}). {@code maxNotionalPerTrade} and {@code maxPositionPerPair}
 *                       replace the global value for that pair; the aggregate ones ({@code maxTotalExposure},
 *                       {@code maxUnhedgedExposure}, {@code dailyLossLimit}, {@code maxTradesPerMinute}) bound
 *                       that pair's share, and the global aggregate limits still apply
 * @param journalSync when the file journal counts an entry as recorded: {@code fdatasync} (default, durable
 *                    against power loss) or the explicit opt-in {@code write-only} ({@link JournalSync})
 * @param capital paper starting cash, live cash reads, free-cash floors, the ranking window ({@link CapitalSettings})
 * @param failClosed the decision age bound and what a journal outage does ({@link FailClosedSettings})
 */
public record ExecutorConfig(
        ExecutionMode mode,
        BigDecimal maxNotionalPerTrade,
        Path journalPath,
        Duration maxBookAge,
        int recentTrades,
        LiveExecution.Settings live,
        long reconcileIntervalMillis,
        PostgresJournalConfig postgres,
        RiskLimits limits,
        Map<String, Map<String, Object>> pairRiskLimits,
        JournalSync journalSync,
        CapitalSettings capital,
        FailClosedSettings failClosed) {
    public static final BigDecimal DEFAULT_MAX_NOTIONAL = new BigDecimal("1000");
    public static final Path DEFAULT_JOURNAL = Path.of("data", "trades.jsonl");
    public static final Duration DEFAULT_MAX_BOOK_AGE = Duration.ofSeconds(60);
    public static final int DEFAULT_RECENT_TRADES = 500;
    /** Live positions are compared with the venues' once a minute unless configured. */
    public static final long DEFAULT_RECONCILE_INTERVAL_MILLIS = 60_000;

    public static final ExecutorConfig DEFAULT =
            new ExecutorConfig(ExecutionMode.PAPER, DEFAULT_MAX_NOTIONAL, DEFAULT_JOURNAL);

    public ExecutorConfig {
        require(mode != null, "mode", "is required");
        require(
                maxNotionalPerTrade != null && maxNotionalPerTrade.signum() > 0,
                "maxNotionalPerTrade",
                "must be a positive number of dollars");
        require(journalPath != null, "journalPath", "is required");
        require(
                maxBookAge != null && !maxBookAge.isNegative() && !maxBookAge.isZero(),
                "maxBookAgeMillis",
                "must be positive");
        require(recentTrades > 0, "recentTrades", "must be positive");
        require(live != null, "live", "is required");
        require(reconcileIntervalMillis >= 0, "reconcileIntervalMillis", "must be 0 (never) or positive");
        require(limits != null, "riskLimits", "is required");
        require(pairRiskLimits != null, "pairRiskLimits", "is required");
        require(journalSync != null, "journalSync", "is required");
        require(capital != null, "capital", "is required");
        require(failClosed != null, "failClosed", "is required");
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> pair : pairRiskLimits.entrySet()) {
            try {
                RiskLimits.DEFAULT.merge(pair.getValue()); // validates names and values
            } catch (InvalidFieldException e) {
                throw invalid("pairRiskLimits." + pair.getKey(), e.getMessage());
            }
            copy.put(pair.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(pair.getValue())));
        }
        pairRiskLimits = Collections.unmodifiableMap(copy);
    }

    public ExecutorConfig(
            ExecutionMode mode,
            BigDecimal maxNotionalPerTrade,
            Path journalPath,
            Duration maxBookAge,
            int recentTrades,
            LiveExecution.Settings live,
            long reconcileIntervalMillis,
            PostgresJournalConfig postgres,
            RiskLimits limits,
            Map<String, Map<String, Object>> pairRiskLimits,
            JournalSync journalSync) {
        this(
                mode,
                maxNotionalPerTrade,
                journalPath,
                maxBookAge,
                recentTrades,
                live,
                reconcileIntervalMillis,
                postgres,
                limits,
                pairRiskLimits,
                journalSync,
                CapitalSettings.DEFAULT,
                FailClosedSettings.DEFAULT);
    }

    public ExecutorConfig(
            ExecutionMode mode,
            BigDecimal maxNotionalPerTrade,
            Path journalPath,
            Duration maxBookAge,
            int recentTrades,
            LiveExecution.Settings live,
            long reconcileIntervalMillis,
            PostgresJournalConfig postgres,
            RiskLimits limits,
            Map<String, Map<String, Object>> pairRiskLimits) {
        this(
                mode,
                maxNotionalPerTrade,
                journalPath,
                maxBookAge,
                recentTrades,
                live,
                reconcileIntervalMillis,
                postgres,
                limits,
                pairRiskLimits,
                JournalSync.FDATASYNC);
    }

    public ExecutorConfig(
            ExecutionMode mode,
            BigDecimal maxNotionalPerTrade,
            Path journalPath,
            Duration maxBookAge,
            int recentTrades,
            LiveExecution.Settings live,
            long reconcileIntervalMillis,
            PostgresJournalConfig postgres) {
        this(
                mode,
                maxNotionalPerTrade,
                journalPath,
                maxBookAge,
                recentTrades,
                live,
                reconcileIntervalMillis,
                postgres,
                RiskLimits.DEFAULT,
                Map.of());
    }

    /** This config with other global limits at start and per-pair overrides. */
    public ExecutorConfig withRiskLimits(RiskLimits global, Map<String, Map<String, Object>> perPair) {
        return with(global.maxNotionalPerTrade(), global, perPair, capital, failClosed);
    }

    /** This config with other capital settings. */
    public ExecutorConfig withCapital(CapitalSettings settings) {
        return with(maxNotionalPerTrade, limits, pairRiskLimits, settings, failClosed);
    }

    public ExecutorConfig(
            ExecutionMode mode,
            BigDecimal maxNotionalPerTrade,
            Path journalPath,
            Duration maxBookAge,
            int recentTrades) {
        this(
                mode,
                maxNotionalPerTrade,
                journalPath,
                maxBookAge,
                recentTrades,
                LiveExecution.Settings.DEFAULT,
                DEFAULT_RECONCILE_INTERVAL_MILLIS,
                null);
    }

    public ExecutorConfig(ExecutionMode mode, BigDecimal maxNotionalPerTrade, Path journalPath) {
        this(mode, maxNotionalPerTrade, journalPath, DEFAULT_MAX_BOOK_AGE, DEFAULT_RECENT_TRADES);
    }

    /**
     * Reads {@code {"mode":"paper","maxNotionalPerTrade":"1000","journalPath":"data/trades.jsonl",
     * "maxBookAgeMillis":60000,"recentTrades":500,"journalSync":"fdatasync","capital":{..}}}; every key is optional
     * and defaults as above ({@code capital}: {@link CapitalSettings}).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static ExecutorConfig fromJson(JsonObject json) {
        JsonObject in = json == null ? new JsonObject() : json;
        ExecutionMode mode;
        try {
            mode = ExecutionMode.fromWireName(in.getString("mode", "paper"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw invalid("mode", "must be paper or live, got " + in.getValue("mode"));
        }
        RiskLimits limits;
        Map<String, Map<String, Object>> pairLimits = new LinkedHashMap<>();
        try {
            JsonObject global = in.getJsonObject("riskLimits");
            limits = global == null ? RiskLimits.DEFAULT : RiskLimits.DEFAULT.merge(global.getMap());
            JsonObject perPair = in.getJsonObject("pairRiskLimits", new JsonObject());
            for (String pairId : perPair.fieldNames()) {
                pairLimits.put(pairId, perPair.getJsonObject(pairId).getMap());
            }
        } catch (InvalidFieldException e) {
            throw invalid("riskLimits", e.getMessage());
        } catch (ClassCastException e) {
            throw invalid("riskLimits", "and pairRiskLimits.<pairId> must be objects of risk limits");
        }
        BigDecimal maxNotional;
        try {
            Object raw = in.getValue(
                    "maxNotionalPerTrade", limits.maxNotionalPerTrade().toPlainString());
            maxNotional = new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(
                    "maxNotionalPerTrade",
                    "must be a decimal number of dollars, got " + in.getValue("maxNotionalPerTrade"));
        }
        try {
            String journal = in.getString("journal", "file");
            if (!journal.equals("file") && !journal.equals("postgres")) {
                throw invalid("journal", "must be file or postgres, got " + journal);
            }
            return new ExecutorConfig(
                    mode,
                    maxNotional,
                    Path.of(in.getString("journalPath", DEFAULT_JOURNAL.toString())),
                    Duration.ofMillis(in.getLong("maxBookAgeMillis", DEFAULT_MAX_BOOK_AGE.toMillis())),
                    in.getInteger("recentTrades", DEFAULT_RECENT_TRADES),
                    LiveExecution.Settings.fromJson(in.getJsonObject("live")),
                    in.getLong("reconcileIntervalMillis", DEFAULT_RECONCILE_INTERVAL_MILLIS),
                    journal.equals("postgres")
                            ? PostgresJournalConfig.fromJson(in.getJsonObject("postgres"), System.getenv())
                            : null,
                    limits,
                    pairLimits,
                    JournalSync.fromWireName(in.getString("journalSync", JournalSync.FDATASYNC.wireName())),
                    CapitalSettings.fromJson(in.getJsonObject("capital")),
                    FailClosedSettings.fromJson(in));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("executor config: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    /** This config with other fail-closed settings (decision age, journal outages). */
    public ExecutorConfig withFailClosed(FailClosedSettings settings) {
        return with(maxNotionalPerTrade, limits, pairRiskLimits, capital, settings);
    }

    /** This config with the parts the {@code with…} methods change; everything else as it is. */
    private ExecutorConfig with(
            BigDecimal maxNotional,
            RiskLimits global,
            Map<String, Map<String, Object>> perPair,
            CapitalSettings capitalSettings,
            FailClosedSettings failClosedSettings) {
        return new ExecutorConfig(
                mode,
                maxNotional,
                journalPath,
                maxBookAge,
                recentTrades,
                live,
                reconcileIntervalMillis,
                postgres,
                global,
                perPair,
                journalSync,
                capitalSettings,
                failClosedSettings);
    }

    /** The limits the executor starts with: {@link #limits}, with this config's max notional per trade. */
    public RiskLimits riskLimits() {
        return limits.withMaxNotionalPerTrade(maxNotionalPerTrade);
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw invalid(field, problem);
        }
    }

    private static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException("executor." + field + " " + problem);
    }
}

package com.doubletime.executor.capital;

import com.doubletime.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the executor keeps its cash (issue 12), from the executor config's {@code capital} object:
 *
 * <pre>
 * "capital": {
 *   "paperCash": {"kalshi": "10000", "polymarket": "10000"},   // or "kalshi": {"0": "8000", "2": "2000"} per shard
 *   "refreshIntervalMillis": 30000,                            // live: read both venues' cash this often
 *   "freeCashFloor": {"kalshi": "100", "polymarket": "100"},   // alert when a venue's free cash falls below
 *   "rankingWindowMillis": 20                                  // how long decisions short of cash wait to be ranked
 * }
 * </pre>
 *
 * Every key is optional. Paper mode starts with {@value #DEFAULT_PAPER_CASH_TEXT} dollars per venue (all of Kalshi's
 * on shard 0, the default shard), the exchange simulators' default, drawn down by trades and paid back at
 * settlement. Live mode reads the venues. No floor is set unless configured.
 *
 * @param paperKalshiCash paper Kalshi cash per shard ({@code exchange_index})
 * @param freeCashFloor per venue; a venue without one raises no alert
 * @param rankingWindowMillis 0 decides every opportunity at once, first come first served
 */
public record CapitalSettings(
        Map<Integer, BigDecimal> paperKalshiCash,
        BigDecimal paperPolymarketCash,
        long refreshIntervalMillis,
        Map<Platform, BigDecimal> freeCashFloor,
        long rankingWindowMillis) {
    public static final String DEFAULT_PAPER_CASH_TEXT = "10000";
    public static final BigDecimal DEFAULT_PAPER_CASH = new BigDecimal(DEFAULT_PAPER_CASH_TEXT);
    public static final long DEFAULT_REFRESH_INTERVAL_MILLIS = 30_000;
    /**
     * Long enough for the opportunities of one burst of book updates to meet (the monitor publishes them within
     * microseconds of each other), short against how long a window stays open (tens of milliseconds and more).
     */
    public static final long DEFAULT_RANKING_WINDOW_MILLIS = 20;

    public static final CapitalSettings DEFAULT = new CapitalSettings(
            Map.of(0, DEFAULT_PAPER_CASH),
            DEFAULT_PAPER_CASH,
            DEFAULT_REFRESH_INTERVAL_MILLIS,
            Map.of(),
            DEFAULT_RANKING_WINDOW_MILLIS);

    public CapitalSettings {
        if (paperKalshiCash == null || paperPolymarketCash == null || freeCashFloor == null) {
            throw invalid("paperCash", "and freeCashFloor are required");
        }
        paperKalshiCash.forEach((shard, cash) -> {
            if (shard < 0 || cash == null || cash.signum() < 0) {
                throw invalid("paperCash.kalshi", "needs shards from 0 and cash not below 0");
            }
        });
        if (paperPolymarketCash.signum() < 0) {
            throw invalid("paperCash.polymarket", "must not be below 0");
        }
        if (refreshIntervalMillis <= 0) {
            throw invalid("refreshIntervalMillis", "must be positive");
        }
        if (rankingWindowMillis < 0) {
            throw invalid("rankingWindowMillis", "must be 0 (off) or positive");
        }
        paperKalshiCash = Collections.unmodifiableMap(new TreeMap<>(paperKalshiCash));
        freeCashFloor = freeCashFloor.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(freeCashFloor));
    }

    /** Reads the {@code capital} object above; absent keys keep their defaults. */
    public static CapitalSettings fromJson(JsonObject json) {
        if (json == null) {
            return DEFAULT;
        }
        try {
            Map<Integer, BigDecimal> kalshi = DEFAULT.paperKalshiCash;
            BigDecimal polymarket = DEFAULT.paperPolymarketCash;
            JsonObject paper = json.getJsonObject("paperCash");
            if (paper != null) {
                Object k = paper.getValue("kalshi");
                if (k instanceof JsonObject shards) {
                    kalshi = new TreeMap<>();
                    for (String shard : shards.fieldNames()) {
                        kalshi.put(shardIndex(shard), dollars("paperCash.kalshi." + shard, shards.getValue(shard)));
                    }
                } else if (k != null) {
                    kalshi = Map.of(0, dollars("paperCash.kalshi", k));
                }
                if (paper.getValue("polymarket") != null) {
                    polymarket = dollars("paperCash.polymarket", paper.getValue("polymarket"));
                }
            }
            Map<Platform, BigDecimal> floors = new EnumMap<>(Platform.class);
            JsonObject floor = json.getJsonObject("freeCashFloor", new JsonObject());
            for (String venue : floor.fieldNames()) {
                Platform platform;
                try {
                    platform = Platform.valueOf(venue.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw invalid("freeCashFloor." + venue, "is not a venue (kalshi, polymarket)");
                }
                floors.put(platform, dollars("freeCashFloor." + venue, floor.getValue(venue)));
            }
            return new CapitalSettings(
                    kalshi,
                    polymarket,
                    json.getLong("refreshIntervalMillis", DEFAULT.refreshIntervalMillis),
                    floors,
                    json.getLong("rankingWindowMillis", DEFAULT.rankingWindowMillis));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("executor.capital: a field has the wrong type: " + e.getMessage(), e);
        }
    }

    /** These settings with {@code dollars} of paper cash on each venue (Kalshi's on shard 0). */
    public CapitalSettings withPaperCash(BigDecimal dollars) {
        return new CapitalSettings(
                Map.of(0, dollars), dollars, refreshIntervalMillis, freeCashFloor, rankingWindowMillis);
    }

    /** Paper cash of a venue in total. */
    public BigDecimal paperCash(Platform platform) {
        return platform == Platform.POLYMARKET
                ? paperPolymarketCash
                : paperKalshiCash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int shardIndex(String text) {
        try {
            int index = Integer.parseInt(text);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw invalid("paperCash.kalshi." + text, "is not a shard (exchange_index 0, 1, 2, …)");
    }

    /** A decimal string of dollars, not below 0. */
    private static BigDecimal dollars(String field, Object value) {
        if (!(value instanceof String text)) {
            throw invalid(field, "must be a decimal string of dollars, like \"10000\"");
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim());
            if (amount.signum() < 0) {
                throw invalid(field, "must not be below 0");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a decimal string of dollars, got '" + text + "'");
        }
    }

    private static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException("executor.capital." + field + " " + problem);
    }
}

package com.doubletime.domain.trade;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits every trade is checked against before any order goes out. Money is exact decimal dollars,
 * sizes are whole contracts. The executor owns the current limits; the gateway reads and changes them
 * over the bus.
 *
 * @param maxNotionalPerTrade the most one trade may spend, both legs' cost and fees, at the limit prices
 * @param maxPositionPerPair the most contracts held on either venue for one pair, over all its trades
 * @param maxTotalExposure the most money outlaid on open positions across all pairs
 * @param maxUnhedgedExposure the most money in contracts held on one venue only; above it nothing new trades
 * @param dailyLossLimit realised loss (UTC day) at which trading stops until the next day
 * @param maxTradesPerMinute accepted trades in any 60 seconds
 */
public record RiskLimits(
        BigDecimal maxNotionalPerTrade,
        long maxPositionPerPair,
        BigDecimal maxTotalExposure,
        BigDecimal maxUnhedgedExposure,
        BigDecimal dailyLossLimit,
        int maxTradesPerMinute) {
    /** The wire names, in the order the API shows them. */
    public static final List<String> FIELDS = List.of(
            "maxNotionalPerTrade",
            "maxPositionPerPair",
            "maxTotalExposure",
            "maxUnhedgedExposure",
            "dailyLossLimit",
            "maxTradesPerMinute");

    /** Paper defaults: room for a long demo run; a live deployment sets its own (config or PATCH /api/risk-limits). */
    public static final RiskLimits DEFAULT = new RiskLimits(
            new BigDecimal("1000"),
            50_000,
            new BigDecimal("250000"),
            new BigDecimal("1000"),
            new BigDecimal("500"),
            60);

    public RiskLimits {
        positive(maxNotionalPerTrade, "maxNotionalPerTrade");
        if (maxPositionPerPair <= 0) {
            throw new InvalidFieldException("maxPositionPerPair", "must be a positive whole number of contracts");
        }
        positive(maxTotalExposure, "maxTotalExposure");
        positive(maxUnhedgedExposure, "maxUnhedgedExposure");
        positive(dailyLossLimit, "dailyLossLimit");
        if (maxTradesPerMinute <= 0) {
            throw new InvalidFieldException("maxTradesPerMinute", "must be a positive whole number");
        }
    }

    public RiskLimits withMaxNotionalPerTrade(BigDecimal value) {
        return new RiskLimits(
                value, maxPositionPerPair, maxTotalExposure, maxUnhedgedExposure, dailyLossLimit, maxTradesPerMinute);
    }

    /**
     * These limits with the fields present in {@code changes} replaced. Strict: an unknown field, a
     * dollar amount that is not a decimal string, or a count that is not a whole number is rejected naming
     * the field. Dollar amounts must be strings ({@code "250.00"}) so no binary float ever carries money.
     *
     * @throws InvalidFieldException naming the first field that is wrong
     */
    public RiskLimits merge(Map<String, ?> changes) {
        for (String key : changes.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidFieldException(key, "is not a risk limit (known: " + String.join(", ", FIELDS) + ")");
            }
        }
        return new RiskLimits(
                money(changes, "maxNotionalPerTrade", maxNotionalPerTrade),
                count(changes, "maxPositionPerPair", maxPositionPerPair),
                money(changes, "maxTotalExposure", maxTotalExposure),
                money(changes, "maxUnhedgedExposure", maxUnhedgedExposure),
                money(changes, "dailyLossLimit", dailyLossLimit),
                (int) Math.min(Integer.MAX_VALUE, count(changes, "maxTradesPerMinute", maxTradesPerMinute)));
    }

    /** Wire form: dollars as canonical decimal strings, counts as JSON numbers. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxNotionalPerTrade", maxNotionalPerTrade.toPlainString());
        out.put("maxPositionPerPair", maxPositionPerPair);
        out.put("maxTotalExposure", maxTotalExposure.toPlainString());
        out.put("maxUnhedgedExposure", maxUnhedgedExposure.toPlainString());
        out.put("dailyLossLimit", dailyLossLimit.toPlainString());
        out.put("maxTradesPerMinute", maxTradesPerMinute);
        return out;
    }

    /** Reads the {@link #toMap} form back; every field is required. */
    public static RiskLimits fromMap(Map<String, ?> map) {
        for (String field : FIELDS) {
            if (map.get(field) == null) {
                throw new InvalidFieldException(field, "is required");
            }
        }
        return DEFAULT.merge(map);
    }

    private static BigDecimal money(Map<String, ?> changes, String field, BigDecimal current) {
        Object value = changes.get(field);
        if (value == null) {
            if (changes.containsKey(field)) {
                throw new InvalidFieldException(field, "must not be null");
            }
            return current;
        }
        if (!(value instanceof String text)) {
            throw new InvalidFieldException(field, "must be a decimal string of dollars, like \"250.00\"");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "is not a decimal: '" + text + "'");
        }
    }

    private static long count(Map<String, ?> changes, String field, long current) {
        Object value = changes.get(field);
        if (value == null) {
            if (changes.containsKey(field)) {
                throw new InvalidFieldException(field, "must not be null");
            }
            return current;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        throw new InvalidFieldException(field, "must be a whole number");
    }

    private static void positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidFieldException(field, "must be a positive number of dollars");
        }
    }
}

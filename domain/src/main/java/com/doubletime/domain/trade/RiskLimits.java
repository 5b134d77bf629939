package com.doubletime.domain.trade;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The limits every trade is checked against before any order goes out. Money is exact decimal dollars,
 * sizes are whole contracts. The executor owns the current limits; the gateway reads and changes them
 * over the bus.
 *
 * <p>Bounds, checked wherever limits come from (config, {@code PATCH /api/risk-limits}, the journal):
 * dollar amounts are canonical ASCII decimal strings ({@code "250"}, {@code "250.50"}: digits, at most one
 * point, at most six decimals — no sign, exponent, spaces or other scripts' digits) above 0 and at most
 * {@value #MAX_DOLLARS_TEXT}; {@code maxPositionPerPair} is a whole number from 1 to
 * {@value #MAX_POSITION_PER_PAIR} contracts; {@code maxTradesPerMinute} from 1 to {@value #MAX_TRADES_PER_MINUTE};
 * {@code minAnnualizedReturn} is a canonical decimal string like the dollar amounts but a ratio a year
 * ({@code "0.25"} = 25 % a year on the capital a trade ties up until resolution, contracts §7), from {@code "0"}
 * (no minimum, the default) to {@value #MAX_ANNUALIZED_RETURN_TEXT}. A value outside is refused naming the field,
 * never clamped. {@code minAnnualizedReturn} may be absent where limits are read back ({@link #fromMap}: journals
 * written before it existed); it is then 0.
 *
 * @param maxNotionalPerTrade the most one trade may spend, both legs' cost and fees, at the limit prices
 * @param maxPositionPerPair the most contracts held on either venue for one pair, over all its trades
 * @param maxTotalExposure the most money outlaid on open positions across all pairs
 * @param maxUnhedgedExposure the most money in contracts held on one venue only; above it nothing new trades
 * @param dailyLossLimit realised loss (UTC day) at which trading stops until the next day
 * @param maxTradesPerMinute accepted trades in any 60 seconds
 * @param minAnnualizedReturn the least annualised return an opportunity must offer to be traded; above 0, an
 *     opportunity whose return is unknown (a market's resolution time not known) is not traded either
 */
public record RiskLimits(
        BigDecimal maxNotionalPerTrade,
        long maxPositionPerPair,
        BigDecimal maxTotalExposure,
        BigDecimal maxUnhedgedExposure,
        BigDecimal dailyLossLimit,
        int maxTradesPerMinute,
        BigDecimal minAnnualizedReturn) {
    public static final String MIN_ANNUALIZED_RETURN = "minAnnualizedReturn";

    /** The wire names, in the order the API shows them. */
    public static final List<String> FIELDS = List.of(
            "maxNotionalPerTrade",
            "maxPositionPerPair",
            "maxTotalExposure",
            "maxUnhedgedExposure",
            "dailyLossLimit",
            "maxTradesPerMinute",
            MIN_ANNUALIZED_RETURN);

    /**
     * 1000 a year (100,000 %): a one-day window at a 3 % edge annualises to about 11, so anything above this is a
     * typo for a percentage.
     */
    public static final String MAX_ANNUALIZED_RETURN_TEXT = "1000";

    public static final BigDecimal MAX_ANNUALIZED_RETURN = new BigDecimal(MAX_ANNUALIZED_RETURN_TEXT);

    /** One billion dollars: more than any account here holds, small enough to be a typo when exceeded. */
    public static final String MAX_DOLLARS_TEXT = "1000000000";

    public static final BigDecimal MAX_DOLLARS = new BigDecimal(MAX_DOLLARS_TEXT);
    /** Money is kept to the micro-dollar, like every amount in the system. */
    public static final int MAX_DOLLAR_DECIMALS = 6;

    public static final long MAX_POSITION_PER_PAIR = 100_000_000;
    /** A hundred a second: far above what either venue's order rate limits allow. */
    public static final int MAX_TRADES_PER_MINUTE = 6_000;

    private static final int SHOWN_CHARACTERS = 24;

    private static final Pattern CANONICAL_DOLLARS =
            Pattern.compile("(0|[1-9][0-9]{0,9})(\\.[0-9]{1," + MAX_DOLLAR_DECIMALS + "})?");

    /** Paper defaults: room for a long demo run; a live deployment sets its own (config or PATCH /api/risk-limits). */
    public static final RiskLimits DEFAULT = new RiskLimits(
            new BigDecimal("1000"),
            50_000,
            new BigDecimal("250000"),
            new BigDecimal("1000"),
            new BigDecimal("500"),
            60,
            BigDecimal.ZERO);

    public RiskLimits {
        dollars(maxNotionalPerTrade, "maxNotionalPerTrade");
        count(maxPositionPerPair, MAX_POSITION_PER_PAIR, "maxPositionPerPair", "contracts");
        dollars(maxTotalExposure, "maxTotalExposure");
        dollars(maxUnhedgedExposure, "maxUnhedgedExposure");
        dollars(dailyLossLimit, "dailyLossLimit");
        count(maxTradesPerMinute, MAX_TRADES_PER_MINUTE, "maxTradesPerMinute", "trades");
        ratio(minAnnualizedReturn, MIN_ANNUALIZED_RETURN);
    }

    /** Without a minimum annualised return (0): the limits as they were before it existed. */
    public RiskLimits(
            BigDecimal maxNotionalPerTrade,
            long maxPositionPerPair,
            BigDecimal maxTotalExposure,
            BigDecimal maxUnhedgedExposure,
            BigDecimal dailyLossLimit,
            int maxTradesPerMinute) {
        this(
                maxNotionalPerTrade,
                maxPositionPerPair,
                maxTotalExposure,
                maxUnhedgedExposure,
                dailyLossLimit,
                maxTradesPerMinute,
                BigDecimal.ZERO);
    }

    public RiskLimits withMaxNotionalPerTrade(BigDecimal value) {
        return new RiskLimits(
                value,
                maxPositionPerPair,
                maxTotalExposure,
                maxUnhedgedExposure,
                dailyLossLimit,
                maxTradesPerMinute,
                minAnnualizedReturn);
    }

    /** Whether an opportunity's annualised return may be traded: always when no minimum is set (0). */
    public boolean requiresReturn() {
        return minAnnualizedReturn.signum() > 0;
    }

    /**
     * These limits with the fields present in {@code changes} replaced. Strict: an unknown field, a dollar
     * amount that is not a canonical decimal string, a count that is not a whole JSON number, or any value
     * outside its bounds is rejected naming the field. Dollar amounts must be strings ({@code "250.00"}) so no
     * binary float ever carries money.
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
                whole(changes, "maxPositionPerPair", maxPositionPerPair, MAX_POSITION_PER_PAIR, "contracts"),
                money(changes, "maxTotalExposure", maxTotalExposure),
                money(changes, "maxUnhedgedExposure", maxUnhedgedExposure),
                money(changes, "dailyLossLimit", dailyLossLimit),
                (int) whole(changes, "maxTradesPerMinute", maxTradesPerMinute, MAX_TRADES_PER_MINUTE, "trades"),
                decimalText(changes, MIN_ANNUALIZED_RETURN, minAnnualizedReturn, "(a ratio a year)", "\"0.25\""));
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
        out.put(MIN_ANNUALIZED_RETURN, minAnnualizedReturn.toPlainString());
        return out;
    }

    /**
     * Reads the {@link #toMap} form back; every field is required but {@code minAnnualizedReturn}, which older
     * journals do not carry (0 then).
     */
    public static RiskLimits fromMap(Map<String, ?> map) {
        for (String field : FIELDS) {
            if (map.get(field) == null && !field.equals(MIN_ANNUALIZED_RETURN)) {
                throw new InvalidFieldException(field, "is required");
            }
        }
        return DEFAULT.merge(map);
    }

    private static BigDecimal money(Map<String, ?> changes, String field, BigDecimal current) {
        return decimalText(changes, field, current, "of dollars", "\"250.00\"");
    }

    private static BigDecimal decimalText(
            Map<String, ?> changes, String field, BigDecimal current, String unit, String example) {
        Object value = changes.get(field);
        if (value == null) {
            if (changes.containsKey(field)) {
                throw new InvalidFieldException(field, "must not be null");
            }
            return current;
        }
        if (!(value instanceof String text)) {
            throw new InvalidFieldException(field, "must be a decimal string " + unit + ", like " + example);
        }
        if (!CANONICAL_DOLLARS.matcher(text).matches()) {
            throw new InvalidFieldException(
                    field,
                    "must be a plain decimal " + unit + " in ASCII digits with at most " + MAX_DOLLAR_DECIMALS
                            + " decimals, like " + example + " (no sign, exponent or spaces); got '"
                            + abbreviated(text) + "'");
        }
        return new BigDecimal(text);
    }

    private static long whole(Map<String, ?> changes, String field, long current, long max, String unit) {
        Object value = changes.get(field);
        if (value == null) {
            if (changes.containsKey(field)) {
                throw new InvalidFieldException(field, "must not be null");
            }
            return current;
        }
        long count;
        if (value instanceof Integer || value instanceof Long) {
            count = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            if (big.signum() <= 0 || big.compareTo(BigInteger.valueOf(max)) > 0) {
                throw outOfBounds(field, max, unit);
            }
            count = big.longValueExact();
        } else {
            throw new InvalidFieldException(field, "must be a whole number of " + unit + " (a JSON integer)");
        }
        return count;
    }

    private static void dollars(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidFieldException(field, "must be a positive number of dollars");
        }
        if (value.compareTo(MAX_DOLLARS) > 0) {
            throw new InvalidFieldException(field, "must be at most " + MAX_DOLLARS_TEXT + " dollars");
        }
        if (value.stripTrailingZeros().scale() > MAX_DOLLAR_DECIMALS) {
            throw new InvalidFieldException(field, "must have at most " + MAX_DOLLAR_DECIMALS + " decimals");
        }
    }

    private static void ratio(BigDecimal value, String field) {
        if (value == null || value.signum() < 0) {
            throw new InvalidFieldException(field, "must be 0 (no minimum) or a positive ratio a year");
        }
        if (value.compareTo(MAX_ANNUALIZED_RETURN) > 0) {
            throw new InvalidFieldException(
                    field, "must be at most " + MAX_ANNUALIZED_RETURN_TEXT + " (a ratio a year: 0.25 is 25 %)");
        }
        if (value.stripTrailingZeros().scale() > MAX_DOLLAR_DECIMALS) {
            throw new InvalidFieldException(field, "must have at most " + MAX_DOLLAR_DECIMALS + " decimals");
        }
    }

    private static void count(long value, long max, String field, String unit) {
        if (value <= 0 || value > max) {
            throw outOfBounds(field, max, unit);
        }
    }

    private static InvalidFieldException outOfBounds(String field, long max, String unit) {
        return new InvalidFieldException(field, "must be a whole number of " + unit + " from 1 to " + max);
    }

    /** What was sent, bounded: an error message must not carry a 401-digit number back. */
    private static String abbreviated(String text) {
        return text.length() <= SHOWN_CHARACTERS
                ? text
                : text.substring(0, SHOWN_CHARACTERS) + "… (" + text.length() + " characters)";
    }
}

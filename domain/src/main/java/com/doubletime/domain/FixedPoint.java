package com.doubletime.domain;

import java.math.BigDecimal;

/**
 * Fixed-point decimals for prices, sizes, rates and money on the hot path.
 *
 * <p>Every price (dollars per contract), size (contracts or shares), fee rate and edge is a {@code long}
 * counted in millionths: {@code 0.44} is {@code 440_000}, {@code 12.5} contracts is {@code 12_500_000}.
 * Six decimals cover both venues (Kalshi prices have 4, sizes 2; Polymarket ticks go down to 0.0001 and
 * sizes to 6 decimals). Parsing is allocation-free and exact: input with more than six decimals is
 * rejected rather than rounded, because a silently rounded price is a wrong price.
 */
public final class FixedPoint {
    public static final int DECIMALS = 6;
    /** One dollar, one contract, or a rate of 1. */
    public static final long ONE = 1_000_000L;

    /** Whole units beyond which a value times {@link #ONE} would not fit a long. */
    private static final long MAX_WHOLE = 9_000_000_000_000L;

    private FixedPoint() {}

    public static long parse(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        return parse(chars, 0, chars.length);
    }

    /**
     * Parses a plain decimal such as {@code "0.4400"}, {@code ".44"}, {@code "-15.82"} or {@code "120"} from
     * a slice of a char array, allocation-free (streaming JSON parsers hand values out this way).
     *
     * @throws NumberFormatException on anything else, including exponents and more than six decimals
     */
    public static long parse(char[] text, int offset, int length) {
        int end = offset + length;
        if (length <= 0) {
            throw new NumberFormatException("empty decimal");
        }
        int i = offset;
        boolean negative = false;
        char first = text[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            whole = whole * 10 + (text[i] - '0');
            if (whole > MAX_WHOLE) {
                throw new NumberFormatException("decimal too large: " + new String(text, offset, length));
            }
            digits++;
            i++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                int digit = text[i] - '0';
                if (fractionDigits < DECIMALS) {
                    fraction = fraction * 10 + digit;
                    fractionDigits++;
                } else if (digit != 0) {
                    throw new NumberFormatException(
                            "more than " + DECIMALS + " decimals: " + new String(text, offset, length));
                }
                digits++;
                i++;
            }
        }
        if (i != end || digits == 0) {
            throw new NumberFormatException("not a decimal: " + new String(text, offset, length));
        }
        for (int k = fractionDigits; k < DECIMALS; k++) {
            fraction *= 10;
        }
        long value = whole * ONE + fraction;
        return negative ? -value : value;
    }

    /** Formats with at least {@code minDecimals} decimals and no more than needed beyond that. */
    public static String format(long value, int minDecimals) {
        StringBuilder out = new StringBuilder(24);
        appendTo(out, value, minDecimals);
        return out.toString();
    }

    public static void appendTo(StringBuilder out, long value, int minDecimals) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        out.append(value / ONE);
        long fraction = value % ONE;
        int decimals = DECIMALS;
        while (decimals > minDecimals && fraction % 10 == 0) {
            fraction /= 10;
            decimals--;
        }
        if (decimals > 0) {
            out.append('.');
            String digits = Long.toString(fraction);
            for (int k = digits.length(); k < decimals; k++) {
                out.append('0');
            }
            out.append(digits);
        }
    }

    public static BigDecimal toBigDecimal(long value) {
        return BigDecimal.valueOf(value, DECIMALS);
    }

    /** Whole units (contracts), rounded down. */
    public static long wholeUnitsDown(long value) {
        return value / ONE;
    }
}

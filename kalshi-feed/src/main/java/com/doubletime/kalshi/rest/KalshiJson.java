package com.doubletime.kalshi.rest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Levels;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * Reading Kalshi REST values: prices ({@code *_dollars}) and counts ({@code *_fp}) are decimal strings,
 * sometimes JSON numbers (kalshi.md §3.4), read exactly into {@link FixedPoint} or {@link BigDecimal}.
 * Malformed input throws {@link IllegalArgumentException} naming the field.
 */
public final class KalshiJson {
    /** Marks an absent optional decimal. */
    public static final long ABSENT = Long.MIN_VALUE;

    private KalshiJson() {}

    public static long decimal(JsonObject object, String field) {
        long value = optionalDecimal(object, field);
        if (value == ABSENT) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    public static long optionalDecimal(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return ABSENT;
        }
        return toFixedPoint(value, field);
    }

    public static BigDecimal money(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return value instanceof Number number
                    ? new BigDecimal(number.toString())
                    : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal: " + value);
        }
    }

    static long toFixedPoint(Object value, String field) {
        try {
            if (value instanceof String text) {
                return FixedPoint.parse(text.trim());
            }
            if (value instanceof Number number) {
                return FixedPoint.parse(new BigDecimal(number.toString()).toPlainString());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
        throw new IllegalArgumentException(field + " is not a decimal: " + value);
    }

    public static String requiredString(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return text;
    }

    /** {@code [["0.1500","100.00"], …]} as sent (bids; order kept); a missing array is empty. */
    public static Levels levels(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return Levels.EMPTY;
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(field + " is not an array");
        }
        long[] prices = new long[array.size()];
        long[] sizes = new long[array.size()];
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonArray level) || level.size() != 2) {
                throw new IllegalArgumentException(field + " level " + i + " is not a [price, size] pair");
            }
            prices[i] = toFixedPoint(level.getValue(0), field + " price");
            sizes[i] = toFixedPoint(level.getValue(1), field + " size");
            if (prices[i] < 0 || prices[i] > FixedPoint.ONE || sizes[i] < 0) {
                throw new IllegalArgumentException(field + " level " + i + " is out of range");
            }
        }
        return new Levels(prices, sizes);
    }

    /** A FixedPoint value as Kalshi wants it on input: price "0.5600" (4 decimals), count "10.00" (2). */
    public static String price(long value) {
        return FixedPoint.format(value, 4);
    }

    public static String count(long value) {
        return FixedPoint.format(value, 2);
    }
}

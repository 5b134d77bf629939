package com.doubletime.feed;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.NameTable;
import com.doubletime.domain.VenueTicks;
import com.doubletime.feed.JsonTokenizer.Token;

/**
 * Typed reads of one JSON value for the venues' streaming frame parsers: each either returns the value or
 * throws {@link MalformedFrameException} naming the field. Decimals and recurring names are read straight
 * from the tokenizer's chars, so a frame's values cost no Strings.
 */
public final class FrameFields {
    private FrameFields() {}

    public static String text(JsonTokenizer json, Token token, String field) throws MalformedFrameException {
        if (token != Token.STRING) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not a string");
        }
        return json.text();
    }

    /** A recurring string (a ticker, a token id, a message type) as the table's canonical instance. */
    public static String name(JsonTokenizer json, Token token, String field, NameTable names)
            throws MalformedFrameException {
        if (token != Token.STRING) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not a string");
        }
        return names.intern(json.textChars(), json.textOffset(), json.textLength());
    }

    public static long integer(JsonTokenizer json, Token token, String field) throws MalformedFrameException {
        if (token != Token.NUMBER_INT) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, field + " is not an integer");
        }
        return json.longValue();
    }

    /** A decimal sent as a string or, defensively (kalshi.md §3.4), as a JSON number; {@link FixedPoint} scale. */
    public static long decimal(JsonTokenizer json, Token token, String field) throws MalformedFrameException {
        return decimal(json, token, field, null);
    }

    /** The same for one part of a field ({@code "bids"}, {@code "price"}): the name is joined only for an error. */
    public static long decimal(JsonTokenizer json, Token token, String field, String part)
            throws MalformedFrameException {
        if (token != Token.STRING && token != Token.NUMBER_INT && token != Token.NUMBER_FLOAT) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, named(field, part) + " is not a decimal");
        }
        try {
            return FixedPoint.parse(json.textChars(), json.textOffset(), json.textLength());
        } catch (NumberFormatException e) {
            throw new MalformedFrameException(MalformedReason.BAD_VALUE, named(field, part) + ": " + e.getMessage());
        }
    }

    private static String named(String field, String part) {
        return part == null ? field : field + " " + part;
    }

    /**
     * A whole number sent as a JSON integer or as a string of digits (Polymarket's millisecond timestamps);
     * {@code absent} when it is neither, since such a field is informative, not required.
     */
    public static long integerOrText(JsonTokenizer json, Token token, long absent) throws MalformedFrameException {
        if (token == Token.NUMBER_INT) {
            return json.longValue();
        }
        if (token != Token.STRING) {
            json.skipChildren();
            return absent;
        }
        char[] chars = json.textChars();
        int start = json.textOffset();
        int end = start + json.textLength();
        boolean negative = start < end && chars[start] == '-';
        int i = negative || (start < end && chars[start] == '+') ? start + 1 : start;
        if (i == end) {
            return absent;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return absent;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * A level's price: strictly between 0 and 1 and on a venue tick ({@link VenueTicks}). A level at 0 or 1
     * would be read as a contract for nothing (a Kalshi YES bid at 1.00 is a NO ask at 0), so it is
     * malformed, never a price.
     */
    public static long price(long price, String field) throws MalformedFrameException {
        if (!VenueTicks.inTradableRange(price)) {
            throw new MalformedFrameException(
                    MalformedReason.PRICE_OUT_OF_RANGE,
                    field + " price " + FixedPoint.format(price, 2) + " is not between 0 and 1");
        }
        if (!VenueTicks.onTick(price, VenueTicks.FINEST)) {
            throw new MalformedFrameException(
                    MalformedReason.PRICE_OFF_TICK,
                    field + " price " + FixedPoint.format(price, 2) + " is off every tick (finest 0.0001)");
        }
        return price;
    }

    /** A level's size: zero (the level is gone) or more. */
    public static long size(long size, String field) throws MalformedFrameException {
        if (size < 0) {
            throw new MalformedFrameException(MalformedReason.NEGATIVE_SIZE, field + " has a negative size");
        }
        return size;
    }
}

package com.doubletime.bus.feed;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.NameTable;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Typed reads of one JSON value for the venues' streaming frame parsers: each either returns the value or
 * throws {@link MalformedFrameException} naming the field. Decimals and recurring names are read straight
 * from the parser's char buffer, so a frame's values cost no Strings.
 */
public final class FrameFields {
    /** Locations without the source: otherwise every parser allocates a reference to its input. */
    public static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private FrameFields() {
    }

    public static String text(JsonParser parser, JsonToken token, String field) throws IOException, MalformedFrameException {
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedFrameException(field + " is not a string");
        }
        return parser.getText();
    }

    /** A recurring string (a ticker, a token id, a message type) as the table's canonical instance. */
    public static String name(JsonParser parser, JsonToken token, String field, NameTable names)
            throws IOException, MalformedFrameException {
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedFrameException(field + " is not a string");
        }
        return names.intern(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    public static long integer(JsonParser parser, JsonToken token, String field) throws IOException, MalformedFrameException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedFrameException(field + " is not an integer");
        }
        return parser.getLongValue();
    }

    /** A decimal sent as a string or, defensively (kalshi.md §3.4), as a JSON number; {@link FixedPoint} scale. */
    public static long decimal(JsonParser parser, JsonToken token, String field) throws IOException, MalformedFrameException {
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new MalformedFrameException(field + " is not a decimal");
        }
        try {
            return FixedPoint.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        } catch (NumberFormatException e) {
            throw new MalformedFrameException(field + ": " + e.getMessage());
        }
    }

    /** Binary-contract prices live in [0, 1]. */
    public static long price(long price, String field) throws MalformedFrameException {
        if (price < 0 || price > FixedPoint.ONE) {
            throw new MalformedFrameException(field + " price outside 0..1");
        }
        return price;
    }
}

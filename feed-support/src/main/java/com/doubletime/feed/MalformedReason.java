package com.doubletime.feed;

/**
 * Why a frame was skipped as malformed, counted per reason so the health report says what kind of bad input
 * a venue is sending (a venue that rolls back to a retired schema shows up as its own count).
 */
public enum MalformedReason {
    /** Not JSON, or not the venue's frame structure (an array where an object belongs, trailing text). */
    SYNTAX("syntax"),
    /** A field the message needs is absent. */
    MISSING_FIELD("missing_field"),
    /** A field of the wrong type, a decimal that is not one, a side or type the venue does not use. */
    BAD_VALUE("bad_value"),
    /** A level priced at or outside 0 and 1: no contract trades there. */
    PRICE_OUT_OF_RANGE("price_out_of_range"),
    /** A level priced off every tick the venue uses. */
    PRICE_OFF_TICK("price_off_tick"),
    /** A level with a negative size. */
    NEGATIVE_SIZE("negative_size"),
    /** Polymarket's flat {@code price_change} schema, retired on 15 September 2025 (polymarket.md §2.3). */
    LEGACY_PRICE_CHANGE("legacy_price_change");

    private final String wireName;

    MalformedReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name in health reports and logs. */
    public String wireName() {
        return wireName;
    }
}

package com.doubletime.bus.protocol;

/**
 * Asks the executor for its positions and P&amp;L ({@link com.doubletime.bus.Addresses#POSITIONS_QUERY});
 * answered with {@link PositionsReport}.
 */
public record PositionsQuery() {
    public static final PositionsQuery INSTANCE = new PositionsQuery();
}

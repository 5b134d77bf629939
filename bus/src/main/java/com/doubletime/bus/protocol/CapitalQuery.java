package com.doubletime.bus.protocol;

/**
 * Asks the executor for its cash on both venues ({@link com.doubletime.bus.Addresses#CAPITAL_QUERY}); answered with
 * {@link CapitalReport}.
 */
public record CapitalQuery() {
    public static final CapitalQuery INSTANCE = new CapitalQuery();
}

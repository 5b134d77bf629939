package com.doubletime.domain.market;

import java.util.Locale;

/**
 * Where a market is in its life, in the project's words (contracts §7). Kalshi's REST statuses and lifecycle
 * events and Polymarket's Gamma flags and {@code market_resolved} are mapped onto these at the feeds' edge.
 */
public enum MarketStatus {
    /** Trading. */
    OPEN,
    /** Not trading for now (Kalshi deactivated or not yet opened; Polymarket not accepting orders). */
    PAUSED,
    /** Trading has ended; the result is not known yet. */
    CLOSED,
    /** The result is known but not yet paid out (Kalshi determined, disputed or amended). */
    DETERMINED,
    /** Paid out (Kalshi finalized/settled; Polymarket {@code market_resolved}). */
    SETTLED;

    /** {@code open}, {@code paused}, … as the HTTP API writes it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTradable() {
        return this == OPEN;
    }

    /** The result is known: {@link #DETERMINED} or {@link #SETTLED}. */
    public boolean isResolved() {
        return this == DETERMINED || this == SETTLED;
    }

    /** Reads {@link #wireName()} (any case). */
    public static MarketStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package com.doubletime.domain.trade;

import java.util.Locale;

/** Where a pair's position is in its life (contracts §7 {@code GET /api/positions} {@code state}). */
public enum PositionState {
    /** Contracts held, markets not both resolved yet. */
    OPEN,
    /** Both markets resolved and every hedged pair paid exactly $1: positions went to zero, P&amp;L realised. */
    SETTLED,
    /** The two venues' resolutions do not pay $1 per hedged pair, or one leg settled while the other market trades. */
    DIVERGED;

    /** {@code open}, {@code settled}, {@code diverged}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

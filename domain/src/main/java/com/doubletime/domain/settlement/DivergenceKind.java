package com.doubletime.domain.settlement;

/** Why a held pair does not pay exactly $1 per hedged pair ({@code RESOLUTION_DIVERGENCE}). */
public enum DivergenceKind {
    /** Both legs pay nothing: the venues resolved the question in opposite ways for this pair. */
    BOTH_LEGS_LOSE,
    /** Both legs pay in full: the venues resolved apart the other way (a windfall, still not the hedge). */
    BOTH_LEGS_WIN,
    /** A venue paid a settlement value other than 0 or 1 (a void or scalar settlement, a 50/50 resolution). */
    PARTIAL_PAYOUT,
    /** One leg's market settled while the other market is still open: the hedge now rides on one venue. */
    LEG_SETTLED_OTHER_OPEN
}

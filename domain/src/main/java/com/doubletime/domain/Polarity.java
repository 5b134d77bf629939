package com.doubletime.domain;

/** How a pair's outcomes line up across the venues. */
public enum Polarity {
    /** Kalshi YES and Polymarket YES pay on the same outcome. */
    SAME,
    /** Kalshi YES pays exactly when Polymarket NO pays. */
    INVERSE
}

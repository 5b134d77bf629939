package com.doubletime.domain;

public enum Platform {
    KALSHI,
    POLYMARKET;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

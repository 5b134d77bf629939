package com.doubletime.domain;

import java.util.Locale;

public enum Platform {
    KALSHI,
    POLYMARKET;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.doubletime.domain.trade;

import java.util.Locale;

/** Whether fills are simulated against the books or real orders at the venues. */
public enum ExecutionMode {
    PAPER,
    LIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code paper} / {@code live} in any case. */
    public static ExecutionMode fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

package com.doubletime.simulator;

/** The two bid ladders of a Kalshi book. */
enum KalshiSide {
    YES("yes"),
    NO("no");

    private final String wire;

    KalshiSide(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static KalshiSide fromWire(String text) {
        for (KalshiSide side : values()) {
            if (side.wire.equals(text)) {
                return side;
            }
        }
        throw new IllegalArgumentException("Kalshi side must be \"yes\" or \"no\": " + text);
    }
}

package com.doubletime.bench;

import java.util.Locale;

/**
 * The scripted scenario of the wire-to-wire benchmark: one pair (Kalshi {@link #TICKER}, Polymarket YES
 * {@link #YES_TOKEN} / NO {@link #NO_TOKEN}, same polarity) whose books hold no window, then {@code windows}
 * windows, each opened by one step and closed by the next. Step {@code 2k} opens window {@code k}: a Kalshi
 * NO bid 0.58 × {@code quantity} appears (Kalshi YES ask 0.42 against the Polymarket NO ask 0.53: 0.95 before
 * fees). Step {@code 2k+1}, {@code closeAfterMillis} later, removes whatever the trade left at 0.58 and puts
 * the Polymarket NO ask back to 0.53 × 200, so every window is a fresh opportunity of the same size.
 */
final class WireToWireScenario {
    static final String PAIR = "wire-to-wire";
    static final String TICKER = "KX-W2W-26DEC";
    static final String YES_TOKEN = "3001";
    static final String NO_TOKEN = "3002";

    private WireToWireScenario() {}

    /** The step index that opens window {@code window}, or -1 when {@code stepIndex} closes one. */
    static int windowOpenedBy(int stepIndex) {
        return stepIndex % 2 == 0 ? stepIndex / 2 : -1;
    }

    /**
     * @param firstDelayMillis wait before the first window (the stack settles: API key derived, books loaded)
     * @param closeAfterMillis how long a window stays open
     * @param gapMillis quiet time between a close and the next open
     */
    static String json(int windows, int quantity, long firstDelayMillis, long closeAfterMillis, long gapMillis) {
        if (windows <= 0 || quantity <= 0 || quantity > 200) {
            throw new IllegalArgumentException("windows > 0 and 0 < quantity <= 200");
        }
        StringBuilder steps = new StringBuilder();
        for (int k = 0; k < windows; k++) {
            if (k > 0) {
                steps.append(",\n");
            }
            long openDelay = k == 0 ? firstDelayMillis : gapMillis;
            steps.append(String.format(
                    Locale.ROOT,
                    "    { \"delayMillis\": %d, \"kalshi\": { \"ticker\": \"%s\", \"side\": \"no\", \"price\": \"0.58\", \"delta\": \"%d\" } },%n",
                    openDelay,
                    TICKER,
                    quantity));
            steps.append(String.format(
                    Locale.ROOT,
                    "    { \"delayMillis\": %d, \"kalshi\": { \"ticker\": \"%s\", \"side\": \"no\", \"price\": \"0.58\", \"delta\": \"-1000\" },"
                            + " \"polymarket\": [ { \"assetId\": \"%s\", \"side\": \"SELL\", \"price\": \"0.53\", \"size\": \"200\" } ] }",
                    closeAfterMillis,
                    TICKER,
                    NO_TOKEN));
        }
        return """
                {
                  "initial": {
                    "kalshi": { "%s": { "yes": [["0.40", "300"]], "no": [["0.55", "120"]] } },
                    "polymarket": {
                      "%s": { "bids": [["0.40", "100"]], "asks": [["0.60", "100"]] },
                      "%s": { "bids": [["0.38", "100"]], "asks": [["0.53", "200"], ["0.60", "200"]] }
                    }
                  },
                  "steps": [
                %s
                  ]
                }
                """.formatted(TICKER, YES_TOKEN, NO_TOKEN, steps);
    }

    /** The pairs file of the benchmark's one pair. */
    static String pairsJson() {
        return """
                {
                  "pairs": [
                    {
                      "id": "%s",
                      "description": "Scripted buy-both windows for the wire-to-wire benchmark",
                      "kalshi": { "ticker": "%s", "takerFeeRate": "0.07" },
                      "polymarket": {
                        "conditionId": "0x11e0000000000000000000000000000000000000000000000000000000000002",
                        "yesTokenId": "%s",
                        "noTokenId": "%s",
                        "takerFeeRate": "0.04",
                        "tickSize": "0.01",
                        "minOrderSize": "5"
                      },
                      "polarity": "same",
                      "minEdge": "0.01",
                      "maxQuantity": "500"
                    }
                  ]
                }
                """.formatted(PAIR, TICKER, YES_TOKEN, NO_TOKEN);
    }
}

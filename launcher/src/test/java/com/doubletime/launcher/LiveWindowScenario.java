package com.doubletime.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The live ITs' scripted market ({@code /live/pairs.json}: Kalshi {@code KX-LIVE-26DEC}, Polymarket YES {@code 2001}
 * and NO {@code 2002}): books that hold no buy-both window until the steps open one — typically Polymarket NO asks
 * 0.53 appearing, then a Kalshi NO bid 0.58 (Kalshi YES 0.42 × 120 against Polymarket NO 0.53).
 */
final class LiveWindowScenario {
    private LiveWindowScenario() {}

    /**
     * Writes {@code scenario.json} into {@code dir}.
     *
     * @param additions the script's other top-level fields (markets, accounts), or ""
     * @param secondNoAsk the price of Polymarket NO's second ask level (200 contracts), behind 0.53 × 200
     * @param steps the steps, comma-separated
     */
    static Path write(Path dir, String additions, String secondNoAsk, String steps) throws IOException {
        String script = """
                {
                  %s
                  "initial": {
                    "kalshi": { "KX-LIVE-26DEC": { "yes": [["0.40", "300"]], "no": [["0.55", "120"]] } },
                    "polymarket": {
                      "2001": { "bids": [["0.40", "100"]], "asks": [["0.60", "100"]] },
                      "2002": { "bids": [["0.38", "100"]], "asks": [["0.53", "200"], ["%s", "200"]] }
                    }
                  },
                  "steps": [ %s ]
                }
                """.formatted(additions.isEmpty() ? "" : additions + ",", secondNoAsk, steps);
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, script);
        return file;
    }
}

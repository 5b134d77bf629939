package com.doubletime.bench;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFile;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The generated pairs and frames, in memory, split by venue, for the JMH benchmarks. */
final class BenchInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<MarketPair> pairs;
    /** Subscription ack and one snapshot per market. */
    final List<String> kalshiSetup = new ArrayList<>();
    /** The initial dump. */
    final List<String> polymarketSetup = new ArrayList<>();

    final List<String> kalshiDeltas = new ArrayList<>();
    final List<String> polymarketChanges = new ArrayList<>();
    /** Every frame after the setup, in capture order; {@code true} for Kalshi. */
    final List<String> mixed = new ArrayList<>();

    final List<Boolean> mixedIsKalshi = new ArrayList<>();

    BenchInputs(int pairCount, int frames, long seed) {
        try {
            CaptureGenerator generator = new CaptureGenerator(pairCount, seed);
            Map<String, Object> pairsFile = JSON.readValue(generator.pairsJson(), new TypeReference<>() {});
            pairs = PairsFile.parse(pairsFile);
            StringBuilder capture = new StringBuilder();
            generator.writeCapture(capture, frames, 2_000);
            for (String line : capture.toString().split("\n")) {
                Map<String, Object> entry = JSON.readValue(line, new TypeReference<>() {});
                Object frame = entry.get("frame");
                if (frame == null) {
                    continue;
                }
                boolean kalshi = "kalshi".equals(entry.get("venue"));
                String text = (String) frame;
                if (kalshi && !text.contains("orderbook_delta")) {
                    kalshiSetup.add(text);
                } else if (!kalshi && text.startsWith("[")) {
                    polymarketSetup.add(text);
                } else {
                    (kalshi ? kalshiDeltas : polymarketChanges).add(text);
                    mixed.add(text);
                    mixedIsKalshi.add(kalshi);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

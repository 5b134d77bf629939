package com.doubletime.bench;

import com.doubletime.domain.FixedPoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a reproducible capture (contracts §2) and its pairs file (§1) in both venues' real formats, so
 * anyone can regenerate the benchmark inputs: {@code pairs} markets, a Kalshi subscription with one
 * snapshot per market and a Polymarket initial dump, then {@code frames} frames alternating at random
 * between Kalshi {@code orderbook_delta} and Polymarket {@code price_change} (both tokens, mirrored),
 * with a buy-both window opened and closed every {@code windowEvery} frames.
 *
 * <p>Books are kept two-sided five levels deep around a fair price so that every frame is a realistic
 * update of a level near the touch. Prices in cents, sizes in whole contracts; the frames themselves use
 * the venues' decimal strings.
 */
public final class CaptureGenerator {
    private static final int DEPTH = 5;
    private static final long NANOS_START = 1_764_054_000_000_000_000L;

    private final Random random;
    private final int pairs;
    private final Market[] markets;
    private long recvNanos = NANOS_START;
    private long kalshiSeq;

    public CaptureGenerator(int pairs, long seed) {
        this.random = new Random(seed);
        this.pairs = pairs;
        this.markets = new Market[pairs];
        for (int i = 0; i < pairs; i++) {
            markets[i] = new Market(i, 20 + random.nextInt(61));
        }
    }

    public static void main(String[] args) throws IOException {
        int pairs = 100;
        long frames = 1_000_000;
        long seed = 7;
        Path out = Path.of("target", "bench-capture");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new CaptureGenerator(pairs, seed).write(out, frames, 2_000);
        System.out.println("wrote " + out.resolve("pairs.json") + " and " + out.resolve("capture.jsonl"));
    }

    /** Writes {@code dir/pairs.json} and {@code dir/capture.jsonl}. */
    public void write(Path dir, long frames, int windowEvery) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pairs.json"), pairsJson());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("capture.jsonl"), StandardCharsets.UTF_8)) {
            writeCapture(out, frames, windowEvery);
        }
    }

    String pairsJson() {
        StringBuilder json = new StringBuilder("{\"pairs\":[\n");
        for (int i = 0; i < pairs; i++) {
            Market m = markets[i];
            json.append(i == 0 ? "" : ",\n")
                    .append("{\"id\":\"bench-")
                    .append(i)
                    .append("\",\"kalshi\":{\"ticker\":\"")
                    .append(m.ticker)
                    .append("\",\"takerFeeRate\":\"0.07\"},\"polymarket\":{\"conditionId\":\"")
                    .append(m.conditionId)
                    .append("\",\"yesTokenId\":\"")
                    .append(m.yesToken)
                    .append("\",\"noTokenId\":\"")
                    .append(m.noToken)
                    .append("\",\"takerFeeRate\":\"0.04\",\"tickSize\":\"0.01\",\"minOrderSize\":\"5\"},")
                    .append("\"polarity\":\"same\",\"minEdge\":\"0.005\",\"maxQuantity\":\"1000\"}");
        }
        return json.append("\n]}\n").toString();
    }

    void writeCapture(Appendable out, long frames, int windowEvery) throws IOException {
        line(out, "kalshi", null, "connected");
        line(out, "polymarket", null, "connected");
        line(
                out,
                "kalshi",
                "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}",
                null);
        for (Market m : markets) {
            line(out, "kalshi", kalshiSnapshot(m), null);
        }
        StringBuilder dump = new StringBuilder("[");
        for (Market m : markets) {
            dump.append(dump.length() > 1 ? "," : "")
                    .append(polymarketBook(m, true))
                    .append(',')
                    .append(polymarketBook(m, false));
        }
        line(out, "polymarket", dump.append(']').toString(), null);
        Market window = null;
        long windowClosesAt = -1;
        for (long frame = 0; frame < frames; frame++) {
            if (window != null && frame == windowClosesAt) {
                line(out, "kalshi", kalshiDelta(window, "no", 100 - window.fair + 6, -100), null);
                window = null;
                continue;
            }
            if (windowEvery > 0 && window == null && frame % windowEvery == windowEvery - 1) {
                window = markets[random.nextInt(pairs)];
                windowClosesAt = frame + 1 + random.nextInt(40);
                // a NO bid six cents through the book: Kalshi YES ask drops to fair − 6
                line(out, "kalshi", kalshiDelta(window, "no", 100 - window.fair + 6, 100), null);
                continue;
            }
            Market m = markets[random.nextInt(pairs)];
            if (random.nextBoolean()) {
                boolean yes = random.nextBoolean();
                int level = 1 + random.nextInt(DEPTH);
                int[] sizes = yes ? m.kalshiYes : m.kalshiNo;
                int delta = 1 + random.nextInt(50);
                if (random.nextBoolean() && sizes[level - 1] > delta) {
                    delta = -delta;
                }
                sizes[level - 1] += delta;
                int price = yes ? m.fair - level : 100 - m.fair - level;
                line(out, "kalshi", kalshiDelta(m, yes ? "yes" : "no", price, delta), null);
            } else {
                boolean bid = random.nextBoolean();
                int level = 1 + random.nextInt(DEPTH);
                int size = 1 + random.nextInt(500);
                (bid ? m.polyBids : m.polyAsks)[level - 1] = size;
                line(out, "polymarket", polymarketChange(m, bid, level, size), null);
            }
        }
    }

    private void line(Appendable out, String venue, String frame, String event) throws IOException {
        recvNanos += 1_000 + random.nextInt(49_000);
        out.append("{\"venue\":\"").append(venue).append("\",\"recv_ns\":").append(Long.toString(recvNanos));
        if (frame != null) {
            out.append(",\"frame\":\"")
                    .append(frame.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"}\n");
        } else {
            out.append(",\"event\":\"").append(event).append("\"}\n");
        }
    }

    private String kalshiSnapshot(Market m) {
        StringBuilder yes = new StringBuilder();
        StringBuilder no = new StringBuilder();
        for (int level = DEPTH; level >= 1; level--) { // ascending prices, as the venue sends them
            yes.append(yes.length() > 0 ? "," : "")
                    .append("[\"")
                    .append(dollars(m.fair - level, 4))
                    .append("\",\"")
                    .append(m.kalshiYes[level - 1])
                    .append(".00\"]");
            no.append(no.length() > 0 ? "," : "")
                    .append("[\"")
                    .append(dollars(100 - m.fair - level, 4))
                    .append("\",\"")
                    .append(m.kalshiNo[level - 1])
                    .append(".00\"]");
        }
        return "{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + ++kalshiSeq + ",\"msg\":{\"market_ticker\":\""
                + m.ticker + "\",\"market_id\":\"" + m.marketId + "\",\"yes_dollars_fp\":[" + yes
                + "],\"no_dollars_fp\":[" + no + "]}}";
    }

    private String kalshiDelta(Market m, String side, int priceCents, int delta) {
        long tsMillis = recvNanos / 1_000_000;
        return "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + ++kalshiSeq + ",\"msg\":{\"market_ticker\":\""
                + m.ticker
                + "\",\"market_id\":\"" + m.marketId + "\",\"price_dollars\":\"" + dollars(priceCents, 4)
                + "\",\"delta_fp\":\""
                + delta + ".00\",\"side\":\"" + side + "\",\"ts_ms\":" + tsMillis + "}}";
    }

    /** The YES token's book around fair, or the NO token's mirror of it; best price last, as the venue sends. */
    private String polymarketBook(Market m, boolean yesToken) {
        StringBuilder bids = new StringBuilder();
        StringBuilder asks = new StringBuilder();
        for (int level = DEPTH; level >= 1; level--) {
            int bidSize = yesToken ? m.polyBids[level - 1] : m.polyAsks[level - 1];
            int askSize = yesToken ? m.polyAsks[level - 1] : m.polyBids[level - 1];
            int fair = yesToken ? m.fair : 100 - m.fair;
            bids.append(bids.length() > 0 ? "," : "")
                    .append("{\"price\":\"")
                    .append(dollars(fair - level, 2))
                    .append("\",\"size\":\"")
                    .append(bidSize)
                    .append("\"}");
            asks.append(asks.length() > 0 ? "," : "")
                    .append("{\"price\":\"")
                    .append(dollars(fair + level, 2))
                    .append("\",\"size\":\"")
                    .append(askSize)
                    .append("\"}");
        }
        return "{\"event_type\":\"book\",\"market\":\"" + m.conditionId + "\",\"asset_id\":\""
                + (yesToken ? m.yesToken : m.noToken)
                + "\",\"timestamp\":\"" + recvNanos / 1_000_000 + "\",\"hash\":\"" + hash() + "\",\"bids\":[" + bids
                + "],\"asks\":["
                + asks + "]}";
    }

    /** A YES level change and its mirror on the NO token, in one message as the CLOB sends them. */
    private String polymarketChange(Market m, boolean bid, int level, int size) {
        int yesPrice = bid ? m.fair - level : m.fair + level;
        String yesBest =
                ",\"best_bid\":\"" + dollars(m.fair - 1, 2) + "\",\"best_ask\":\"" + dollars(m.fair + 1, 2) + "\"";
        String noBest = ",\"best_bid\":\"" + dollars(100 - m.fair - 1, 2) + "\",\"best_ask\":\""
                + dollars(100 - m.fair + 1, 2) + "\"";
        return "{\"event_type\":\"price_change\",\"market\":\"" + m.conditionId + "\",\"price_changes\":["
                + "{\"asset_id\":\"" + m.yesToken + "\",\"price\":\"" + dollars(yesPrice, 2) + "\",\"size\":\"" + size
                + "\",\"side\":\"" + (bid ? "BUY" : "SELL") + "\",\"hash\":\"" + hash() + "\"" + yesBest + "},"
                + "{\"asset_id\":\"" + m.noToken + "\",\"price\":\"" + dollars(100 - yesPrice, 2) + "\",\"size\":\""
                + size
                + "\",\"side\":\"" + (bid ? "SELL" : "BUY") + "\",\"hash\":\"" + hash() + "\"" + noBest + "}],"
                + "\"timestamp\":\"" + recvNanos / 1_000_000 + "\"}";
    }

    private String hash() {
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Integer.toHexString(random.nextInt() | Integer.MIN_VALUE);
    }

    private static String dollars(int cents, int decimals) {
        return FixedPoint.format(cents * 10_000L, decimals);
    }

    private final class Market {
        final String ticker;
        final String marketId;
        final String conditionId;
        final String yesToken;
        final String noToken;
        final int fair;
        final int[] kalshiYes = sizes();
        final int[] kalshiNo = sizes();
        final int[] polyBids = sizes();
        final int[] polyAsks = sizes();

        Market(int index, int fair) {
            this.fair = fair;
            this.ticker = String.format("KXBENCH-26DEC-M%03d", index);
            this.marketId = new UUID(random.nextLong(), random.nextLong()).toString();
            this.conditionId = "0x" + String.format("%064x", new BigInteger(255, random));
            this.yesToken = new BigInteger(255, random).toString();
            this.noToken = new BigInteger(255, random).toString();
        }

        private int[] sizes() {
            int[] sizes = new int[DEPTH];
            for (int i = 0; i < DEPTH; i++) {
                sizes[i] = 50 + random.nextInt(450);
            }
            return sizes;
        }
    }
}

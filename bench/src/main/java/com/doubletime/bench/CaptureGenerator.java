package com.doubletime.bench;

import com.doubletime.domain.FixedPoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Windows windows = Windows.SPARSE;
        Path out = Path.of("target", "bench-capture");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--window-every" -> windows = Windows.sparse(Integer.parseInt(args[i + 1]));
                case "--windows" -> windows = parseWindows(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new CaptureGenerator(pairs, seed).write(out, frames, windows);
        System.out.println("wrote " + out.resolve("pairs.json") + " and " + out.resolve("capture.jsonl"));
    }

    /** {@code sparse}, {@code dense}, or {@code EVERY,MAX_LIFETIME,MAX_OPEN}. */
    static Windows parseWindows(String text) {
        return switch (text) {
            case "sparse" -> Windows.SPARSE;
            case "dense" -> Windows.DENSE;
            default -> {
                String[] parts = text.split(",");
                if (parts.length != 3) {
                    throw new IllegalArgumentException(
                            "--windows sparse, dense or EVERY,MAX_LIFETIME,MAX_OPEN, got " + text);
                }
                yield new Windows(
                        Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            }
        };
    }

    /** Writes {@code dir/pairs.json} and {@code dir/capture.jsonl}. */
    public void write(Path dir, long frames, int windowEvery) throws IOException {
        write(dir, frames, Windows.sparse(windowEvery));
    }

    /** Writes {@code dir/pairs.json} and {@code dir/capture.jsonl} with {@code windows}' buy-both windows. */
    public void write(Path dir, long frames, Windows windows) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pairs.json"), pairsJson());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("capture.jsonl"), StandardCharsets.UTF_8)) {
            writeCapture(out, frames, windows);
        }
    }

    /**
     * How buy-both windows are injected: one opens every {@code every} frames (0: none) on a random market that has
     * none open, while fewer than {@code maxOpen} are open, and closes 1 to {@code maxLifetimeFrames} frames later.
     * Frames on a market with an open window change its terms when they move the levels it is sized on.
     */
    public record Windows(int every, int maxLifetimeFrames, int maxOpen) {
        /** Today's default: a window every 2,000 frames, open for at most 40, one at a time. */
        public static final Windows SPARSE = sparse(2_000);
        /**
         * About one frame in 45 opens or changes a window (the bench prints the exact share): a window every 45
         * frames, open for up to 400, up to 8 at once, so most of them are changed by later frames while open.
         */
        public static final Windows DENSE = new Windows(45, 400, 8);

        private static final int SPARSE_LIFETIME_FRAMES = 40;

        public Windows {
            if (every < 0 || maxLifetimeFrames < 1 || maxOpen < 1) {
                throw new IllegalArgumentException("every >= 0, maxLifetimeFrames >= 1 and maxOpen >= 1");
            }
        }

        /** One window at a time, open for at most 40 frames, every {@code every} frames. */
        public static Windows sparse(int every) {
            return new Windows(every, SPARSE_LIFETIME_FRAMES, 1);
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
        writeCapture(out, frames, Windows.sparse(windowEvery));
    }

    void writeCapture(Appendable out, long frames, Windows windows) throws IOException {
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
        List<Window> open = new ArrayList<>();
        for (long frame = 0; frame < frames; frame++) {
            Window due = firstDue(open, frame);
            if (due != null) {
                open.remove(due);
                line(out, "kalshi", kalshiDelta(due.market, "no", 100 - due.market.fair + 6, -100), null);
                continue;
            }
            if (windows.every() > 0
                    && open.size() < windows.maxOpen()
                    && frame % windows.every() == windows.every() - 1) {
                Market market = markets[random.nextInt(pairs)];
                long closesAt = frame + 1 + random.nextInt(windows.maxLifetimeFrames());
                if (!hasWindow(open, market)) {
                    open.add(new Window(market, closesAt));
                    // a NO bid six cents through the book: Kalshi YES ask drops to fair − 6
                    line(out, "kalshi", kalshiDelta(market, "no", 100 - market.fair + 6, 100), null);
                    continue;
                }
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

    /** The earliest-opened window whose time has come; windows due on the same frame close on successive frames. */
    private static Window firstDue(List<Window> open, long frame) {
        for (Window window : open) {
            if (window.closesAt <= frame) {
                return window;
            }
        }
        return null;
    }

    private static boolean hasWindow(List<Window> open, Market market) {
        for (Window window : open) {
            if (window.market == market) {
                return true;
            }
        }
        return false;
    }

    /** A buy-both window injected on {@code market}, closed by the first frame at or after {@code closesAt}. */
    private record Window(Market market, long closesAt) {}

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

package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes a capture (docs/capture.md) line by line in both venues' real wire formats, at times given in milliseconds
 * of capture time: Kalshi {@code orderbook_snapshot} / {@code orderbook_delta} (one subscription, sequence numbers
 * kept) and Polymarket {@code book} / {@code price_change}. Prices in cents.
 */
public final class CaptureScript {
    static final long T0 = 1_764_054_000_000_000_000L;
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int CENTS = 100;

    private final StringBuilder lines = new StringBuilder();
    private long seq;
    private long lifecycleSeq;
    private long nowNanos = T0;

    /** A pair with Kalshi rate 0.07 and Polymarket 0.04, polarity same, unlimited size. */
    static MarketPair pair(String id, String ticker, String condition, String yesToken, String noToken, long minEdge) {
        return new MarketPair(
                id,
                id,
                ticker,
                FixedPoint.parse("0.07"),
                condition,
                yesToken,
                noToken,
                FixedPoint.parse("0.04"),
                FixedPoint.parse("0.01"),
                0,
                false,
                Polarity.SAME,
                minEdge,
                MarketPair.UNLIMITED);
    }

    /** Lines after this are received at T0 + {@code millis}. */
    CaptureScript at(double millis) {
        nowNanos = T0 + Math.round(millis * NANOS_PER_MILLI);
        return this;
    }

    CaptureScript atNanos(long nanos) {
        nowNanos = nanos;
        return this;
    }

    CaptureScript connected(String venue) {
        lines.append("{\"venue\":\"")
                .append(venue)
                .append("\",\"recv_ns\":")
                .append(nowNanos)
                .append(",\"event\":\"connected\"}\n");
        return this;
    }

    /** Kalshi snapshot: YES bids and NO bids as alternating cents, size. */
    CaptureScript kalshiSnapshot(String ticker, int[] yesBids, int[] noBids) {
        return kalshi("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":" + ++seq + ",\"msg\":{\"market_ticker\":\""
                + ticker + "\",\"market_id\":\"m-" + ticker + "\",\"yes_dollars_fp\":" + kalshiLevels(yesBids)
                + ",\"no_dollars_fp\":" + kalshiLevels(noBids) + "}}");
    }

    /** Kalshi delta on the {@code yes} or {@code no} bids. */
    CaptureScript kalshiDelta(String ticker, String side, int cents, long delta) {
        return kalshi("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + ++seq + ",\"msg\":{\"market_ticker\":\""
                + ticker + "\",\"market_id\":\"m-" + ticker + "\",\"price_dollars\":\"" + dollars(cents, 4)
                + "\",\"delta_fp\":\"" + delta + ".00\",\"side\":\"" + side + "\",\"ts_ms\":"
                + nowNanos / NANOS_PER_MILLI + "}}");
    }

    /** A raw Kalshi frame (a lifecycle message, say), its sid's sequence left alone. */
    CaptureScript kalshi(String frame) {
        return line("kalshi", frame);
    }

    /** A Kalshi {@code market_lifecycle_v2} frame on its own channel; {@code fields}: more of its msg, JSON, or "". */
    CaptureScript kalshiLifecycle(String ticker, String eventType, String fields) {
        return kalshi("{\"type\":\"market_lifecycle_v2\",\"sid\":7,\"seq\":" + ++lifecycleSeq
                + ",\"msg\":{\"market_ticker\":\"" + ticker + "\",\"event_type\":\"" + eventType + "\""
                + (fields.isEmpty() ? "" : "," + fields) + "}}");
    }

    /** Polymarket {@code market_resolved}: {@code winningToken} won. */
    CaptureScript polymarketResolved(String condition, String winningToken, String winningOutcome) {
        return polymarket("{\"event_type\":\"market_resolved\",\"market\":\"" + condition
                + "\",\"winning_asset_id\":\"" + winningToken + "\",\"winning_outcome\":\"" + winningOutcome
                + "\"}");
    }

    /** Polymarket {@code book} of one token: bids and asks as alternating cents, size. */
    CaptureScript polymarketBook(String condition, String token, int[] bids, int[] asks) {
        return polymarket("{\"event_type\":\"book\",\"market\":\"" + condition + "\",\"asset_id\":\"" + token
                + "\",\"timestamp\":\"" + nowNanos / NANOS_PER_MILLI + "\",\"hash\":\"h" + seq
                + "\",\"bids\":" + polymarketLevels(bids) + ",\"asks\":" + polymarketLevels(asks) + "}");
    }

    /** Polymarket {@code price_change} of one level: {@code BUY} a bid, {@code SELL} an ask; size 0 removes it. */
    CaptureScript polymarketLevel(String condition, String token, String side, int cents, long size) {
        return polymarket("{\"event_type\":\"price_change\",\"market\":\"" + condition + "\",\"price_changes\":["
                + "{\"asset_id\":\"" + token + "\",\"price\":\"" + dollars(cents, 2) + "\",\"size\":\"" + size
                + "\",\"side\":\"" + side + "\",\"hash\":\"h\"}],\"timestamp\":\"" + nowNanos / NANOS_PER_MILLI
                + "\"}");
    }

    CaptureScript polymarket(String frame) {
        return line("polymarket", frame);
    }

    private CaptureScript line(String venue, String frame) {
        lines.append("{\"venue\":\"")
                .append(venue)
                .append("\",\"recv_ns\":")
                .append(nowNanos)
                .append(",\"frame\":\"")
                .append(frame.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"}\n");
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, lines.toString(), StandardCharsets.UTF_8);
        return file;
    }

    String text() {
        return lines.toString();
    }

    private static String kalshiLevels(int[] levels) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i + 1 < levels.length; i += 2) {
            out.append(i == 0 ? "" : ",")
                    .append("[\"")
                    .append(dollars(levels[i], 4))
                    .append("\",\"")
                    .append(levels[i + 1])
                    .append(".00\"]");
        }
        return out.append(']').toString();
    }

    private static String polymarketLevels(int[] levels) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i + 1 < levels.length; i += 2) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"price\":\"")
                    .append(dollars(levels[i], 2))
                    .append("\",\"size\":\"")
                    .append(levels[i + 1])
                    .append("\"}");
        }
        return out.append(']').toString();
    }

    static String dollars(int cents, int decimals) {
        return FixedPoint.format(cents * (FixedPoint.ONE / CENTS), decimals);
    }
}

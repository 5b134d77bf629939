package com.doubletime.backtest;

import com.doubletime.domain.MarketDataListener;
import com.doubletime.feed.capture.CaptureLineReader;
import com.doubletime.kalshi.KalshiBookSession;
import com.doubletime.kalshi.market.KalshiLifecycleParser;
import com.doubletime.polymarket.PolymarketBookSession;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays capture lines ({@code docs/capture.md}) into the live system's sessions, as replay and backtest both do:
 * a frame goes to its venue's session (the live parsers, sequence and staleness rules), which hands its book updates
 * to {@code listener}; {@code connected} / {@code disconnected} lines are the connection boundaries the live feeds
 * see. A line that is no capture line (or names no venue, or carries neither frame nor event) is counted as
 * malformed and skipped.
 *
 * <p>Frames the books do not use but a market's life does go to a {@link LifecycleSink}, exactly those the live
 * feeds hand on: a Kalshi {@code market_lifecycle_v2} frame (also one that came with a sequence gap), a Polymarket
 * frame holding {@code market_resolved}.
 */
public final class CapturePlayback {
    /** Where the frames about a market's life go (null: nowhere). */
    public interface LifecycleSink {
        void onKalshiLifecycle(String frame, long atNanos);

        void onPolymarketResolved(String frame, long atNanos);
    }

    private static final char[] MARKET_RESOLVED = "market_resolved".toCharArray();

    private final KalshiBookSession kalshi;
    private final PolymarketBookSession polymarket;
    private final LifecycleSink lifecycle;
    private long frames;
    private long malformedLines;

    /**
     * @param kalshiUseYesPrice how the capture's Kalshi subscription was made: captures carry no subscribe command
     *                          (docs/replay.md)
     */
    public CapturePlayback(MarketDataListener listener, boolean kalshiUseYesPrice, LifecycleSink lifecycle) {
        this.kalshi = new KalshiBookSession(listener, kalshiUseYesPrice, null);
        this.polymarket = new PolymarketBookSession(listener);
        this.lifecycle = lifecycle;
    }

    /**
     * One non-blank line as the reader holds it. Returns true when it was a frame handed to a session (malformed
     * or not), false for a connection event or a line that is no capture line.
     */
    public boolean onLine(CaptureLineReader line, boolean captureLine) {
        String venue = captureLine ? line.venue() : null;
        boolean kalshiVenue = CaptureLineReader.KALSHI.equals(venue);
        if ((!kalshiVenue && !CaptureLineReader.POLYMARKET.equals(venue))
                || (!line.hasFrame() && line.event() == null)) {
            frames++;
            malformedLines++;
            return false;
        }
        if (!line.hasFrame()) {
            onConnectionEvent(kalshiVenue, line.event(), line.recvNanos());
            return false;
        }
        frames++;
        char[] frame = line.frame();
        int length = line.frameLength();
        long at = line.recvNanos();
        if (kalshiVenue) {
            KalshiBookSession.Outcome outcome = kalshi.onFrame(frame, 0, length, at);
            if (lifecycle != null
                    && (outcome == KalshiBookSession.Outcome.IGNORED || outcome == KalshiBookSession.Outcome.GAP)
                    && KalshiLifecycleParser.TYPE.equals(kalshi.message().typeName())) {
                lifecycle.onKalshiLifecycle(new String(frame, 0, length), at);
            }
        } else {
            PolymarketBookSession.Outcome outcome = polymarket.onFrame(frame, 0, length, at);
            if (lifecycle != null
                    && outcome == PolymarketBookSession.Outcome.IGNORED
                    && contains(frame, length, MARKET_RESOLVED)) {
                lifecycle.onPolymarketResolved(new String(frame, 0, length), at);
            }
        }
        return true;
    }

    private void onConnectionEvent(boolean kalshiVenue, String event, long recvNanos) {
        boolean connected = event.equals("connected");
        if (!connected && !event.equals("disconnected")) {
            return; // other connection events carry nothing for the books
        }
        if (kalshiVenue) {
            if (connected) {
                kalshi.onConnected(recvNanos);
            } else {
                kalshi.onDisconnected("capture: disconnected", recvNanos);
            }
        } else if (!connected) {
            polymarket.onDisconnected("capture: disconnected", recvNanos);
        }
    }

    private static boolean contains(char[] text, int length, char[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (text[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Every line that was a frame or was malformed (connection events are not frames). */
    public long frames() {
        return frames;
    }

    /** Lines and frames that could not be read. */
    public long malformed() {
        return malformedLines + kalshi.malformed() + polymarket.malformed();
    }

    /** Frames read and handed to a session without being found malformed. */
    public long readFrames() {
        return frames - malformed();
    }

    /** Why frames were skipped, both venues' reasons summed; a line that is no capture line is {@code capture_line}. */
    public Map<String, Long> malformedByReason() {
        Map<String, Long> reasons = new TreeMap<>();
        if (malformedLines > 0) {
            reasons.put("capture_line", malformedLines);
        }
        kalshi.counters().malformedByReason().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        polymarket.counters().malformedByReason().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return reasons;
    }

    /** Kalshi books that diverged from the venue's plus crossed Polymarket books. */
    public long divergedBooks() {
        return kalshi.diverged() + polymarket.crossedBooks();
    }

    public long gaps() {
        return kalshi.gaps();
    }

    public long duplicates() {
        return kalshi.duplicates();
    }
}

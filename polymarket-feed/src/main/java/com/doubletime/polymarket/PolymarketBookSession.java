package com.doubletime.polymarket;

import com.doubletime.domain.MarketDataListener;
import com.doubletime.domain.Platform;
import com.doubletime.feed.MalformedFrameException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one market-channel connection's frames into domain book updates, in frame order: a {@code book}
 * replaces the asset's book (and makes it fresh), each {@code price_change} entry sets a level's absolute
 * size (zero removes it), a {@code tick_size_change} updates the asset's tick. Used by the live feed and
 * by the replay tool.
 */
public final class PolymarketBookSession {
    /** What became of a frame. */
    public enum Outcome {
        APPLIED,
        PONG,
        MALFORMED,
        IGNORED
    }

    private final PolymarketFrameParser parser = new PolymarketFrameParser();
    private final MarketDataListener listener;
    private final Map<String, Long> tickSizes = new HashMap<>();
    private String lastError;
    private long frames;
    private long malformed;

    public PolymarketBookSession(MarketDataListener listener) {
        this.listener = listener;
    }

    public void onDisconnected(String reason, long atNanos) {
        listener.onVenueDisconnected(Platform.POLYMARKET, reason, atNanos);
        listener.onFrameEnd(Platform.POLYMARKET, atNanos);
    }

    public Outcome onFrame(String frame, long receivedAtNanos) {
        frames++;
        try {
            parser.parse(frame);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
        return apply(receivedAtNanos);
    }

    /** The same for a frame held in a char array (replay), without making a String of it. */
    public Outcome onFrame(char[] frame, int offset, int length, long receivedAtNanos) {
        frames++;
        try {
            parser.parse(frame, offset, length);
        } catch (MalformedFrameException e) {
            return onMalformed(e);
        }
        return apply(receivedAtNanos);
    }

    private Outcome onMalformed(MalformedFrameException e) {
        malformed++;
        lastError = e.getMessage();
        return Outcome.MALFORMED;
    }

    private Outcome apply(long receivedAtNanos) {
        if (parser.isPong()) {
            return Outcome.PONG;
        }
        int updates = parser.updateCount();
        for (int i = 0; i < updates; i++) {
            PolymarketUpdate update = parser.update(i);
            switch (update.kind()) {
                case BOOK ->
                    listener.onSnapshot(
                            Platform.POLYMARKET, update.assetId(), update.bids(), update.asks(), receivedAtNanos);
                case LEVEL ->
                    listener.onLevel(
                            Platform.POLYMARKET,
                            update.assetId(),
                            update.side(),
                            update.price(),
                            update.size(),
                            true,
                            receivedAtNanos);
                case TICK_SIZE -> tickSizes.put(update.assetId(), update.tickSize());
            }
        }
        listener.onFrameEnd(Platform.POLYMARKET, receivedAtNanos);
        return updates > 0 ? Outcome.APPLIED : Outcome.IGNORED;
    }

    /** The frame just handled (its updates), for the live feed's checks; overwritten by the next frame. */
    public PolymarketFrameParser lastFrame() {
        return parser;
    }

    /** The asset's tick size if the venue changed it during this session. */
    public Long tickSize(String assetId) {
        return tickSizes.get(assetId);
    }

    public String lastError() {
        return lastError;
    }

    public long frames() {
        return frames;
    }

    public long malformed() {
        return malformed;
    }
}

package com.doubletime.domain.event;

import com.doubletime.domain.Platform;
import java.util.List;

/**
 * One feed instance's health, published about once a second on the bus for the gateway and the metrics.
 * Several instances may share a venue (scale-out): each reports only the instruments it streams, and the
 * gateway puts the venue's picture together from all of them.
 *
 * @param instanceId          the reporting instance, unique in the cluster (the venue's name for a feed that
 *                            streams the whole venue alone)
 * @param connected           the WebSocket is open (subscriptions may still be in flight)
 * @param lastFrameAtMillis   epoch milliseconds of the last frame received, {@code 0} before the first
 * @param lastFrameAgeMillis  how long ago that was when this snapshot was taken, {@code -1} before the first
 * @param frames              frames received since the feed started, across reconnects
 * @param malformed           frames that could not be parsed and were skipped
 * @param gaps                sequence gaps seen (Kalshi; always 0 for venues without sequence numbers)
 * @param duplicates          frames dropped as already seen (Kalshi)
 * @param reconnects          reconnect attempts after the first connection attempt
 * @param instruments         the instruments this instance streams now, sorted
 * @param staleInstruments    those of {@code instruments} whose book cannot be used now (no snapshot yet, gap,
 *                            disconnect), sorted
 * @param lastError           the last connection, protocol or parse error, or {@code null}
 */
public record FeedHealth(
        Platform venue,
        String instanceId,
        boolean connected,
        long lastFrameAtMillis,
        long lastFrameAgeMillis,
        long frames,
        long malformed,
        long gaps,
        long duplicates,
        long reconnects,
        List<String> instruments,
        List<String> staleInstruments,
        String lastError) {
    public FeedHealth {
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("feed health of " + venue + " names no instance");
        }
        instruments = List.copyOf(instruments);
        staleInstruments = List.copyOf(staleInstruments);
    }
}

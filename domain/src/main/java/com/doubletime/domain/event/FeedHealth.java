package com.doubletime.domain.event;

import com.doubletime.domain.Platform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param malformedByReason   {@code malformed} split by reason ({@code price_out_of_range},
 *                            {@code legacy_price_change}, …), reasons never seen left out
 * @param divergedBooks       books found diverged from the venue's (a Kalshi level driven below zero, a
 *                            crossed Polymarket book), marked stale and resynced
 * @param refusedInstruments  configured instruments the venue refused to stream (Kalshi error 11, an unknown
 *                            market), sorted: never subscribed, so never fresh
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
        String lastError,
        Map<String, Long> malformedByReason,
        long divergedBooks,
        List<String> refusedInstruments) {
    public FeedHealth {
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("feed health of " + venue + " names no instance");
        }
        instruments = List.copyOf(instruments);
        staleInstruments = List.copyOf(staleInstruments);
        malformedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(malformedByReason));
        refusedInstruments = List.copyOf(refusedInstruments);
    }
}

package com.doubletime.gateway;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The latest {@link FeedHealth} of each venue, as {@code GET /api/feeds/health} shows it (per venue, and per
 * configured market: is its book usable now) and as the feed meters read it. The feeds publish their
 * counters about once a second; the meters follow those counters, so a scrape is at most a second behind.
 * Single writer: the gateway's event loop.
 */
final class FeedHealthBoard {
    private final Map<Platform, FeedHealth> latest = new EnumMap<>(Platform.class);
    private final Map<Platform, Long> receivedAtMillis = new EnumMap<>(Platform.class);

    void update(FeedHealth health, long nowMillis) {
        latest.put(health.venue(), health);
        receivedAtMillis.put(health.venue(), nowMillis);
    }

    /** One venue's health in the API's JSON form; the last-frame age is worked out now, not when reported. */
    static JsonObject venueJson(FeedHealth h, long nowMillis) {
        return new JsonObject()
                .put("venue", h.venue().wireName())
                .put("connected", h.connected())
                .put("lastFrameAtMillis", h.lastFrameAtMillis())
                .put(
                        "lastFrameAgeMillis",
                        h.lastFrameAtMillis() == 0 ? -1 : Math.max(0, nowMillis - h.lastFrameAtMillis()))
                .put("frames", h.frames())
                .put("malformed", h.malformed())
                .put("gaps", h.gaps())
                .put("duplicates", h.duplicates())
                .put("reconnects", h.reconnects())
                .put("staleMarkets", h.staleInstruments().size())
                .put("staleInstruments", new JsonArray(List.copyOf(h.staleInstruments())))
                .put("lastError", h.lastError())
                .put("malformedByReason", new JsonObject(new LinkedHashMap<>(h.malformedByReason())))
                .put("divergedBooks", h.divergedBooks())
                .put("refusedInstruments", new JsonArray(List.copyOf(h.refusedInstruments())));
    }

    /** Per venue, then per market of the configured pairs: which pair uses it and whether its book is usable. */
    JsonObject json(List<MarketPair> pairs, long nowMillis) {
        JsonObject venues = new JsonObject();
        for (Platform venue : Platform.values()) {
            FeedHealth h = latest.get(venue);
            venues.put(
                    venue.wireName(),
                    h == null
                            ? new JsonObject().put("venue", venue.wireName()).put("reported", false)
                            : venueJson(h, nowMillis)
                                    .put("reported", true)
                                    .put("reportAgeMillis", nowMillis - receivedAtMillis.get(venue)));
        }
        JsonArray markets = new JsonArray();
        for (MarketPair pair : pairs) {
            markets.add(market(Platform.KALSHI, pair.kalshiTicker(), pair.id(), "kalshi"));
            markets.add(market(Platform.POLYMARKET, pair.yesTokenId(), pair.id(), "polymarket YES"));
            markets.add(market(Platform.POLYMARKET, pair.noTokenId(), pair.id(), "polymarket NO"));
        }
        return new JsonObject().put("venues", venues).put("markets", markets);
    }

    private JsonObject market(Platform venue, String instrument, String pairId, String role) {
        FeedHealth h = latest.get(venue);
        Set<String> stale = h == null ? Set.of() : new HashSet<>(h.staleInstruments());
        // a market the venue refused is never subscribed, whatever its staleness says
        boolean refused = h != null && h.refusedInstruments().contains(instrument);
        boolean usable = h != null && h.connected() && !stale.contains(instrument) && !refused;
        return new JsonObject()
                .put("venue", venue.wireName())
                .put("instrument", instrument)
                .put("pairId", pairId)
                .put("role", role)
                .put("stale", !usable)
                .put("subscribed", !refused);
    }

    /**
     * Frames, malformed frames, gaps and reconnects per venue (counters), stale markets and connection (gauges).
     * Returned so the gateway removes them when it stops: they read this board, and a later gateway in the
     * same JVM must not find them still bound to a dead one.
     */
    List<Meter> registerMeters(MeterRegistry registry) {
        List<Meter> meters = new java.util.ArrayList<>();
        for (Platform venue : Platform.values()) {
            String tag = venue.wireName();
            meters.add(
                    counter(registry, "dt.feed.frames", tag, "WebSocket frames received", venue, FeedHealth::frames));
            meters.add(counter(
                    registry,
                    "dt.feed.malformed.frames",
                    tag,
                    "frames that could not be parsed",
                    venue,
                    FeedHealth::malformed));
            meters.add(counter(registry, "dt.feed.gaps", tag, "sequence gaps", venue, FeedHealth::gaps));
            meters.add(
                    counter(registry, "dt.feed.reconnects", tag, "reconnect attempts", venue, FeedHealth::reconnects));
            meters.add(Gauge.builder(
                            "dt.feed.stale.markets",
                            this,
                            b -> read(b, venue, h -> h.staleInstruments().size()))
                    .tag("venue", tag)
                    .description("configured books that cannot be traded now")
                    .strongReference(true)
                    .register(registry));
            meters.add(Gauge.builder("dt.feed.connected", this, b -> read(b, venue, h -> h.connected() ? 1 : 0))
                    .tag("venue", tag)
                    .description("1 while the venue's WebSocket is open")
                    .strongReference(true)
                    .register(registry));
        }
        return meters;
    }

    private Meter counter(
            MeterRegistry registry,
            String name,
            String tag,
            String description,
            Platform venue,
            java.util.function.ToLongFunction<FeedHealth> value) {
        return FunctionCounter.builder(name, this, b -> read(b, venue, h -> value.applyAsLong(h)))
                .tag("venue", tag)
                .description(description)
                .register(registry);
    }

    private static double read(FeedHealthBoard board, Platform venue, ToDoubleFunction<FeedHealth> value) {
        FeedHealth h = board.latest.get(venue);
        return h == null ? 0 : value.applyAsDouble(h);
    }
}

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The latest {@link FeedHealth} of every feed instance, as {@code GET /api/feeds/health} shows it and as the
 * feed meters read it. A venue may be streamed by several instances, each holding part of its markets, so
 * the venue's picture is their union: a market is usable when a live instance holds it, is connected and has
 * its book; it is stale otherwise, including while nobody holds it (its holder died and the lease has not
 * been taken over yet). The feeds report about once a second, so a scrape is at most a second behind.
 * Single writer: the gateway's event loop.
 */
final class FeedHealthBoard {
    /** A feed reports every second: after three missed reports its holdings no longer count. */
    static final long LIVE_MILLIS = 3_000;
    /** An instance silent this long is forgotten; what it counted stays in the venue's totals. */
    static final long FORGET_MILLIS = 60_000;

    private record Report(FeedHealth health, long receivedAtMillis) {
        boolean live(long nowMillis) {
            return nowMillis - receivedAtMillis < LIVE_MILLIS;
        }
    }

    /** Per venue, each instance's latest report by instance id. */
    private final Map<Platform, Map<String, Report>> reports = new EnumMap<>(Platform.class);
    /**
     * Per venue, a pseudo-report whose counters are those of the forgotten instances added up, so the venue's
     * counters never go back when an instance is forgotten.
     */
    private final Map<Platform, FeedHealth> retired = new EnumMap<>(Platform.class);

    void update(FeedHealth health, long nowMillis) {
        reports.computeIfAbsent(health.venue(), v -> new TreeMap<>())
                .put(health.instanceId(), new Report(health, nowMillis));
        forgetSilent(nowMillis);
    }

    /** One instance's report in the API's JSON form; the last-frame age is worked out now, not when reported. */
    static JsonObject venueJson(FeedHealth h, long nowMillis) {
        return new JsonObject()
                .put("venue", h.venue().wireName())
                .put("instanceId", h.instanceId())
                .put("connected", h.connected())
                .put("lastFrameAtMillis", h.lastFrameAtMillis())
                .put("lastFrameAgeMillis", frameAge(h.lastFrameAtMillis(), nowMillis))
                .put("frames", h.frames())
                .put("malformed", h.malformed())
                .put("gaps", h.gaps())
                .put("duplicates", h.duplicates())
                .put("reconnects", h.reconnects())
                .put("instruments", new JsonArray(List.copyOf(h.instruments())))
                .put("staleMarkets", h.staleInstruments().size())
                .put("staleInstruments", new JsonArray(List.copyOf(h.staleInstruments())))
                .put("lastError", h.lastError())
                .put("malformedByReason", new JsonObject(new LinkedHashMap<>(h.malformedByReason())))
                .put("divergedBooks", h.divergedBooks())
                .put("refusedInstruments", new JsonArray(List.copyOf(h.refusedInstruments())));
    }

    /**
     * Per venue (the union of its instances, and each instance), then per market of the configured pairs: which
     * pair uses it, which live instance holds it, and whether its book is usable.
     */
    JsonObject json(List<MarketPair> pairs, long nowMillis) {
        forgetSilent(nowMillis);
        JsonObject venues = new JsonObject();
        for (Platform venue : Platform.values()) {
            venues.put(venue.wireName(), venueUnion(venue, configured(pairs, venue), nowMillis));
        }
        JsonArray markets = new JsonArray();
        for (MarketPair pair : pairs) {
            markets.add(market(Platform.KALSHI, pair.kalshiTicker(), pair.id(), "kalshi", nowMillis));
            markets.add(market(Platform.POLYMARKET, pair.yesTokenId(), pair.id(), "polymarket YES", nowMillis));
            markets.add(market(Platform.POLYMARKET, pair.noTokenId(), pair.id(), "polymarket NO", nowMillis));
        }
        return new JsonObject().put("venues", venues).put("markets", markets);
    }

    private JsonObject venueUnion(Platform venue, Collection<String> configured, long nowMillis) {
        JsonObject out = new JsonObject().put("venue", venue.wireName());
        Map<String, Report> known = reports.getOrDefault(venue, Map.of());
        if (known.isEmpty()) {
            return out.put("reported", false);
        }
        List<Report> live = live(venue, nowMillis);
        long lastFrameAt = 0;
        long freshestReport = Long.MIN_VALUE;
        String lastError = null;
        JsonArray instances = new JsonArray();
        for (Report report : known.values()) {
            FeedHealth h = report.health();
            lastFrameAt = Math.max(lastFrameAt, h.lastFrameAtMillis());
            freshestReport = Math.max(freshestReport, report.receivedAtMillis());
            boolean isLive = report.live(nowMillis);
            if (isLive && h.lastError() != null && lastError == null) {
                lastError = h.instanceId() + ": " + h.lastError();
            }
            instances.add(venueJson(h, nowMillis)
                    .put("live", isLive)
                    .put("reportAgeMillis", nowMillis - report.receivedAtMillis()));
        }
        Set<String> instruments = new TreeSet<>(configured);
        known.values().forEach(r -> {
            instruments.addAll(r.health().instruments());
            instruments.addAll(r.health().staleInstruments());
        });
        Set<String> refused = new TreeSet<>();
        live.forEach(r -> refused.addAll(r.health().refusedInstruments()));
        List<String> stale = new ArrayList<>();
        JsonObject heldBy = new JsonObject();
        for (String instrument : instruments) {
            if (!usable(live, instrument)) {
                stale.add(instrument);
            }
            List<String> holders = holders(live, instrument);
            if (!holders.isEmpty()) {
                heldBy.put(instrument, new JsonArray(holders));
            }
        }
        return out.put("reported", true)
                .put("liveInstances", live.size())
                .put(
                        "connected",
                        !live.isEmpty()
                                && live.stream().allMatch(r -> r.health().connected()))
                .put("lastFrameAtMillis", lastFrameAt)
                .put("lastFrameAgeMillis", frameAge(lastFrameAt, nowMillis))
                .put("frames", total(venue, FeedHealth::frames))
                .put("malformed", total(venue, FeedHealth::malformed))
                .put("gaps", total(venue, FeedHealth::gaps))
                .put("duplicates", total(venue, FeedHealth::duplicates))
                .put("reconnects", total(venue, FeedHealth::reconnects))
                .put("divergedBooks", total(venue, FeedHealth::divergedBooks))
                .put("malformedByReason", malformedByReason(known.values()))
                .put("refusedInstruments", new JsonArray(List.copyOf(refused)))
                .put("staleMarkets", stale.size())
                .put("staleInstruments", new JsonArray(stale))
                .put("heldBy", heldBy)
                .put("lastError", lastError)
                .put("reportAgeMillis", nowMillis - freshestReport)
                .put("instances", instances);
    }

    private JsonObject market(Platform venue, String instrument, String pairId, String role, long nowMillis) {
        List<Report> live = live(venue, nowMillis);
        return new JsonObject()
                .put("venue", venue.wireName())
                .put("instrument", instrument)
                .put("pairId", pairId)
                .put("role", role)
                .put("heldBy", new JsonArray(holders(live, instrument)))
                .put("stale", !usable(live, instrument))
                .put("subscribed", !refused(live, instrument));
    }

    /** A market the venue refused is never subscribed, whatever its staleness says. */
    private static boolean refused(List<Report> live, String instrument) {
        return live.stream().anyMatch(r -> r.health().refusedInstruments().contains(instrument));
    }

    /** The instances' malformed frames by reason, added up. */
    private static JsonObject malformedByReason(Collection<Report> reports) {
        Map<String, Long> sum = new LinkedHashMap<>();
        reports.forEach(
                r -> r.health().malformedByReason().forEach((reason, count) -> sum.merge(reason, count, Long::sum)));
        return new JsonObject(new LinkedHashMap<>(sum));
    }

    /** Held by a live instance that is connected and has the book. */
    private static boolean usable(List<Report> live, String instrument) {
        for (Report report : live) {
            FeedHealth h = report.health();
            if (h.connected()
                    && h.instruments().contains(instrument)
                    && !h.staleInstruments().contains(instrument)
                    && !h.refusedInstruments().contains(instrument)) {
                return true;
            }
        }
        return false;
    }

    /** Normally one; none while a market is handed over, two only in the hand-over's narrow windows. */
    private static List<String> holders(List<Report> live, String instrument) {
        List<String> holders = new ArrayList<>();
        for (Report report : live) {
            if (report.health().instruments().contains(instrument)) {
                holders.add(report.health().instanceId());
            }
        }
        return holders;
    }

    private List<Report> live(Platform venue, long nowMillis) {
        List<Report> live = new ArrayList<>();
        for (Report report : reports.getOrDefault(venue, Map.of()).values()) {
            if (report.live(nowMillis)) {
                live.add(report);
            }
        }
        return live;
    }

    private static Collection<String> configured(List<MarketPair> pairs, Platform venue) {
        List<String> instruments = new ArrayList<>();
        for (MarketPair pair : pairs) {
            if (venue == Platform.KALSHI) {
                instruments.add(pair.kalshiTicker());
            } else {
                instruments.add(pair.yesTokenId());
                instruments.add(pair.noTokenId());
            }
        }
        return instruments;
    }

    /** What every instance of the venue has counted, those forgotten included. */
    private long total(Platform venue, ToLongFunction<FeedHealth> counter) {
        FeedHealth gone = retired.get(venue);
        long sum = gone == null ? 0 : counter.applyAsLong(gone);
        for (Report report : reports.getOrDefault(venue, Map.of()).values()) {
            sum += counter.applyAsLong(report.health());
        }
        return sum;
    }

    private void forgetSilent(long nowMillis) {
        reports.forEach((venue, byInstance) -> {
            for (Iterator<Report> it = byInstance.values().iterator(); it.hasNext(); ) {
                Report report = it.next();
                if (nowMillis - report.receivedAtMillis() >= FORGET_MILLIS) {
                    retire(venue, report.health());
                    it.remove();
                }
            }
        });
    }

    private void retire(Platform venue, FeedHealth h) {
        FeedHealth gone = retired.get(venue);
        retired.put(
                venue,
                gone == null
                        ? h
                        : new FeedHealth(
                                venue,
                                "retired",
                                false,
                                0,
                                -1,
                                gone.frames() + h.frames(),
                                gone.malformed() + h.malformed(),
                                gone.gaps() + h.gaps(),
                                gone.duplicates() + h.duplicates(),
                                gone.reconnects() + h.reconnects(),
                                List.of(),
                                List.of(),
                                null,
                                Map.of(),
                                gone.divergedBooks() + h.divergedBooks(),
                                List.of()));
    }

    private static long frameAge(long lastFrameAtMillis, long nowMillis) {
        return lastFrameAtMillis == 0 ? -1 : Math.max(0, nowMillis - lastFrameAtMillis);
    }

    /**
     * Frames, malformed frames, gaps and reconnects per venue (counters, summed over its instances), stale
     * markets and connection (gauges, of the union). Returned so the gateway removes them when it stops: they
     * read this board, and a later gateway in the same JVM must not find them still bound to a dead one.
     */
    List<Meter> registerMeters(MeterRegistry registry) {
        List<Meter> meters = new ArrayList<>();
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
                            "dt.feed.stale.markets", this, b -> b.union(venue).getInteger("staleMarkets", 0))
                    .tag("venue", tag)
                    .description("markets of the venue that cannot be traded now")
                    .strongReference(true)
                    .register(registry));
            meters.add(Gauge.builder(
                            "dt.feed.connected", this, b -> b.union(venue).getBoolean("connected", false) ? 1 : 0)
                    .tag("venue", tag)
                    .description("1 while every live instance of the venue's feed has its WebSocket open")
                    .strongReference(true)
                    .register(registry));
        }
        return meters;
    }

    private JsonObject union(Platform venue) {
        return venueUnion(venue, List.of(), System.currentTimeMillis());
    }

    private Meter counter(
            MeterRegistry registry,
            String name,
            String tag,
            String description,
            Platform venue,
            ToLongFunction<FeedHealth> value) {
        return FunctionCounter.builder(name, this, b -> b.total(venue, value))
                .tag("venue", tag)
                .description(description)
                .register(registry);
    }
}

package com.doubletime.bus;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire codec of {@link FeedHealth}. */
public final class FeedHealthCodec extends RecordCodec<FeedHealth> {
    /** Enums by name; 2: the reporting instance and the instruments it streams (1 had neither). */
    private static final int WIRE_VERSION = 2;

    @Override
    public String name() {
        return "dt.FeedHealth";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, FeedHealth health) {
        out.enumName(health.venue())
                .string(health.instanceId())
                .bool(health.connected())
                .longValue(health.lastFrameAtMillis())
                .longValue(health.lastFrameAgeMillis())
                .longValue(health.frames())
                .longValue(health.malformed())
                .longValue(health.gaps())
                .longValue(health.duplicates())
                .longValue(health.reconnects());
        writeList(out, health.instruments());
        writeList(out, health.staleInstruments());
        out.string(health.lastError());
        out.intValue(health.malformedByReason().size());
        health.malformedByReason().forEach((reason, count) -> {
            out.string(reason);
            out.longValue(count);
        });
        out.longValue(health.divergedBooks());
        writeList(out, health.refusedInstruments());
    }

    @Override
    protected FeedHealth read(WireReader in) {
        Platform venue = in.enumValue(Platform.class);
        String instanceId = in.string();
        boolean connected = in.bool();
        long lastFrameAt = in.longValue();
        long lastFrameAge = in.longValue();
        long frames = in.longValue();
        long malformed = in.longValue();
        long gaps = in.longValue();
        long duplicates = in.longValue();
        long reconnects = in.longValue();
        List<String> instruments = readList(in);
        List<String> stale = readList(in);
        String lastError = in.string();
        int reasonCount = in.intValue();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (int i = 0; i < reasonCount; i++) {
            byReason.put(in.string(), in.longValue());
        }
        long diverged = in.longValue();
        List<String> refused = readList(in);
        return new FeedHealth(
                venue,
                instanceId,
                connected,
                lastFrameAt,
                lastFrameAge,
                frames,
                malformed,
                gaps,
                duplicates,
                reconnects,
                instruments,
                stale,
                lastError,
                byReason,
                diverged,
                refused);
    }

    private static void writeList(WireWriter out, List<String> instruments) {
        out.intValue(instruments.size());
        for (String instrument : instruments) {
            out.string(instrument);
        }
    }

    private static List<String> readList(WireReader in) {
        int count = in.intValue();
        List<String> instruments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instruments.add(in.string());
        }
        return instruments;
    }
}

package com.doubletime.bus;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire codec of {@link FeedHealth}. */
public final class FeedHealthCodec extends RecordCodec<FeedHealth> {
    /** Enums by name (version 1 is the first layout with a version byte). */
    private static final int WIRE_VERSION = 1;

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
                .bool(health.connected())
                .longValue(health.lastFrameAtMillis())
                .longValue(health.lastFrameAgeMillis())
                .longValue(health.frames())
                .longValue(health.malformed())
                .longValue(health.gaps())
                .longValue(health.duplicates())
                .longValue(health.reconnects())
                .intValue(health.staleInstruments().size());
        for (String instrument : health.staleInstruments()) {
            out.string(instrument);
        }
        out.string(health.lastError());
        out.intValue(health.malformedByReason().size());
        health.malformedByReason().forEach((reason, count) -> {
            out.string(reason);
            out.longValue(count);
        });
        out.longValue(health.divergedBooks());
        out.intValue(health.refusedInstruments().size());
        for (String instrument : health.refusedInstruments()) {
            out.string(instrument);
        }
    }

    @Override
    protected FeedHealth read(WireReader in) {
        Platform venue = in.enumValue(Platform.class);
        boolean connected = in.bool();
        long lastFrameAt = in.longValue();
        long lastFrameAge = in.longValue();
        long frames = in.longValue();
        long malformed = in.longValue();
        long gaps = in.longValue();
        long duplicates = in.longValue();
        long reconnects = in.longValue();
        int staleCount = in.intValue();
        List<String> stale = new ArrayList<>(staleCount);
        for (int i = 0; i < staleCount; i++) {
            stale.add(in.string());
        }
        String lastError = in.string();
        int reasonCount = in.intValue();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (int i = 0; i < reasonCount; i++) {
            byReason.put(in.string(), in.longValue());
        }
        long diverged = in.longValue();
        int refusedCount = in.intValue();
        List<String> refused = new ArrayList<>(refusedCount);
        for (int i = 0; i < refusedCount; i++) {
            refused.add(in.string());
        }
        return new FeedHealth(
                venue,
                connected,
                lastFrameAt,
                lastFrameAge,
                frames,
                malformed,
                gaps,
                duplicates,
                reconnects,
                stale,
                lastError,
                byReason,
                diverged,
                refused);
    }
}

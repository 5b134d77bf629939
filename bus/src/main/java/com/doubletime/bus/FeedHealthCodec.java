package com.doubletime.bus;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.FeedHealth;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of {@link FeedHealth}. */
public final class FeedHealthCodec extends RecordCodec<FeedHealth> {
    @Override
    public String name() {
        return "dt.FeedHealth";
    }

    @Override
    protected void write(WireWriter out, FeedHealth health) {
        out.byteValue(health.venue().ordinal())
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

    @Override
    protected FeedHealth read(WireReader in) {
        Platform venue = Platform.values()[in.byteValue()];
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
                in.string());
    }
}

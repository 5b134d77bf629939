package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every bus codec must do, run against each one: every sample comes back equal through the cluster wire
 * format (also at an offset inside a larger buffer), the same instance is handed on locally, and a message
 * whose version byte is not this build's is refused before any field is read, naming the codec and both
 * versions.
 */
abstract class RecordCodecContract<T> {
    private static final String PREFIX = "prefix";

    protected abstract RecordCodec<T> codec();

    /** Values covering every variant and optional field of the record (nulls, empty lists, each subtype). */
    protected abstract List<T> samples();

    @Test
    void roundTripsEverySampleThroughTheClusterWireFormat() {
        RecordCodec<T> codec = codec();
        assertFalse(samples().isEmpty());
        for (T sample : samples()) {
            Buffer buffer = Buffer.buffer().appendString(PREFIX);
            codec.encodeToWire(buffer, sample);
            assertEquals(sample, codec.decodeFromWire(PREFIX.length(), buffer));
        }
    }

    @Test
    void handsOnTheSameInstanceLocally() {
        T sample = samples().get(0);
        assertSame(sample, codec().transform(sample));
    }

    @Test
    void refusesAMessageOfAnotherWireVersionNamingTheCodecAndBothVersions() {
        RecordCodec<T> codec = codec();
        Buffer buffer = Buffer.buffer().appendString(PREFIX);
        codec.encodeToWire(buffer, samples().get(0));
        int versionAt = PREFIX.length() + Integer.BYTES;
        int version = buffer.getByte(versionAt);
        assertEquals(codec.wireVersion(), version, "the version byte comes first");
        buffer.setByte(versionAt, (byte) (version + 1));

        WireVersionException refused =
                assertThrows(WireVersionException.class, () -> codec.decodeFromWire(PREFIX.length(), buffer));

        assertEquals(codec.name(), refused.codec());
        assertEquals(version + 1, refused.received());
        assertEquals(version, refused.expected());
        assertTrue(
                refused.getMessage()
                        .startsWith(codec.name() + ": wire version " + (version + 1) + " received, this build reads "
                                + "version " + version),
                refused.getMessage());
    }
}

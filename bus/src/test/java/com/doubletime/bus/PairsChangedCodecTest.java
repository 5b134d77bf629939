package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.PairsChanged;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairsChangedCodecTest extends RecordCodecContract<PairsChanged> {
    private final PairsChangedCodec codec = new PairsChangedCodec();

    @Override
    protected RecordCodec<PairsChanged> codec() {
        return codec;
    }

    @Override
    protected List<PairsChanged> samples() {
        return List.of(sample(), new PairsChanged(List.of(), List.of(), List.of()));
    }

    @Test
    void roundTripsThroughTheClusterWireFormat() {
        PairsChanged change = sample();

        Buffer buffer = Buffer.buffer().appendString("xy");
        codec.encodeToWire(buffer, change);

        assertEquals(change, codec.decodeFromWire(2, buffer));
        assertSame(change, codec.transform(change));
    }

    private static PairsChanged sample() {
        MarketPair a = new MarketPair(
                "a",
                "A",
                "KX-A",
                70_000,
                "0xa",
                "1",
                "2",
                40_000,
                10_000,
                5_000_000,
                false,
                Polarity.SAME,
                10_000,
                MarketPair.UNLIMITED);
        MarketPair b = new MarketPair(
                "b", "", "KX-B", 0, "0xb", "3", "4", 0, 1_000, 0, true, Polarity.INVERSE, 0, 500_000_000);
        return new PairsChanged(List.of(a, b), List.of(b), List.of(a));
    }
}

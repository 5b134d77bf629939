package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.event.PairsChanged;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairsChangedCodecTest {
    private final PairsChangedCodec codec = new PairsChangedCodec();

    @Test
    void roundTripsThroughTheClusterWireFormat() {
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
        PairsChanged change = new PairsChanged(List.of(a, b), List.of(b), List.of(a));

        Buffer buffer = Buffer.buffer().appendString("xy");
        codec.encodeToWire(buffer, change);

        assertEquals(change, codec.decodeFromWire(2, buffer));
        assertSame(change, codec.transform(change));
    }
}

package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketStatusChangedCodecTest {
    private final MarketStatusChangedCodec codec = new MarketStatusChangedCodec();

    @Test
    void roundTripsEveryStatusWithAndWithoutAResolution() {
        List<MarketStatusChanged> events = List.of(
                new MarketStatusChanged(
                        new MarketView(
                                Platform.KALSHI,
                                "KXFED-26DEC-C25",
                                MarketStatus.OPEN,
                                1_797_000_000_000L,
                                1_797_400_000_000L,
                                2,
                                null),
                        "rest",
                        1_796_000_000_000L),
                new MarketStatusChanged(
                        new MarketView(
                                Platform.KALSHI,
                                "KXFED-26DEC-C25",
                                MarketStatus.DETERMINED,
                                1,
                                2,
                                0,
                                new Resolution(FixedPoint.parse("0.5"), "scalar")),
                        "lifecycle:determined",
                        5),
                new MarketStatusChanged(
                        new MarketView(
                                Platform.POLYMARKET,
                                "0x5f65",
                                MarketStatus.SETTLED,
                                MarketView.UNKNOWN,
                                MarketView.UNKNOWN,
                                MarketView.NO_SHARD,
                                Resolution.NO),
                        "market_resolved",
                        6));
        for (MarketStatusChanged event : events) {
            Buffer buffer = Buffer.buffer().appendString("xy");
            codec.encodeToWire(buffer, event);
            assertEquals(event, codec.decodeFromWire(2, buffer));
            assertSame(event, codec.transform(event));
        }
    }

    @Test
    void anUnknownWireVersionIsRefused() {
        Buffer buffer = Buffer.buffer();
        codec.encodeToWire(
                buffer,
                new MarketStatusChanged(
                        new MarketView(Platform.KALSHI, "T", MarketStatus.PAUSED, 0, 0, 0, null), "rest", 0));
        buffer.setByte(4, (byte) 99);
        assertThrows(IllegalStateException.class, () -> codec.decodeFromWire(0, buffer));
    }

    @Test
    void theResendRequestRoundTrips() {
        MarketStatusRequestCodec requests = new MarketStatusRequestCodec();
        Buffer buffer = Buffer.buffer();
        requests.encodeToWire(buffer, new MarketStatusRequest("monitor"));
        assertEquals(new MarketStatusRequest("monitor"), requests.decodeFromWire(0, buffer));
    }
}

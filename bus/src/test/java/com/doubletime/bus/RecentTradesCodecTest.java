package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.bus.protocol.RecentTrades;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTradesCodecTest extends RecordCodecContract<RecentTrades> {
    @Override
    protected RecordCodec<RecentTrades> codec() {
        return new RecentTradesCodec();
    }

    @Override
    protected List<RecentTrades> samples() {
        return List.of(
                new RecentTrades(List.of(BusSamples.filledTrade(), BusSamples.rejectedLiveTrade())),
                new RecentTrades(List.of()));
    }

    @Test
    void eachReportCarriesItsOwnCodecsVersion() {
        Buffer buffer = Buffer.buffer();
        codec().encodeToWire(buffer, samples().get(0));
        int reportVersionAt = Integer.BYTES + 1 + Integer.BYTES; // length, own version, count
        buffer.setByte(reportVersionAt, (byte) (buffer.getByte(reportVersionAt) + 1));

        WireVersionException refused =
                assertThrows(WireVersionException.class, () -> codec().decodeFromWire(0, buffer));

        assertTrue(refused.getMessage().startsWith("dt.TradeReport: wire version 3"), refused.getMessage());
    }
}

package com.doubletime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.trade.TradeReport;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeReportCodecTest extends RecordCodecContract<TradeReport> {
    @Override
    protected RecordCodec<TradeReport> codec() {
        return new TradeReportCodec();
    }

    @Override
    protected List<TradeReport> samples() {
        return List.of(
                BusSamples.filledTrade(),
                BusSamples.rejectedLiveTrade(),
                BusSamples.filledTrade().settled(new BigDecimal("2.953800")));
    }

    @Test
    void keepsTheScaleOfEveryAmount() {
        Buffer buffer = Buffer.buffer();
        codec().encodeToWire(buffer, BusSamples.filledTrade());

        TradeReport back = codec().decodeFromWire(0, buffer);

        assertEquals(new BigDecimal("1.49620"), back.polymarket().fee());
        assertEquals(new BigDecimal("2.55"), back.kalshi().fee());
    }
}

package com.doubletime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.doubletime.bus.TradeReportCodec;
import com.doubletime.domain.trade.TradeReport;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class TradeReportCodecTest {
    @Test
    void roundTripsATradeReportOverTheWire() {
        TradeReportCodec codec = new TradeReportCodec();
        TradeReport report = TradeJournalJsonTest.report;
        Buffer buffer = Buffer.buffer().appendString("prefix");
        codec.encodeToWire(buffer, report);

        TradeReport back = codec.decodeFromWire(6, buffer);

        assertEquals(report, back);
    }

    @Test
    void handsOnTheSameInstanceLocally() {
        assertSame(TradeJournalJsonTest.report, new TradeReportCodec().transform(TradeJournalJsonTest.report));
    }
}

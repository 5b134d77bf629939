package com.doubletime.bus;

import com.doubletime.bus.protocol.RecentTrades;
import com.doubletime.domain.trade.TradeReport;
import java.util.ArrayList;
import java.util.List;

/** Wire codec of {@link RecentTrades}: each report as {@link TradeReportCodec} writes it, with its version. */
public final class RecentTradesCodec extends RecordCodec<RecentTrades> {
    private static final int WIRE_VERSION = 1;
    private final TradeReportCodec reports = new TradeReportCodec();

    @Override
    public String name() {
        return "dt.RecentTrades";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, RecentTrades recent) {
        out.intValue(recent.trades().size());
        for (TradeReport report : recent.trades()) {
            reports.writeNested(out, report);
        }
    }

    @Override
    protected RecentTrades read(WireReader in) {
        int count = in.intValue();
        List<TradeReport> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(reports.readNested(in));
        }
        return new RecentTrades(trades);
    }
}

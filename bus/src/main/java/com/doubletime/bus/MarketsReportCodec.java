package com.doubletime.bus;

import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.bus.protocol.MarketsReport.MarketQuote;
import com.doubletime.domain.Direction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Wire codec of {@link MarketsReport}; each direction's edge by the direction's name. */
public final class MarketsReportCodec extends RecordCodec<MarketsReport> {
    private static final int WIRE_VERSION = 1;

    @Override
    public String name() {
        return "dt.MarketsReport";
    }

    @Override
    protected int wireVersion() {
        return WIRE_VERSION;
    }

    @Override
    protected void write(WireWriter out, MarketsReport report) {
        out.intValue(report.markets().size());
        for (MarketQuote quote : report.markets()) {
            out.string(quote.pairId())
                    .bool(quote.fresh())
                    .string(quote.kalshiTicker())
                    .longValue(quote.kalshiYesAsk())
                    .longValue(quote.kalshiNoAsk())
                    .longValue(quote.polymarketYesAsk())
                    .longValue(quote.polymarketNoAsk())
                    .intValue(quote.grossEdge().size());
            for (Map.Entry<Direction, Long> edge : new EnumMap<>(quote.grossEdge()).entrySet()) {
                out.enumName(edge.getKey()).longValue(edge.getValue());
            }
        }
    }

    @Override
    protected MarketsReport read(WireReader in) {
        int count = in.intValue();
        List<MarketQuote> markets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pairId = in.string();
            boolean fresh = in.bool();
            String ticker = in.string();
            long kalshiYes = in.longValue();
            long kalshiNo = in.longValue();
            long polymarketYes = in.longValue();
            long polymarketNo = in.longValue();
            int edges = in.intValue();
            Map<Direction, Long> grossEdge = new EnumMap<>(Direction.class);
            for (int e = 0; e < edges; e++) {
                grossEdge.put(in.enumValue(Direction.class), in.longValue());
            }
            markets.add(new MarketQuote(
                    pairId, fresh, ticker, kalshiYes, kalshiNo, polymarketYes, polymarketNo, grossEdge));
        }
        return new MarketsReport(markets);
    }
}

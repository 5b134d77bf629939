package com.doubletime.bus.protocol;

import com.doubletime.domain.Direction;
import java.util.List;
import java.util.Map;

/**
 * Each pair's best asks on both venues and the gross edge of each direction at the top of the books
 * ({@code 1 − Kalshi ask − Polymarket ask}, before fees and depth), for the dashboard. Prices are
 * {@link com.doubletime.domain.FixedPoint}; {@link #NONE} where a side has no ask.
 */
public record MarketsReport(List<MarketQuote> markets) {
    /** No price: the side has no ask (or, for an edge, one of its asks is missing). */
    public static final long NONE = Long.MIN_VALUE;

    public MarketsReport {
        markets = List.copyOf(markets);
    }

    /** @param grossEdge per direction, in {@link Direction#values()} order */
    public record MarketQuote(
            String pairId,
            boolean fresh,
            String kalshiTicker,
            long kalshiYesAsk,
            long kalshiNoAsk,
            long polymarketYesAsk,
            long polymarketNoAsk,
            Map<Direction, Long> grossEdge) {
        public MarketQuote {
            grossEdge = Map.copyOf(grossEdge);
        }
    }
}

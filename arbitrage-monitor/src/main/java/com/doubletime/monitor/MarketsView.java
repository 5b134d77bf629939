package com.doubletime.monitor;

import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MarketState;
import com.doubletime.domain.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each pair's best asks on both venues and the gross edge of each direction at the top of the books
 * ({@code 1 − Kalshi ask − Polymarket ask}, before fees and depth: the detector's opportunity is the real,
 * tradeable number), for the dashboard; {@link MarketsReport#NONE} where a side has no ask.
 */
final class MarketsView {
    private MarketsView() {}

    static MarketsReport report(ArbitrageEngine engine) {
        List<MarketsReport.MarketQuote> markets = new ArrayList<>();
        for (MarketPair pair : engine.pairs()) {
            MarketState state = engine.state(pair.id());
            long kalshiYes = state.kalshiBestAsk(Outcome.YES);
            long kalshiNo = state.kalshiBestAsk(Outcome.NO);
            Map<Direction, Long> edge = new EnumMap<>(Direction.class);
            for (Direction direction : Direction.values()) {
                Outcome kalshiOutcome = direction == Direction.KALSHI_YES_POLYMARKET_NO ? Outcome.YES : Outcome.NO;
                long k = kalshiOutcome == Outcome.YES ? kalshiYes : kalshiNo;
                long m = state.polymarketBestAsk(pair.polymarketOutcomePayingWith(kalshiOutcome.opposite()));
                edge.put(direction, k < 0 || m < 0 ? MarketsReport.NONE : FixedPoint.ONE - k - m);
            }
            markets.add(new MarketsReport.MarketQuote(
                    pair.id(),
                    state.isFresh(),
                    pair.kalshiTicker(),
                    price(kalshiYes),
                    price(kalshiNo),
                    price(state.polymarketBestAsk(Outcome.YES)),
                    price(state.polymarketBestAsk(Outcome.NO)),
                    edge));
        }
        return new MarketsReport(markets);
    }

    private static long price(long price) {
        return price < 0 ? MarketsReport.NONE : price;
    }
}

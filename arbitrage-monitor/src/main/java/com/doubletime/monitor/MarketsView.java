package com.doubletime.monitor;

import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.MarketState;
import com.doubletime.domain.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Each pair's best asks on both venues and the gross edge of each direction at the top of the books
 * ({@code 1 − Kalshi ask − Polymarket ask}, before fees and depth: the detector's opportunity is the real,
 * tradeable number), for the dashboard. Prices are decimal strings; null when a side has no ask.
 */
final class MarketsView {
    private MarketsView() {}

    static JsonObject json(ArbitrageEngine engine) {
        JsonArray markets = new JsonArray();
        for (MarketPair pair : engine.pairs()) {
            MarketState state = engine.state(pair.id());
            long kalshiYes = state.kalshiBestAsk(Outcome.YES);
            long kalshiNo = state.kalshiBestAsk(Outcome.NO);
            long polyYes = state.polymarketBestAsk(Outcome.YES);
            long polyNo = state.polymarketBestAsk(Outcome.NO);
            JsonObject edge = new JsonObject();
            for (Direction direction : Direction.values()) {
                Outcome kalshiOutcome = direction == Direction.KALSHI_YES_POLYMARKET_NO ? Outcome.YES : Outcome.NO;
                long k = kalshiOutcome == Outcome.YES ? kalshiYes : kalshiNo;
                long m = state.polymarketBestAsk(pair.polymarketOutcomePayingWith(kalshiOutcome.opposite()));
                edge.put(direction.name(), k < 0 || m < 0 ? null : FixedPoint.format(FixedPoint.ONE - k - m, 4));
            }
            markets.add(new JsonObject()
                    .put("pairId", pair.id())
                    .put("fresh", state.isFresh())
                    .put(
                            "kalshi",
                            new JsonObject()
                                    .put("ticker", pair.kalshiTicker())
                                    .put("yesAsk", price(kalshiYes))
                                    .put("noAsk", price(kalshiNo)))
                    .put(
                            "polymarket",
                            new JsonObject().put("yesAsk", price(polyYes)).put("noAsk", price(polyNo)))
                    .put("grossEdge", edge));
        }
        return new JsonObject().put("markets", markets);
    }

    private static String price(long price) {
        return price < 0 ? null : FixedPoint.format(price, 4);
    }
}

package com.doubletime.gateway;

import com.doubletime.bus.protocol.MarketsReport;
import com.doubletime.domain.Direction;
import com.doubletime.domain.FixedPoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/markets}: the monitor's {@link MarketsReport}, prices as decimal strings with four decimals,
 * null where a side has no ask.
 */
final class MarketsJson {
    private static final int PRICE_DECIMALS = 4;

    private MarketsJson() {}

    static JsonObject write(MarketsReport report) {
        JsonArray markets = new JsonArray();
        for (MarketsReport.MarketQuote quote : report.markets()) {
            JsonObject edge = new JsonObject();
            for (Direction direction : Direction.values()) {
                edge.put(direction.name(), price(quote.grossEdge().getOrDefault(direction, MarketsReport.NONE)));
            }
            markets.add(new JsonObject()
                    .put("pairId", quote.pairId())
                    .put("fresh", quote.fresh())
                    .put(
                            "kalshi",
                            new JsonObject()
                                    .put("ticker", quote.kalshiTicker())
                                    .put("yesAsk", price(quote.kalshiYesAsk()))
                                    .put("noAsk", price(quote.kalshiNoAsk())))
                    .put(
                            "polymarket",
                            new JsonObject()
                                    .put("yesAsk", price(quote.polymarketYesAsk()))
                                    .put("noAsk", price(quote.polymarketNoAsk())))
                    .put("grossEdge", edge));
        }
        return new JsonObject().put("markets", markets);
    }

    private static String price(long price) {
        return price == MarketsReport.NONE ? null : FixedPoint.format(price, PRICE_DECIMALS);
    }
}

package com.doubletime.kalshi.rest;

import io.vertx.core.json.JsonObject;

/**
 * One entry of {@code GET /markets} (kalshi.md §4.1), the fields the system uses. Prices are FixedPoint
 * dollars, {@link KalshiJson#ABSENT} when the venue sent none.
 *
 * @param priceLevelStructure the tick rule's name; the ticks themselves are in {@code price_ranges}
 * @param exchangeIndex       the shard whose balance the market's orders draw on (kalshi.md §1)
 */
public record KalshiMarket(String ticker, String eventTicker, String status, String marketType, long yesBid,
                           long yesAsk, long lastPrice, String priceLevelStructure, int exchangeIndex) {

    static KalshiMarket fromJson(JsonObject market) {
        return new KalshiMarket(KalshiJson.requiredString(market, "ticker"), market.getString("event_ticker"),
                market.getString("status"), market.getString("market_type"),
                KalshiJson.optionalDecimal(market, "yes_bid_dollars"), KalshiJson.optionalDecimal(market, "yes_ask_dollars"),
                KalshiJson.optionalDecimal(market, "last_price_dollars"), market.getString("price_level_structure"),
                market.getInteger("exchange_index", 0));
    }
}

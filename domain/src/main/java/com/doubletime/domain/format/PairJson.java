package com.doubletime.domain.format;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Polarity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link MarketPair} in the pairs-file shape of contracts §1, as plain maps: what {@code GET /api/pairs}
 * shows, and what {@link com.doubletime.domain.PairsFile#parsePair} reads back to the same pair.
 */
public final class PairJson {
    private PairJson() {}

    public static Map<String, Object> toMap(MarketPair pair) {
        Map<String, Object> kalshi = new LinkedHashMap<>();
        kalshi.put("ticker", pair.kalshiTicker());
        kalshi.put("takerFeeRate", FixedPoint.format(pair.kalshiTakerFeeRate(), 2));
        Map<String, Object> polymarket = new LinkedHashMap<>();
        polymarket.put("conditionId", pair.conditionId());
        polymarket.put("yesTokenId", pair.yesTokenId());
        polymarket.put("noTokenId", pair.noTokenId());
        polymarket.put("takerFeeRate", FixedPoint.format(pair.polymarketTakerFeeRate(), 2));
        polymarket.put("tickSize", FixedPoint.format(pair.tickSize(), 2));
        polymarket.put("minOrderSize", FixedPoint.format(pair.minOrderSize(), 0));
        polymarket.put("negRisk", pair.negRisk());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", pair.id());
        out.put("description", pair.description());
        out.put("kalshi", kalshi);
        out.put("polymarket", polymarket);
        out.put("polarity", pair.polarity() == Polarity.SAME ? "same" : "inverse");
        out.put("minEdge", FixedPoint.format(pair.minEdge(), 2));
        if (pair.maxQuantity() != MarketPair.UNLIMITED) {
            out.put("maxQuantity", FixedPoint.format(pair.maxQuantity(), 0));
        }
        return out;
    }
}

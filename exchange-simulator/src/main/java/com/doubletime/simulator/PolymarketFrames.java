package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Polymarket CLOB shapes: {@code book}, {@code price_change} and the REST {@code /book} summary. Both
 * ladders list the best price LAST (bids ascending, asks descending), as the live venue does.
 */
final class PolymarketFrames {

    // the simulator only quotes; these are the usual values of a binary market on the CLOB
    static final String MIN_ORDER_SIZE = "5";
    static final String TICK_SIZE = "0.01";
    static final String LAST_TRADE_PRICE = "0.5";

    private PolymarketFrames() {}

    /**
     * The REST {@code /book} summary. Its hash follows the official algorithm: SHA-1 of the compact JSON
     * with these keys in this order and {@code "hash":""}.
     */
    static JsonObject summary(String conditionId, String assetId, PolymarketBook book, long timestampMillis) {
        JsonObject summary = new JsonObject()
                .put("market", conditionId)
                .put("asset_id", assetId)
                .put("timestamp", Long.toString(timestampMillis))
                .put("hash", "")
                .put("bids", levels(book.bids().ascending()))
                .put("asks", levels(book.asks().ascending().descendingMap()))
                .put("min_order_size", MIN_ORDER_SIZE)
                .put("tick_size", TICK_SIZE)
                .put("neg_risk", false)
                .put("last_trade_price", LAST_TRADE_PRICE);
        return summary.put("hash", summaryHash(summary));
    }

    /**
     * The official {@code /book} hash: SHA-1 (lower-case hex) of the summary's compact JSON, keys in the
     * summary's order, with {@code "hash":""}.
     */
    static String summaryHash(JsonObject summary) {
        return Sha1.hex(summary.copy().put("hash", "").encode());
    }

    /** The WebSocket {@code book} event, carrying the same hash as the REST summary of that moment. */
    static JsonObject book(String conditionId, String assetId, PolymarketBook book, long timestampMillis) {
        JsonObject summary = summary(conditionId, assetId, book, timestampMillis);
        return new JsonObject()
                .put("event_type", "book")
                .put("market", conditionId)
                .put("asset_id", assetId)
                .put("timestamp", summary.getString("timestamp"))
                .put("hash", summary.getString("hash"))
                .put("bids", summary.getJsonArray("bids"))
                .put("asks", summary.getJsonArray("asks"));
    }

    /** The changes of {@code change} on assets in {@code assets}, or null when none concern them. */
    static JsonObject priceChange(PolymarketPriceChange change, Set<String> assets, long timestampMillis) {
        JsonArray entries = new JsonArray();
        for (PolymarketLevelChange level : change.changes()) {
            if (assets.contains(level.assetId())) {
                entries.add(new JsonObject()
                        .put("asset_id", level.assetId())
                        .put("price", FixedPoint.polymarketPrice(level.price()))
                        .put("size", FixedPoint.polymarketSize(level.size()))
                        .put("side", level.side().name())
                        .put("hash", level.orderHash())
                        .put("best_bid", FixedPoint.polymarketPrice(level.bestBid()))
                        .put("best_ask", FixedPoint.polymarketPrice(level.bestAsk())));
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        return new JsonObject()
                .put("event_type", "price_change")
                .put("market", change.conditionId())
                .put("price_changes", entries)
                .put("timestamp", Long.toString(timestampMillis));
    }

    /**
     * {@code market_resolved} (polymarket.md §2.7): {@code id}, {@code market}, {@code assets_ids},
     * {@code winning_asset_id}, {@code winning_outcome}, {@code timestamp}. A 50/50 resolution has no winning asset:
     * the simulator then sends both fields empty (the venue's form for it is not documented).
     */
    static JsonObject marketResolved(PolymarketMarketState state, long timestampMillis) {
        SimulatedMarket market = state.market;
        boolean split = PolymarketMarketState.SPLIT.equals(state.winnerToken);
        String winner = split ? "" : state.winnerToken;
        String outcome = split ? "" : state.winnerToken.equals(market.yesTokenId()) ? "Yes" : "No";
        return new JsonObject()
                .put("event_type", "market_resolved")
                .put("id", Integer.toString(Math.abs(market.conditionId().hashCode())))
                .put("market", market.conditionId())
                .put("assets_ids", new JsonArray().add(market.yesTokenId()).add(market.noTokenId()))
                .put("winning_asset_id", winner)
                .put("winning_outcome", outcome)
                .put("timestamp", Long.toString(timestampMillis));
    }

    static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }

    private static JsonArray levels(Map<Long, Long> inOrder) {
        JsonArray levels = new JsonArray();
        inOrder.forEach((price, size) -> levels.add(new JsonObject()
                .put("price", FixedPoint.polymarketPrice(price))
                .put("size", FixedPoint.polymarketSize(size))));
        return levels;
    }
}

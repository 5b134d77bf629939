package com.doubletime.polymarket.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.VenueOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /data/trades} (polymarket.md §3.5) into the account's orders: the CLOB lists matches, not orders, so each
 * of our orders is the sum of the matches that name it — as taker ({@code taker_order_id}, the trade's own side, size
 * and price) or as maker (its entry in {@code maker_orders}). Plain functions over JSON, unit-tested without a server.
 */
public final class ClobTrades {
    /** The cursor the CLOB answers after the last page. */
    public static final String LAST_PAGE = "LTE=";

    private ClobTrades() {}

    /** One page's trades; a page without a {@code data} array is malformed (a missing trade is never assumed). */
    public static List<JsonObject> page(JsonObject body) {
        if (!(body.getValue("data") instanceof JsonArray data)) {
            throw new IllegalArgumentException("GET /data/trades without a data array");
        }
        List<JsonObject> trades = new ArrayList<>();
        for (Object trade : data) {
            if (!(trade instanceof JsonObject object)) {
                throw new IllegalArgumentException("GET /data/trades: a trade that is not an object: " + trade);
            }
            trades.add(object);
        }
        return trades;
    }

    /**
     * The orders of {@code maker} these trades fill, in the order first seen. Fees are left to the fee rule (the
     * trade names a rate, not an amount).
     */
    public static List<VenueOrder> orders(List<JsonObject> trades, String maker) {
        Map<String, Sum> byOrder = new LinkedHashMap<>();
        for (JsonObject trade : trades) {
            long at = Long.parseLong(required(trade, "match_time")) * 1000;
            if ("MAKER".equalsIgnoreCase(trade.getString("trader_side"))) {
                for (Object item : trade.getJsonArray("maker_orders", new JsonArray())) {
                    JsonObject made = (JsonObject) item;
                    if (maker.equalsIgnoreCase(made.getString("maker_address"))) {
                        byOrder.computeIfAbsent(required(made, "order_id"), id -> new Sum(made, at))
                                .add(made, "matched_amount", at);
                    }
                }
            } else {
                byOrder.computeIfAbsent(required(trade, "taker_order_id"), id -> new Sum(trade, at))
                        .add(trade, "size", at);
            }
        }
        List<VenueOrder> orders = new ArrayList<>();
        byOrder.forEach((id, sum) -> orders.add(sum.order(id)));
        return orders;
    }

    private static String required(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null || value.toString().isEmpty()) {
            throw new IllegalArgumentException("GET /data/trades: a trade without " + field + ": " + object.encode());
        }
        return value.toString();
    }

    /** What the matches of one order add up to. */
    private static final class Sum {
        final String assetId;
        final OrderAction action;
        long firstAtMillis;
        long shares;
        BigDecimal cost = BigDecimal.ZERO;

        Sum(JsonObject first, long at) {
            assetId = required(first, "asset_id");
            String side = required(first, "side");
            action = switch (side.toUpperCase(java.util.Locale.ROOT)) {
                case "BUY" -> OrderAction.BUY;
                case "SELL" -> OrderAction.SELL;
                default ->
                    throw new IllegalArgumentException("GET /data/trades: side must be BUY or SELL, got " + side);
            };
            firstAtMillis = at;
        }

        void add(JsonObject match, String sizeField, long at) {
            BigDecimal size = new BigDecimal(required(match, sizeField));
            BigDecimal price = new BigDecimal(required(match, "price"));
            if (size.signum() < 0 || price.signum() < 0 || price.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("GET /data/trades: impossible size " + size + " or price " + price);
            }
            shares += size.setScale(FixedPoint.DECIMALS, RoundingMode.DOWN)
                    .unscaledValue()
                    .longValueExact();
            cost = cost.add(size.multiply(price));
            firstAtMillis = Math.min(firstAtMillis, at);
        }

        VenueOrder order(String id) {
            long average = shares == 0
                    ? -1
                    : FixedPoint.parse(
                            cost.divide(FixedPoint.toBigDecimal(shares), FixedPoint.DECIMALS, RoundingMode.HALF_UP)
                                    .toPlainString());
            return new VenueOrder(
                    Platform.POLYMARKET,
                    id,
                    null,
                    assetId,
                    null,
                    action,
                    shares,
                    average,
                    BigDecimal.ZERO,
                    firstAtMillis);
        }
    }
}

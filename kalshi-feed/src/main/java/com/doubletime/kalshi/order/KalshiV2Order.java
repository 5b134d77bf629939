package com.doubletime.kalshi.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.kalshi.rest.KalshiJson;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code POST /portfolio/events/orders} (kalshi.md §4.2). V2 quotes everything from the YES
 * side: {@code bid} buys YES, {@code ask} sells YES, and {@code price} is always a YES price. So the four
 * intents map as
 * <pre>
 *   buy  YES at p  →  bid  p
 *   sell YES at p  →  ask  p
 *   buy  NO  at q  →  ask  1 − q     (selling YES at 1 − q is buying NO at q)
 *   sell NO  at q  →  bid  1 − q
 * </pre>
 * Getting a row wrong places the opposite trade, hence a test per row.
 *
 * @param side     {@code bid} or {@code ask}
 * @param yesPrice FixedPoint YES price
 * @param count    FixedPoint contracts
 */
public record KalshiV2Order(
        String ticker,
        String clientOrderId,
        String side,
        long yesPrice,
        long count,
        String timeInForce,
        String selfTradePrevention) {
    public static final String BID = "bid";
    public static final String ASK = "ask";
    /** Cancel our incoming order at the cross; its partial fills stand (kalshi.md §4.2). */
    public static final String TAKER_AT_CROSS = "taker_at_cross";
    /** Kalshi counts go to 0.01 contracts. */
    private static final long COUNT_STEP = FixedPoint.ONE / 100;

    public KalshiV2Order {
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("order without a ticker");
        }
        if (clientOrderId == null || clientOrderId.isBlank()) {
            throw new IllegalArgumentException("order without a client_order_id: resends would not be idempotent");
        }
        if (!BID.equals(side) && !ASK.equals(side)) {
            throw new IllegalArgumentException("V2 side is bid or ask, got " + side);
        }
        if (yesPrice <= 0 || yesPrice >= FixedPoint.ONE) {
            throw new IllegalArgumentException(
                    "Kalshi price must be strictly between 0 and 1, got " + FixedPoint.format(yesPrice, 4));
        }
        if (count <= 0 || count % COUNT_STEP != 0) {
            throw new IllegalArgumentException(
                    "Kalshi count must be positive in steps of 0.01, got " + FixedPoint.format(count, 2));
        }
    }

    /** Maps a venue-neutral leg to the V2 body. */
    public static KalshiV2Order from(OrderRequest order, String selfTradePrevention) {
        if (order.platform() != Platform.KALSHI) {
            throw new IllegalArgumentException("not a Kalshi order: " + order.platform());
        }
        if (order.outcome() == null || order.action() == null || order.timeInForce() == null) {
            throw new IllegalArgumentException(
                    "order " + order.clientOrderId() + " lacks outcome, action or time in force");
        }
        boolean yes = order.outcome() == Outcome.YES;
        boolean buy = order.action() == OrderAction.BUY;
        String side = yes == buy ? BID : ASK;
        long yesPrice = yes ? order.limitPrice() : FixedPoint.ONE - order.limitPrice();
        return new KalshiV2Order(
                order.instrument(),
                order.clientOrderId(),
                side,
                yesPrice,
                order.quantity(),
                wire(order.timeInForce()),
                selfTradePrevention);
    }

    static String wire(TimeInForce timeInForce) {
        return switch (timeInForce) {
            case IMMEDIATE_OR_CANCEL -> "immediate_or_cancel";
            case FILL_OR_KILL -> "fill_or_kill";
        };
    }

    /** Count and price as strings; no {@code action}, {@code yes_price} or {@code type} (V2 has none). */
    public JsonObject toJson() {
        return new JsonObject()
                .put("ticker", ticker)
                .put("client_order_id", clientOrderId)
                .put("side", side)
                .put("count", KalshiJson.count(count))
                .put("price", KalshiJson.price(yesPrice))
                .put("time_in_force", timeInForce)
                .put("self_trade_prevention_type", selfTradePrevention);
    }
}

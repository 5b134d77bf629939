package com.doubletime.kalshi.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.TimeInForce;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class KalshiV2OrderTest {
    private static OrderRequest order(Outcome outcome, OrderAction action, long price) {
        return new OrderRequest(
                "t-17-k",
                Platform.KALSHI,
                "KXFED-26DEC-C25",
                outcome,
                action,
                price,
                10_000_000,
                TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    private static JsonObject body(Outcome outcome, OrderAction action, long price) {
        return KalshiV2Order.from(order(outcome, action, price), KalshiV2Order.TAKER_AT_CROSS)
                .toJson();
    }

    @Test
    void buyYesAtPIsABidAtP() {
        assertEquals(
                new JsonObject("{\"ticker\":\"KXFED-26DEC-C25\",\"client_order_id\":\"t-17-k\",\"side\":\"bid\","
                        + "\"count\":\"10.00\",\"price\":\"0.4200\",\"time_in_force\":\"immediate_or_cancel\","
                        + "\"self_trade_prevention_type\":\"taker_at_cross\"}"),
                body(Outcome.YES, OrderAction.BUY, 420_000));
    }

    @Test
    void buyNoAtQIsAnAskAtOneMinusQ() {
        JsonObject body = body(Outcome.NO, OrderAction.BUY, 560_000);
        assertEquals("ask", body.getString("side"));
        assertEquals("0.4400", body.getString("price"));
    }

    @Test
    void sellYesAtPIsAnAskAtP() {
        JsonObject body = body(Outcome.YES, OrderAction.SELL, 420_000);
        assertEquals("ask", body.getString("side"));
        assertEquals("0.4200", body.getString("price"));
    }

    @Test
    void sellNoAtQIsABidAtOneMinusQ() {
        JsonObject body = body(Outcome.NO, OrderAction.SELL, 560_000);
        assertEquals("bid", body.getString("side"));
        assertEquals("0.4400", body.getString("price"));
    }

    @Test
    void fillOrKillIsSentAsFillOrKillAndTheBodyHasNoV1Fields() {
        JsonObject body = KalshiV2Order.from(
                        new OrderRequest(
                                "c",
                                Platform.KALSHI,
                                "T",
                                Outcome.YES,
                                OrderAction.BUY,
                                10_000,
                                1_500_000,
                                TimeInForce.FILL_OR_KILL),
                        "maker")
                .toJson();
        assertEquals("fill_or_kill", body.getString("time_in_force"));
        assertEquals("maker", body.getString("self_trade_prevention_type"));
        assertEquals("1.50", body.getString("count"));
        assertEquals("0.0100", body.getString("price"));
        for (String legacy : new String[] {"action", "yes_price", "no_price", "type", "buy_max_cost"}) {
            assertEquals(false, body.containsKey(legacy), legacy);
        }
    }

    @Test
    void rejectsPricesOutsideTheOpenUnitIntervalAndCountsFinerThanACent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiV2Order.from(order(Outcome.YES, OrderAction.BUY, 0), "taker_at_cross"));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiV2Order.from(order(Outcome.NO, OrderAction.BUY, 0), "taker_at_cross"));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiV2Order.from(
                        new OrderRequest(
                                "c",
                                Platform.KALSHI,
                                "T",
                                Outcome.YES,
                                OrderAction.BUY,
                                500_000,
                                1_005_000,
                                TimeInForce.FILL_OR_KILL),
                        "taker_at_cross"));
        assertThrows(
                IllegalArgumentException.class,
                () -> KalshiV2Order.from(
                        new OrderRequest(
                                "c",
                                Platform.POLYMARKET,
                                "T",
                                Outcome.YES,
                                OrderAction.BUY,
                                500_000,
                                1_000_000,
                                TimeInForce.FILL_OR_KILL),
                        "taker_at_cross"));
    }
}

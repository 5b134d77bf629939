package com.doubletime.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KalshiExchangeTest {
    private static final String T = Simulators.FED.kalshiTicker();

    private final List<KalshiDelta> deltas = new ArrayList<>();
    private SimulatedBooks books;
    private KalshiExchange exchange;

    @BeforeEach
    void setUp() {
        books = new SimulatedBooks(Simulators.MARKETS);
        // YES bids 0.40 x 10, 0.45 x 5; NO bids 0.50 x 10 (YES ask 0.50), 0.52 x 4 (YES ask 0.48)
        books.applyKalshi(T, KalshiSide.YES, 4_000, 1_000);
        books.applyKalshi(T, KalshiSide.YES, 4_500, 500);
        books.applyKalshi(T, KalshiSide.NO, 5_000, 1_000);
        books.applyKalshi(T, KalshiSide.NO, 5_200, 400);
        books.listener(new BookListener() {
            @Override
            public void onKalshiDelta(KalshiDelta delta) {
                deltas.add(delta);
            }

            @Override
            public void onPolymarketPriceChange(PolymarketPriceChange change) {}
        });
        exchange = new KalshiExchange(books, new BigDecimal("100"), () -> 1_781_821_370_267L);
    }

    private static JsonObject order(String id, String side, String price, String count, String tif) {
        return new JsonObject()
                .put("ticker", T)
                .put("client_order_id", id)
                .put("side", side)
                .put("price", price)
                .put("count", count)
                .put("time_in_force", tif)
                .put("self_trade_prevention_type", "taker_at_cross");
    }

    @Test
    void bidTakesNoBidsBestFirstUpToItsLimitAndChargesTheRoundedUpTakerFee() {
        JsonObject created = exchange.createOrder(order("c1", "bid", "0.5000", "10.00", "immediate_or_cancel"));

        // 4 at 0.48 then 6 at 0.50: fee 0.07 × (4·0.48·0.52 + 6·0.5·0.5) = 0.174888 → $0.18
        assertEquals("10.00", created.getString("fill_count"));
        assertEquals("0.00", created.getString("remaining_count"));
        assertEquals("0.4920", created.getString("average_fill_price"));
        assertEquals(
                List.of(new KalshiDelta(T, KalshiSide.NO, 5_200, -400), new KalshiDelta(T, KalshiSide.NO, 5_000, -600)),
                deltas);
        assertEquals(
                "0.1800",
                exchange.fills(T, null).getJsonArray("fills").stream()
                        .map(f -> new BigDecimal(((JsonObject) f).getString("fee_cost")))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(4)
                        .toPlainString());
        // 100 − 4.92 − 0.18
        assertEquals("94.9000", exchange.balance().getString("balance_dollars"));
        assertEquals(9490, exchange.balance().getLong("balance"));
        assertEquals(
                "10.00",
                exchange.positions()
                        .getJsonArray("market_positions")
                        .getJsonObject(0)
                        .getString("position_fp"));
    }

    @Test
    void feesMatchTheDocumentedWorkedExamples() {
        // kalshi.md §5: 10 at 0.50 → 0.175 → $0.18; 100 at 0.25 → 1.3125 → $1.32; 1 at 0.05 → 0.003325 → $0.01
        assertEquals(new BigDecimal("0.18"), KalshiFees.roundUpToCent(KalshiFees.tradeFee(1_000, 5_000)));
        assertEquals(new BigDecimal("1.32"), KalshiFees.roundUpToCent(KalshiFees.tradeFee(10_000, 2_500)));
        assertEquals(new BigDecimal("0.01"), KalshiFees.roundUpToCent(KalshiFees.tradeFee(100, 500)));
    }

    @Test
    void fillOrKillThatCannotFillEverythingFillsNothingAndLeavesTheBook() {
        JsonObject created = exchange.createOrder(order("c1", "bid", "0.5000", "15.00", "fill_or_kill"));

        assertEquals("0.00", created.getString("fill_count"));
        assertEquals("0.00", created.getString("remaining_count"));
        assertEquals(false, created.containsKey("average_fill_price"));
        assertEquals(List.of(), deltas);
        assertEquals("100.0000", exchange.balance().getString("balance_dollars"));
        assertEquals(
                "canceled",
                exchange.order(created.getString("order_id"))
                        .getJsonObject("order")
                        .getString("status"));
    }

    @Test
    void askSellsYesIntoYesBidsAtOrAboveItsLimitAndOpensANoPosition() {
        JsonObject created = exchange.createOrder(order("c1", "ask", "0.4200", "8.00", "immediate_or_cancel"));

        // 5 at 0.45 only: the 0.40 bid is below the limit; IOC cancels the other 3
        assertEquals("5.00", created.getString("fill_count"));
        assertEquals("0.00", created.getString("remaining_count"));
        assertEquals(List.of(new KalshiDelta(T, KalshiSide.YES, 4_500, -500)), deltas);
        JsonObject fill = exchange.fills(null, created.getString("order_id"))
                .getJsonArray("fills")
                .getJsonObject(0);
        assertEquals("no", fill.getString("outcome_side"));
        assertEquals("ask", fill.getString("book_side"));
        assertEquals("0.5500", fill.getString("no_price_dollars"));
        // a NO position of 5 costs 5 × 0.55 = 2.75, fee 0.07 × 5 × 0.45 × 0.55 = 0.086625 → 0.09
        assertEquals("97.1600", exchange.balance().getString("balance_dollars"));
        assertEquals(
                "-5.00",
                exchange.positions()
                        .getJsonArray("market_positions")
                        .getJsonObject(0)
                        .getString("position_fp"));
    }

    @Test
    void goodTillCanceledRestsAsABidAndCancelRemovesIt() {
        JsonObject created = exchange.createOrder(order("c1", "bid", "0.3000", "3.00", "good_till_canceled"));
        assertEquals("3.00", created.getString("remaining_count"));
        assertEquals(List.of(new KalshiDelta(T, KalshiSide.YES, 3_000, 300)), deltas);

        JsonObject cancelled = exchange.cancel(created.getString("order_id"));

        assertEquals("3.00", cancelled.getString("reduced_by"));
        assertEquals(new KalshiDelta(T, KalshiSide.YES, 3_000, -300), deltas.get(1));
        assertThrows(KalshiRestError.class, () -> exchange.cancel(created.getString("order_id")));
    }

    @Test
    void refusesDuplicateClientOrderIdsBadBodiesUnknownMarketsAndOverspending() {
        exchange.createOrder(order("c1", "bid", "0.5000", "1.00", "immediate_or_cancel"));
        assertEquals(
                409,
                assertThrows(
                                KalshiRestError.class,
                                () -> exchange.createOrder(order("c1", "bid", "0.5000", "1.00", "immediate_or_cancel")))
                        .status());
        assertEquals(
                400,
                assertThrows(
                                KalshiRestError.class,
                                () -> exchange.createOrder(order("c2", "buy", "0.5000", "1.00", "immediate_or_cancel")))
                        .status());
        assertEquals(
                400,
                assertThrows(
                                KalshiRestError.class,
                                () -> exchange.createOrder(order("c3", "bid", "1.5000", "1.00", "immediate_or_cancel")))
                        .status());
        assertEquals(
                404,
                assertThrows(
                                KalshiRestError.class,
                                () -> exchange.createOrder(order("c4", "bid", "0.5000", "1.00", "immediate_or_cancel")
                                        .put("ticker", "NOPE")))
                        .status());
        KalshiRestError broke = assertThrows(
                KalshiRestError.class,
                () -> exchange.createOrder(order("c5", "bid", "0.9000", "1000.00", "immediate_or_cancel")));
        assertEquals("insufficient_balance", broke.body().getJsonObject("error").getString("code"));
    }
}

package com.doubletime.kalshi.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueFill;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenuePosition;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KalshiPortfolioJsonTest {
    private static final KalshiV2Order BID_5 =
            new KalshiV2Order("T", "c-1", "bid", 600_000, 5_000_000, "immediate_or_cancel", "taker_at_cross");

    @Test
    void createResponseFullyFilledIsFilledWithAverageYesPriceAndFees() {
        OrderResult result = KalshiPortfolioJson.createResult(
                BID_5,
                false,
                new JsonObject(
                        "{\"order_id\":\"a6d6\","
                                + "\"client_order_id\":\"c-1\",\"fill_count\":\"5.00\",\"remaining_count\":\"0.00\","
                                + "\"average_fill_price\":\"0.5800\",\"average_fee_paid\":\"0.0170\",\"ts_ms\":1715793600456}"));

        assertEquals(
                new OrderResult(
                        "c-1", "a6d6", OrderStatus.FILLED, 5_000_000, 0, 580_000, new BigDecimal("0.085"), null, null),
                result);
    }

    @Test
    void createResponseOfABuyNoLegReportsTheNoPrice() {
        KalshiV2Order ask = new KalshiV2Order("T", "c-2", "ask", 440_000, 5_000_000, "fill_or_kill", "taker_at_cross");
        OrderResult result = KalshiPortfolioJson.createResult(
                ask,
                true,
                new JsonObject("{\"order_id\":\"o\","
                        + "\"fill_count\":\"5.00\",\"remaining_count\":\"0.00\",\"average_fill_price\":\"0.4500\"}"));
        assertEquals(550_000, result.averagePrice());
    }

    @Test
    void statusIsDerivedFromFillAndRemainingCounts() {
        assertEquals(
                OrderStatus.UNFILLED,
                KalshiPortfolioJson.createResult(
                                BID_5,
                                false,
                                new JsonObject(
                                        "{\"order_id\":\"o\",\"fill_count\":\"0.00\",\"remaining_count\":\"0.00\"}"))
                        .status());
        assertEquals(
                OrderStatus.RESTING,
                KalshiPortfolioJson.createResult(
                                BID_5,
                                false,
                                new JsonObject(
                                        "{\"order_id\":\"o\",\"fill_count\":\"0.00\",\"remaining_count\":\"5.00\"}"))
                        .status());
        OrderResult partial = KalshiPortfolioJson.createResult(
                BID_5,
                false,
                new JsonObject(
                        "{\"order_id\":\"o\",\"fill_count\":\"2.00\",\"remaining_count\":\"0.00\",\"average_fill_price\":\"0.6000\"}"));
        assertEquals(OrderStatus.PARTIALLY_FILLED, partial.status());
        assertEquals(2_000_000, partial.filledQuantity());
        assertEquals(
                -1,
                KalshiPortfolioJson.createResult(
                                BID_5,
                                false,
                                new JsonObject(
                                        "{\"order_id\":\"o\",\"fill_count\":\"0.00\",\"remaining_count\":\"0.00\"}"))
                        .averagePrice());
    }

    @Test
    void orderLookupMapsVenueStatus() {
        OrderResult cancelled = KalshiPortfolioJson.orderResult(
                new JsonObject(
                        "{\"order\":{\"order_id\":\"o\","
                                + "\"client_order_id\":\"c\",\"status\":\"canceled\",\"fill_count_fp\":\"3.00\",\"remaining_count_fp\":\"0.00\","
                                + "\"initial_count_fp\":\"5.00\",\"taker_fill_cost_dollars\":\"1.800000\",\"taker_fees_dollars\":\"0.060000\"}}"));
        assertEquals(
                new OrderResult(
                        "c",
                        "o",
                        OrderStatus.PARTIALLY_FILLED,
                        3_000_000,
                        0,
                        600_000,
                        new BigDecimal("0.06"),
                        null,
                        null),
                cancelled);
    }

    @Test
    void fillsReadOutcomeAndDirectionFromOutcomeSideAndBookSide() {
        List<VenueFill> fills = KalshiPortfolioJson.fills(new JsonObject("{\"fills\":["
                + "{\"fill_id\":\"f1\",\"trade_id\":\"f1\",\"order_id\":\"o1\",\"ticker\":\"T\",\"count_fp\":\"5.00\","
                + "\"yes_price_dollars\":\"0.5800\",\"no_price_dollars\":\"0.4200\",\"is_taker\":true,\"fee_cost\":\"0.0900\","
                + "\"outcome_side\":\"yes\",\"book_side\":\"bid\",\"ts\":1781821370},"
                + "{\"fill_id\":\"f2\",\"order_id\":\"o2\",\"market_ticker\":\"T\",\"count_fp\":\"2.50\","
                + "\"yes_price_dollars\":\"0.4400\",\"no_price_dollars\":\"0.5600\",\"fee_cost\":\"0.0500\","
                + "\"outcome_side\":\"no\",\"book_side\":\"ask\",\"created_time\":\"2026-05-31T23:34:49.912Z\"},"
                + "{\"fill_id\":\"f3\",\"order_id\":\"o3\",\"ticker\":\"T\",\"count_fp\":\"1.00\",\"yes_price_dollars\":\"0.3000\","
                + "\"no_price_dollars\":\"0.7000\",\"fee_cost\":\"0.0200\",\"outcome_side\":\"yes\",\"book_side\":\"ask\",\"ts\":1}],"
                + "\"cursor\":\"\"}"));

        assertEquals(
                new VenueFill(
                        Platform.KALSHI,
                        "f1",
                        "o1",
                        null,
                        "T",
                        Outcome.YES,
                        OrderAction.BUY,
                        580_000,
                        5_000_000,
                        new BigDecimal("0.0900"),
                        1781821370000L),
                fills.get(0));
        assertEquals(
                new VenueFill(
                        Platform.KALSHI,
                        "f2",
                        "o2",
                        null,
                        "T",
                        Outcome.NO,
                        OrderAction.BUY,
                        560_000,
                        2_500_000,
                        new BigDecimal("0.0500"),
                        1780270489912L),
                fills.get(1));
        assertEquals(OrderAction.SELL, fills.get(2).action());
        assertEquals(Outcome.YES, fills.get(2).outcome());
        assertEquals(300_000, fills.get(2).price());
    }

    @Test
    void positionsAreSignedYesPositiveNoNegativeAndFlatOnesAreLeftOut() {
        List<VenuePosition> positions = KalshiPortfolioJson.positions(new JsonObject("{\"market_positions\":["
                + "{\"ticker\":\"A\",\"position_fp\":\"12.00\",\"market_exposure_dollars\":\"6.0000\"},"
                + "{\"ticker\":\"B\",\"position_fp\":\"-5.00\"},{\"ticker\":\"C\",\"position_fp\":\"0.00\"}],"
                + "\"event_positions\":[],\"cursor\":\"\"}"));
        assertEquals(
                List.of(
                        new VenuePosition(Platform.KALSHI, "A", Outcome.YES, 12_000_000),
                        new VenuePosition(Platform.KALSHI, "B", Outcome.NO, 5_000_000)),
                positions);
    }

    @Test
    void balancePrefersDollarsAndFallsBackToCents() {
        assertEquals(
                new VenueBalance(Platform.KALSHI, new BigDecimal("1234.5600")),
                KalshiPortfolioJson.balance(new JsonObject(
                        "{\"balance\":123456,\"portfolio_value\":7890,\"balance_dollars\":\"1234.5600\"}")));
        assertEquals(
                new VenueBalance(Platform.KALSHI, new BigDecimal("1234.56")),
                KalshiPortfolioJson.balance(new JsonObject("{\"balance\":123456}")));
    }

    private static JsonObject listedOrder(String bookSide, String outcomeSide, String cost) {
        JsonObject order = new JsonObject()
                .put("order_id", "o-9")
                .put("client_order_id", "dt-t1-k-E0")
                .put("ticker", "T")
                .put("status", "executed")
                .put("book_side", bookSide)
                .put("fill_count_fp", "10.00")
                .put("remaining_count_fp", "0.00")
                .put("initial_count_fp", "10.00")
                .put("taker_fill_cost_dollars", cost)
                .put("maker_fill_cost_dollars", "0.000000")
                .put("taker_fees_dollars", "0.170000")
                .put("maker_fees_dollars", "0.000000")
                .put("created_time", "2026-12-04T23:00:01.250Z");
        return outcomeSide == null ? order : order.put("outcome_side", outcomeSide);
    }

    @Test
    void aListedBidIsABuyOfYesAtItsCostPerContract() {
        VenueOrder order = KalshiPortfolioJson.venueOrder(listedOrder("bid", "yes", "4.200000"));

        assertEquals(
                new VenueOrder(
                        Platform.KALSHI,
                        "o-9",
                        "dt-t1-k-E0",
                        "T",
                        Outcome.YES,
                        OrderAction.BUY,
                        10_000_000,
                        420_000,
                        new BigDecimal("0.17"),
                        java.time.Instant.parse("2026-12-04T23:00:01.250Z").toEpochMilli()),
                order);
    }

    @Test
    void aListedAskWithoutAnOutcomeSideIsABuyOfNoAtTheNoCost() {
        VenueOrder order = KalshiPortfolioJson.venueOrder(listedOrder("ask", null, "5.300000"));

        assertEquals(Outcome.NO, order.outcome());
        assertEquals(OrderAction.BUY, order.action());
        assertEquals(530_000, order.averagePrice());
    }

    @Test
    void aListedAskOnYesIsASaleOfYesPricedAtTheComplementOfTheNoCostPaid() {
        VenueOrder order = KalshiPortfolioJson.venueOrder(listedOrder("ask", "yes", "5.800000"));

        assertEquals(Outcome.YES, order.outcome());
        assertEquals(OrderAction.SELL, order.action());
        assertEquals(420_000, order.averagePrice());
    }

    @Test
    void aListedOrderWithAnUnknownBookSideIsRefusedNamingIt() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> KalshiPortfolioJson.venueOrder(listedOrder("middle", "yes", "1.000000")));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("book_side"), refused.getMessage());
    }
}

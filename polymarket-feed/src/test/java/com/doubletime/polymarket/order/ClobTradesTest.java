package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.VenueOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClobTradesTest {
    private static final String US = "0xAbC0000000000000000000000000000000000001";

    private static JsonObject taker(String id, String order, String size, String price, long at) {
        return new JsonObject()
                .put("id", id)
                .put("taker_order_id", order)
                .put("asset_id", "5211")
                .put("side", "BUY")
                .put("size", size)
                .put("price", price)
                .put("match_time", Long.toString(at))
                .put("trader_side", "TAKER")
                .put("maker_orders", new JsonArray());
    }

    @Test
    void theMatchesOfOneTakerOrderAddUpToOneOrderAtItsAveragePrice() {
        List<VenueOrder> orders = ClobTrades.orders(
                List.of(
                        taker("t1", "0xaa", "80", "0.52", 1_796_000_001L),
                        taker("t2", "0xaa", "70", "0.53", 1_796_000_000L)),
                US);

        assertEquals(
                List.of(new VenueOrder(
                        Platform.POLYMARKET,
                        "0xaa",
                        null,
                        "5211",
                        null,
                        OrderAction.BUY,
                        150_000_000,
                        524_667,
                        BigDecimal.ZERO,
                        1_796_000_000_000L)),
                orders);
    }

    @Test
    void asMakerOnlyOurOwnEntryInMakerOrdersCounts() {
        JsonObject trade = new JsonObject()
                .put("id", "t3")
                .put("taker_order_id", "0xtheirs")
                .put("asset_id", "5211")
                .put("side", "SELL")
                .put("size", "30")
                .put("price", "0.48")
                .put("match_time", "1796000002")
                .put("trader_side", "MAKER")
                .put(
                        "maker_orders",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("order_id", "0xours")
                                        .put("maker_address", US.toLowerCase())
                                        .put("matched_amount", "10")
                                        .put("price", "0.52")
                                        .put("asset_id", "5211")
                                        .put("side", "BUY"))
                                .add(new JsonObject()
                                        .put("order_id", "0xsomeone")
                                        .put("maker_address", "0x0000000000000000000000000000000000000002")
                                        .put("matched_amount", "20")
                                        .put("price", "0.52")
                                        .put("asset_id", "5211")
                                        .put("side", "BUY")));

        List<VenueOrder> orders = ClobTrades.orders(List.of(trade), US);

        assertEquals(1, orders.size(), orders.toString());
        assertEquals("0xours", orders.get(0).venueOrderId());
        assertEquals(10_000_000, orders.get(0).filledQuantity());
        assertEquals(520_000, orders.get(0).averagePrice());
        assertEquals(OrderAction.BUY, orders.get(0).action());
    }

    @Test
    void aPageWithoutDataOrATradeWithAnImpossiblePriceIsRefusedNamingWhat() {
        IllegalArgumentException noData =
                assertThrows(IllegalArgumentException.class, () -> ClobTrades.page(new JsonObject().put("count", 0)));
        assertTrue(noData.getMessage().contains("data"), noData.getMessage());
        IllegalArgumentException price = assertThrows(
                IllegalArgumentException.class,
                () -> ClobTrades.orders(List.of(taker("t4", "0xbb", "5", "1.20", 1_796_000_000L)), US));
        assertTrue(price.getMessage().contains("price 1.20"), price.getMessage());
        IllegalArgumentException noOrder = assertThrows(
                IllegalArgumentException.class,
                () -> ClobTrades.orders(List.of(taker("t5", "", "5", "0.50", 1_796_000_000L)), US));
        assertTrue(noOrder.getMessage().contains("taker_order_id"), noOrder.getMessage());
    }
}

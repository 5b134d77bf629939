package com.doubletime.kalshi.order;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.ShardCash;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueFill;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.kalshi.rest.KalshiJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kalshi portfolio answers (kalshi.md §4.2–4.3) into domain types. Plain functions over JSON, so every
 * shape is unit-tested without a server. Counts and prices come as {@code _fp}/{@code _dollars} strings,
 * even where the name says {@code fill_count} (§7).
 */
public final class KalshiPortfolioJson {
    /** Epoch values below this are seconds (it is the year 5138 in seconds, 1973 in milliseconds). */
    private static final long SECONDS_BELOW = 100_000_000_000L;

    private KalshiPortfolioJson() {}

    /**
     * The 201 of a V2 create: {@code fill_count}, {@code remaining_count}, and when something filled
     * {@code average_fill_price} (a YES price, like every V2 price) and {@code average_fee_paid} (per
     * contract). The status is derived: nothing filled and nothing left is an IOC/FOK that found no
     * liquidity.
     */
    public static OrderResult createResult(KalshiV2Order sent, boolean buysNo, JsonObject body) {
        long filled = KalshiJson.decimal(body, "fill_count");
        long remaining = KalshiJson.decimal(body, "remaining_count");
        long averageYes = KalshiJson.optionalDecimal(body, "average_fill_price");
        long average = filled == 0 || averageYes == KalshiJson.ABSENT ? -1 : outcomePrice(averageYes, sent, buysNo);
        BigDecimal fees = KalshiJson.money(body, "average_fee_paid")
                .multiply(FixedPoint.toBigDecimal(filled))
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new OrderResult(
                body.getString("client_order_id", sent.clientOrderId()),
                KalshiJson.requiredString(body, "order_id"),
                status(filled, remaining, sent.count()),
                filled,
                remaining,
                average,
                fees,
                null,
                null);
    }

    /** A YES price back into the intent's outcome: buy NO / sell NO legs went out at 1 − q. */
    private static long outcomePrice(long yesPrice, KalshiV2Order sent, boolean noOutcome) {
        return noOutcome ? FixedPoint.ONE - yesPrice : yesPrice;
    }

    static OrderStatus status(long filled, long remaining, long requested) {
        if (filled <= 0) {
            return remaining > 0 ? OrderStatus.RESTING : OrderStatus.UNFILLED;
        }
        return remaining <= 0 && filled >= requested ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    /**
     * {@code GET /portfolio/orders/{id}} → {@code {"order":{…}}}: {@code status} resting|canceled|executed
     * with {@code fill_count_fp} / {@code remaining_count_fp}; the average price is the fill cost per
     * contract, on the side the order bought ({@code book_side} bid: YES, ask: NO).
     */
    public static OrderResult orderResult(JsonObject body) {
        JsonObject order = body.getValue("order") instanceof JsonObject o ? o : body;
        long filled = KalshiJson.decimal(order, "fill_count_fp");
        long remaining = KalshiJson.decimal(order, "remaining_count_fp");
        long initial = KalshiJson.optionalDecimal(order, "initial_count_fp");
        String venueStatus = order.getString("status", "");
        OrderStatus status = switch (venueStatus) {
            case "executed" -> OrderStatus.FILLED;
            case "canceled" -> filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.UNFILLED;
            case "resting" -> filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.RESTING;
            default -> status(filled, remaining, initial == KalshiJson.ABSENT ? filled + remaining : initial);
        };
        BigDecimal cost = KalshiJson.money(order, "taker_fill_cost_dollars")
                .add(KalshiJson.money(order, "maker_fill_cost_dollars"));
        long average = filled <= 0 || cost.signum() == 0
                ? -1
                : FixedPoint.parse(cost.divide(FixedPoint.toBigDecimal(filled), 6, RoundingMode.HALF_UP)
                        .toPlainString());
        BigDecimal fees =
                KalshiJson.money(order, "taker_fees_dollars").add(KalshiJson.money(order, "maker_fees_dollars"));
        return new OrderResult(
                order.getString("client_order_id"),
                KalshiJson.requiredString(order, "order_id"),
                status,
                filled,
                remaining,
                average,
                fees.stripTrailingZeros(),
                null,
                null);
    }

    /**
     * {@code GET /portfolio/orders} page → the orders' raw objects (kalshi.md §4.3). A page without an
     * {@code orders} array is malformed: an order's absence must be read, never assumed.
     */
    public static List<JsonObject> orders(JsonObject page) {
        if (!(page.getValue("orders") instanceof JsonArray)) {
            throw new IllegalArgumentException("GET /portfolio/orders without an orders array");
        }
        return objects(page, "orders");
    }

    /**
     * One order of a {@code GET /portfolio/orders} listing as the venue records it: what it bought or sold and what
     * filled. Direction as for {@link #fill}. The fill cost is per contract of the side the order paid for (bid: YES,
     * ask: NO), so a sale's price is its complement in the sold outcome's terms.
     */
    public static VenueOrder venueOrder(JsonObject order) {
        String bookSide = KalshiJson.requiredString(order, "book_side");
        boolean bid = "bid".equals(bookSide);
        if (!bid && !"ask".equals(bookSide)) {
            throw new IllegalArgumentException("book_side must be bid or ask, got " + bookSide);
        }
        String outcomeSide = order.getString("outcome_side");
        Outcome outcome = outcomeSide == null ? (bid ? Outcome.YES : Outcome.NO) : outcome(outcomeSide);
        OrderAction action = (bid == (outcome == Outcome.YES)) ? OrderAction.BUY : OrderAction.SELL;
        OrderResult result = orderResult(order);
        long average = result.averagePrice() < 0 || action == OrderAction.BUY
                ? result.averagePrice()
                : FixedPoint.ONE - result.averagePrice();
        String created = KalshiJson.requiredString(order, "created_time");
        return new VenueOrder(
                Platform.KALSHI,
                result.venueOrderId(),
                order.getString("client_order_id"),
                KalshiJson.requiredString(order, "ticker"),
                outcome,
                action,
                result.filledQuantity(),
                average,
                result.fees(),
                Instant.parse(created).toEpochMilli());
    }

    private static Outcome outcome(String side) {
        return switch (side) {
            case "yes" -> Outcome.YES;
            case "no" -> Outcome.NO;
            default -> throw new IllegalArgumentException("outcome_side must be yes or no, got " + side);
        };
    }

    /** {@code GET /portfolio/fills} page → fills; see {@link #fill}. */
    public static List<VenueFill> fills(JsonObject page) {
        List<VenueFill> fills = new ArrayList<>();
        for (JsonObject fill : objects(page, "fills")) {
            fills.add(fill(fill));
        }
        return fills;
    }

    /**
     * One fill. Direction from {@code outcome_side} + {@code book_side} (the 2026 fields): bid+yes buys YES,
     * ask+no buys NO, ask+yes sells YES, bid+no sells NO; with {@code book_side} alone an ask is read as
     * buying NO, its economic equivalent; the legacy {@code side}/{@code action} are the last resort.
     */
    static VenueFill fill(JsonObject fill) {
        String bookSide = fill.getString("book_side");
        String outcomeSide = fill.getString("outcome_side");
        Outcome outcome;
        OrderAction action;
        if (bookSide != null) {
            boolean bid = "bid".equals(bookSide);
            outcome = outcomeSide == null
                    ? (bid ? Outcome.YES : Outcome.NO)
                    : "yes".equals(outcomeSide) ? Outcome.YES : Outcome.NO;
            action = (bid == (outcome == Outcome.YES)) ? OrderAction.BUY : OrderAction.SELL;
        } else {
            outcome = "no".equals(fill.getString("side")) ? Outcome.NO : Outcome.YES;
            action = "sell".equals(fill.getString("action")) ? OrderAction.SELL : OrderAction.BUY;
        }
        long yesPrice = KalshiJson.optionalDecimal(fill, "yes_price_dollars");
        long noPrice = KalshiJson.optionalDecimal(fill, "no_price_dollars");
        long price = outcome == Outcome.YES
                ? (yesPrice != KalshiJson.ABSENT ? yesPrice : FixedPoint.ONE - noPrice)
                : (noPrice != KalshiJson.ABSENT ? noPrice : FixedPoint.ONE - yesPrice);
        if (yesPrice == KalshiJson.ABSENT && noPrice == KalshiJson.ABSENT) {
            throw new IllegalArgumentException("fill without yes_price_dollars or no_price_dollars");
        }
        String ticker = fill.getString("ticker", fill.getString("market_ticker"));
        String fillId = fill.getString("fill_id", fill.getString("trade_id"));
        return new VenueFill(
                Platform.KALSHI,
                fillId,
                fill.getString("order_id"),
                fill.getString("client_order_id"),
                ticker,
                outcome,
                action,
                price,
                KalshiJson.decimal(fill, "count_fp"),
                KalshiJson.money(fill, "fee_cost"),
                executedAtMillis(fill));
    }

    private static long executedAtMillis(JsonObject fill) {
        Object tsMillis = fill.getValue("ts_ms");
        if (tsMillis instanceof Number number) {
            return number.longValue();
        }
        Object ts = fill.getValue("ts");
        if (ts instanceof Number number) {
            // Kalshi's fill ts is in seconds; tolerate milliseconds
            return number.longValue() < SECONDS_BELOW
                    ? TimeUnit.SECONDS.toMillis(number.longValue())
                    : number.longValue();
        }
        String created = fill.getString("created_time");
        return created == null ? 0 : Instant.parse(created).toEpochMilli();
    }

    /** {@code market_positions[].position_fp} is signed: positive YES contracts, negative NO. Flat ones are left out. */
    public static List<VenuePosition> positions(JsonObject page) {
        List<VenuePosition> positions = new ArrayList<>();
        for (JsonObject position : objects(page, "market_positions")) {
            long signed = KalshiJson.decimal(position, "position_fp");
            if (signed != 0) {
                positions.add(new VenuePosition(
                        Platform.KALSHI,
                        KalshiJson.requiredString(position, "ticker"),
                        signed > 0 ? Outcome.YES : Outcome.NO,
                        Math.abs(signed)));
            }
        }
        return positions;
    }

    /** {@code balance_dollars} when present (exact), else {@code balance} in integer cents. */
    public static VenueBalance balance(JsonObject body) {
        if (body.getValue("balance_dollars") != null) {
            return new VenueBalance(Platform.KALSHI, KalshiJson.money(body, "balance_dollars"));
        }
        Object cents = body.getValue("balance");
        if (!(cents instanceof Number number)) {
            throw new IllegalArgumentException("balance without balance_dollars or balance (cents)");
        }
        return new VenueBalance(Platform.KALSHI, BigDecimal.valueOf(number.longValue(), 2));
    }

    /**
     * {@code GET /portfolio/balance} as capital (kalshi.md §4.3): {@code balance_dollars} (else integer cents) and
     * per-shard {@code balance_breakdown}. The sources do not spell a breakdown element out; each is read as
     * {@code exchange_index} with {@code balance_dollars}, else {@code balance} in cents (the simulator's form). An
     * answer without a breakdown is an account before sharding: everything on shard 0.
     */
    public static VenueCash cash(JsonObject body, long asOfMillis) {
        BigDecimal total = balance(body).available();
        List<ShardCash> shards = new ArrayList<>();
        for (JsonObject shard : objects(body, "balance_breakdown")) {
            if (!(shard.getValue("exchange_index") instanceof Number index)) {
                throw new IllegalArgumentException("balance_breakdown entry without exchange_index: " + shard.encode());
            }
            shards.add(new ShardCash(index.intValue(), balance(shard).available()));
        }
        return VenueCash.kalshi(total, shards, asOfMillis);
    }

    private static List<JsonObject> objects(JsonObject page, String field) {
        Object value = page.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(field + " is not an array");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject object)) {
                throw new IllegalArgumentException(field + " holds a non-object");
            }
            objects.add(object);
        }
        return objects;
    }
}

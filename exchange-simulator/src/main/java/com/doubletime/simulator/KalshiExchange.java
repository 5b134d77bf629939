package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongSupplier;

/**
 * The simulated Kalshi's trading side for one account: V2 orders matched against the simulated books,
 * fills, positions and cash (kalshi.md §4.2–4.3, §5). Orders take liquidity through
 * {@link SimulatedBooks#applyKalshi}, so every WebSocket subscriber sees the trade as deltas.
 *
 * <p>Matching: a {@code bid} at YES price p takes NO bids q with 1 − q ≤ p, best first, at YES price
 * 1 − q; an {@code ask} at p takes YES bids y ≥ p at y. {@code fill_or_kill} fills everything or nothing,
 * {@code immediate_or_cancel} what it can; {@code good_till_canceled} rests its remainder as a bid. Cash
 * is netted like the venue's signed position: buying YES while short YES (long NO) closes NO first.
 *
 * <p>Money: cash in micro-dollars (price scale 4 × size scale 2); fees exact in {@link BigDecimal}.
 * Single writer: the simulator's event loop.
 */
final class KalshiExchange {

    private static final long MICROS_PER_DOLLAR = 1_000_000;

    private final SimulatedBooks books;
    private final LongSupplier clockMillis;
    private final Map<String, JsonObject> ordersById = new LinkedHashMap<>();
    private final Map<String, String> orderIdByClientId = new HashMap<>();
    private final List<JsonObject> fills = new ArrayList<>();
    private final Map<String, Long> positionByTicker = new LinkedHashMap<>();
    private final Map<String, Long> feesByTicker = new HashMap<>();
    /** Cash per exchange shard ({@code exchange_index}), micro-dollars: an order draws only on its market's shard. */
    private final Map<Integer, Long> cashMicrosByShard = new java.util.TreeMap<>();
    /** What resting orders hold back, by order id: {shard, micro-dollars}. */
    private final Map<String, long[]> reservedByOrder = new HashMap<>();

    private final SimulatedLifecycle lifecycle;
    private long orderCounter;
    private long fillCounter;

    KalshiExchange(SimulatedBooks books, BigDecimal startingBalance, LongSupplier clockMillis) {
        this(books, Map.of(0, startingBalance), null, clockMillis);
    }

    /**
     * @param startingCash dollars per shard; shards not named start empty
     * @param lifecycle    the markets' status, shard and results; null = every market active on shard 0
     */
    KalshiExchange(
            SimulatedBooks books,
            Map<Integer, BigDecimal> startingCash,
            SimulatedLifecycle lifecycle,
            LongSupplier clockMillis) {
        this.books = books;
        this.clockMillis = clockMillis;
        this.lifecycle = lifecycle;
        startingCash.forEach((shard, dollars) -> cashMicrosByShard.put(
                shard, dollars.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact()));
    }

    private int shardOf(String ticker) {
        KalshiMarketState market = lifecycle == null ? null : lifecycle.kalshi(ticker);
        return market == null ? 0 : market.exchangeIndex;
    }

    private long freeMicros(int shard) {
        long reserved = reservedByOrder.values().stream()
                .filter(r -> r[0] == shard)
                .mapToLong(r -> r[1])
                .sum();
        return cashMicrosByShard.getOrDefault(shard, 0L) - reserved;
    }

    private void addCash(int shard, long micros) {
        cashMicrosByShard.merge(shard, micros, Long::sum);
    }

    /**
     * A market settled ({@code finalized}): every contract held pays its side's share of the settlement value into
     * the market's shard, and the position is gone.
     */
    void settle(KalshiMarketState market) {
        Long position = positionByTicker.get(market.ticker);
        if (position == null || position == 0 || market.settlementValue < 0) {
            return;
        }
        long payout = position > 0
                ? position * market.settlementValue
                : -position * (FixedPoint.ONE_DOLLAR - market.settlementValue);
        addCash(market.exchangeIndex, payout);
        positionByTicker.put(market.ticker, 0L);
    }

    /** {@code POST /portfolio/events/orders}: the 201 body, or a {@link KalshiRestError}. */
    JsonObject createOrder(JsonObject body) {
        String ticker = string(body, "ticker");
        String clientOrderId = string(body, "client_order_id");
        String side = string(body, "side");
        String timeInForce = string(body, "time_in_force");
        string(body, "self_trade_prevention_type");
        if (!side.equals("bid") && !side.equals("ask")) {
            throw invalid("side must be bid or ask");
        }
        if (!List.of("immediate_or_cancel", "fill_or_kill", "good_till_canceled")
                .contains(timeInForce)) {
            throw invalid("time_in_force must be fill_or_kill, good_till_canceled or immediate_or_cancel");
        }
        long price = decimal(body, "price", true);
        long count = decimal(body, "count", false);
        if (price <= 0 || price >= FixedPoint.ONE_DOLLAR || price % FixedPoint.CENT != 0) {
            throw invalid("price must be a whole cent strictly between 0 and 1 on this market");
        }
        if (count <= 0) {
            throw invalid("count must be positive");
        }
        if (books.kalshi(ticker) == null) {
            throw new KalshiRestError(404, "market_not_found", "market " + ticker + " not found");
        }
        if (orderIdByClientId.containsKey(clientOrderId)) {
            throw new KalshiRestError(409, "order_already_exists", "an order with this client_order_id already exists");
        }
        boolean bid = side.equals("bid");
        KalshiMarketState state = lifecycle == null ? null : lifecycle.kalshi(ticker);
        if (state != null && !state.tradable()) {
            // assumed code: the venue's exact one for a market not open is not in the sources read
            throw new KalshiRestError(
                    400,
                    "market_closed",
                    "market " + ticker + " is not open for trading (status " + state.status + ")");
        }
        long worstCost = count * (bid ? price : FixedPoint.ONE_DOLLAR - price)
                + KalshiFees.roundUpToCent(KalshiFees.tradeFee(count, price))
                        .movePointRight(6)
                        .longValueExact();
        int shard = shardOf(ticker);
        if (worstCost > freeMicros(shard)) {
            // a funded account still gets this when the market's own shard lacks the cash (kalshi.md §1)
            throw new KalshiRestError(400, "insufficient_balance", "insufficient balance on exchange_index " + shard);
        }
        KalshiBook book = books.kalshi(ticker);
        // the liquidity this order can take: NO bids for a bid (YES asks at 1 − q), YES bids for an ask
        KalshiSide takes = bid ? KalshiSide.NO : KalshiSide.YES;
        List<long[]> matches = match(book.bids(takes).ascending(), bid, price, count);
        long matched = matches.stream().mapToLong(m -> m[1]).sum();
        if (timeInForce.equals("fill_or_kill") && matched < count) {
            matches = List.of();
            matched = 0;
        }
        String orderId = "sim-" + (++orderCounter);
        long now = clockMillis.getAsLong();
        BigDecimal runningFee = BigDecimal.ZERO;
        BigDecimal chargedFee = BigDecimal.ZERO;
        long costMicros = 0;
        long yesNotional = 0;
        for (long[] match : matches) {
            long bookPrice = match[0];
            long take = match[1];
            long yesPrice = bid ? FixedPoint.ONE_DOLLAR - bookPrice : bookPrice;
            books.applyKalshi(ticker, takes, bookPrice, -take);
            runningFee = runningFee.add(KalshiFees.tradeFee(take, yesPrice));
            BigDecimal fee = KalshiFees.roundUpToCent(runningFee).subtract(chargedFee);
            chargedFee = chargedFee.add(fee);
            long cost = take * (bid ? yesPrice : FixedPoint.ONE_DOLLAR - yesPrice);
            costMicros += cost;
            yesNotional += take * yesPrice;
            settleFill(ticker, bid, yesPrice, take, fee);
            fills.add(fill(orderId, clientOrderId, ticker, bid, yesPrice, take, fee, now));
        }
        long remaining = 0;
        if (timeInForce.equals("good_till_canceled") && count > matched) {
            remaining = count - matched;
            // rests as a bid on its own ladder: a YES bid at p, or (ask) a NO bid at 1 − p
            books.applyKalshi(
                    ticker,
                    bid ? KalshiSide.YES : KalshiSide.NO,
                    bid ? price : FixedPoint.ONE_DOLLAR - price,
                    remaining);
        }
        if (remaining > 0) {
            long held = remaining * (bid ? price : FixedPoint.ONE_DOLLAR - price)
                    + KalshiFees.roundUpToCent(KalshiFees.tradeFee(remaining, price))
                            .movePointRight(6)
                            .longValueExact();
            reservedByOrder.put(orderId, new long[] {shard, held});
        }
        String status = remaining > 0 ? "resting" : matched == count ? "executed" : "canceled";
        JsonObject order = new JsonObject()
                .put("order_id", orderId)
                .put("client_order_id", clientOrderId)
                .put("ticker", ticker)
                .put("status", status)
                .put("outcome_side", bid ? "yes" : "no")
                .put("book_side", side)
                .put("yes_price_dollars", FixedPoint.kalshiPrice(price))
                .put("no_price_dollars", FixedPoint.kalshiPrice(FixedPoint.ONE_DOLLAR - price))
                .put("fill_count_fp", FixedPoint.kalshiSize(matched))
                .put("remaining_count_fp", FixedPoint.kalshiSize(remaining))
                .put("initial_count_fp", FixedPoint.kalshiSize(count))
                .put("taker_fill_cost_dollars", dollars6(costMicros))
                .put("maker_fill_cost_dollars", "0.000000")
                .put("taker_fees_dollars", chargedFee.setScale(6).toPlainString())
                .put("maker_fees_dollars", "0.000000")
                .put("time_in_force", timeInForce)
                .put("self_trade_prevention_type", body.getString("self_trade_prevention_type"))
                .put("created_time", Instant.ofEpochMilli(now).toString());
        ordersById.put(orderId, order);
        orderIdByClientId.put(clientOrderId, orderId);
        JsonObject created = new JsonObject()
                .put("order_id", orderId)
                .put("client_order_id", clientOrderId)
                .put("fill_count", FixedPoint.kalshiSize(matched))
                .put("remaining_count", FixedPoint.kalshiSize(remaining))
                .put("ts_ms", now);
        if (matched > 0) {
            // YES terms, like every V2 price; the fee per contract
            created.put(
                    "average_fill_price",
                    BigDecimal.valueOf(yesNotional, 6)
                            .divide(BigDecimal.valueOf(matched, 2), 4, RoundingMode.HALF_UP)
                            .toPlainString());
            created.put(
                    "average_fee_paid",
                    chargedFee
                            .divide(BigDecimal.valueOf(matched, 2), 6, RoundingMode.HALF_UP)
                            .toPlainString());
        }
        return created;
    }

    /** Levels to take, best first, up to {@code count}: {price on the book, size}. */
    private static List<long[]> match(NavigableMap<Long, Long> ladder, boolean bid, long limit, long count) {
        List<long[]> matches = new ArrayList<>();
        long left = count;
        for (Map.Entry<Long, Long> level : ladder.descendingMap().entrySet()) {
            long yesPrice = bid ? FixedPoint.ONE_DOLLAR - level.getKey() : level.getKey();
            boolean crosses = bid ? yesPrice <= limit : yesPrice >= limit;
            if (!crosses || left == 0) {
                break;
            }
            long take = Math.min(left, level.getValue());
            matches.add(new long[] {level.getKey(), take});
            left -= take;
        }
        return matches;
    }

    /** Cash and signed position after one fill; closing the opposite side first pays out $1 per pair. */
    private void settleFill(String ticker, boolean bid, long yesPrice, long take, BigDecimal fee) {
        long position = positionByTicker.getOrDefault(ticker, 0L);
        int shard = shardOf(ticker);
        if (bid) {
            long closing = Math.min(take, Math.max(0, -position));
            addCash(shard, closing * (FixedPoint.ONE_DOLLAR - yesPrice) - (take - closing) * yesPrice);
            position += take;
        } else {
            long closing = Math.min(take, Math.max(0, position));
            addCash(shard, closing * yesPrice - (take - closing) * (FixedPoint.ONE_DOLLAR - yesPrice));
            position -= take;
        }
        long feeMicros = fee.movePointRight(6).longValueExact();
        addCash(shard, -feeMicros);
        positionByTicker.put(ticker, position);
        feesByTicker.merge(ticker, feeMicros, Long::sum);
    }

    private JsonObject fill(
            String orderId,
            String clientOrderId,
            String ticker,
            boolean bid,
            long yesPrice,
            long take,
            BigDecimal fee,
            long nowMillis) {
        String id = "fill-" + (++fillCounter);
        return new JsonObject()
                .put("fill_id", id)
                .put("trade_id", id)
                .put("order_id", orderId)
                .put("client_order_id", clientOrderId)
                .put("ticker", ticker)
                .put("market_ticker", ticker)
                .put("count_fp", FixedPoint.kalshiSize(take))
                .put("yes_price_dollars", FixedPoint.kalshiPrice(yesPrice))
                .put("no_price_dollars", FixedPoint.kalshiPrice(FixedPoint.ONE_DOLLAR - yesPrice))
                .put("is_taker", true)
                .put("fee_cost", fee.setScale(4).toPlainString())
                // an ask is reported as a NO purchase (GOTCHAS #1 saw a YES sale come back with outcome_side=no)
                .put("outcome_side", bid ? "yes" : "no")
                .put("book_side", bid ? "bid" : "ask")
                .put("created_time", Instant.ofEpochMilli(nowMillis).toString())
                .put("ts", nowMillis / 1000)
                .put("exchange_index", shardOf(ticker));
    }

    /** {@code DELETE /portfolio/events/orders/{id}}: removes a resting remainder from the book. */
    JsonObject cancel(String orderId) {
        JsonObject order = ordersById.get(orderId);
        if (order == null || !"resting".equals(order.getString("status"))) {
            throw new KalshiRestError(404, "not_found", "order " + orderId + " not found or not resting");
        }
        long remaining = FixedPoint.parseSize(order.getString("remaining_count_fp"));
        boolean bid = "bid".equals(order.getString("book_side"));
        long price = FixedPoint.parsePrice(order.getString("yes_price_dollars"));
        KalshiSide side = bid ? KalshiSide.YES : KalshiSide.NO;
        long bookPrice = bid ? price : FixedPoint.ONE_DOLLAR - price;
        long resting = Math.min(
                remaining, books.kalshi(order.getString("ticker")).bids(side).size(bookPrice));
        if (resting > 0) {
            books.applyKalshi(order.getString("ticker"), side, bookPrice, -resting);
        }
        order.put("status", "canceled").put("remaining_count_fp", FixedPoint.kalshiSize(0));
        reservedByOrder.remove(orderId);
        return new JsonObject()
                .put("order_id", orderId)
                .put("client_order_id", order.getString("client_order_id"))
                .put("reduced_by", FixedPoint.kalshiSize(remaining))
                .put("ts_ms", clockMillis.getAsLong());
    }

    JsonObject order(String orderId) {
        JsonObject order = ordersById.get(orderId);
        if (order == null) {
            throw new KalshiRestError(404, "not_found", "order " + orderId + " not found");
        }
        return new JsonObject().put("order", order.copy());
    }

    /**
     * {@code GET /portfolio/orders?ticker=&status=&min_ts=&limit=&cursor=} (kalshi.md §4.3): newest first, {@code limit}
     * per page, the cursor an opaque offset ({@code ""} on the last page).
     */
    JsonObject orders(String ticker, String status, long minTsSeconds, int limit, int offset) {
        List<JsonObject> matching = new ArrayList<>();
        List<JsonObject> all = new ArrayList<>(ordersById.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonObject order = all.get(i);
            if ((ticker == null || ticker.equals(order.getString("ticker")))
                    && (status == null || status.equals(order.getString("status")))
                    && Instant.parse(order.getString("created_time")).getEpochSecond() >= minTsSeconds) {
                matching.add(order);
            }
        }
        JsonArray page = new JsonArray();
        matching.stream().skip(offset).limit(limit).forEach(order -> page.add(order.copy()));
        int next = offset + page.size();
        return new JsonObject()
                .put("orders", page)
                .put(
                        "cursor",
                        next < matching.size()
                                ? java.util.Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(Integer.toString(next)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                : "");
    }

    /** Newest first, optionally filtered by ticker and order id; one page (the simulator keeps few). */
    JsonObject fills(String ticker, String orderId) {
        JsonArray page = new JsonArray();
        for (int i = fills.size() - 1; i >= 0; i--) {
            JsonObject fill = fills.get(i);
            if ((ticker == null || ticker.equals(fill.getString("ticker")))
                    && (orderId == null || orderId.equals(fill.getString("order_id")))) {
                page.add(fill.copy());
            }
        }
        return new JsonObject().put("fills", page).put("cursor", "");
    }

    JsonObject positions() {
        JsonArray markets = new JsonArray();
        positionByTicker.forEach((ticker, position) -> markets.add(new JsonObject()
                .put("ticker", ticker)
                .put("position_fp", FixedPoint.kalshiSize(position))
                .put(
                        "fees_paid_dollars",
                        BigDecimal.valueOf(feesByTicker.getOrDefault(ticker, 0L), 6)
                                .setScale(4, RoundingMode.UP)
                                .toPlainString())
                .put(
                        "last_updated_ts",
                        Instant.ofEpochMilli(clockMillis.getAsLong()).toString())));
        return new JsonObject()
                .put("market_positions", markets)
                .put("event_positions", new JsonArray())
                .put("cursor", "");
    }

    /**
     * {@code GET /portfolio/balance[?exchange_index=N]}: {@code balance} in integer cents (rounded down),
     * {@code balance_dollars} to the centi-cent, and {@code balance_breakdown} with one entry per shard
     * ({@code exchange_index}, {@code balance}, {@code balance_dollars}; the sources do not spell the element
     * out, so this layout is the simulator's assumption). With {@code exchange_index} the totals are that shard's.
     */
    JsonObject balance(Integer exchangeIndex) {
        JsonArray breakdown = new JsonArray();
        long total = 0;
        for (Map.Entry<Integer, Long> shard : cashMicrosByShard.entrySet()) {
            if (exchangeIndex != null && !exchangeIndex.equals(shard.getKey())) {
                continue;
            }
            total += shard.getValue();
            breakdown.add(new JsonObject()
                    .put("exchange_index", shard.getKey())
                    .put("balance", Math.floorDiv(shard.getValue(), MICROS_PER_DOLLAR / 100))
                    .put("balance_dollars", dollars4(shard.getValue())));
        }
        return new JsonObject()
                .put("balance", Math.floorDiv(total, MICROS_PER_DOLLAR / 100))
                .put("portfolio_value", 0)
                .put("balance_dollars", dollars4(total))
                .put("balance_breakdown", breakdown)
                .put("updated_ts", clockMillis.getAsLong() / 1000);
    }

    JsonObject balance() {
        return balance(null);
    }

    private static String dollars4(long micros) {
        return BigDecimal.valueOf(micros, 6).setScale(4, RoundingMode.DOWN).toPlainString();
    }

    private static String dollars6(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }

    private static String string(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(field + " is required");
        }
        return text;
    }

    /** V2 wants strings; a JSON number is refused like the venue's schema would. */
    private static long decimal(JsonObject body, String field, boolean price) {
        String text = string(body, field);
        try {
            return price ? FixedPoint.parsePrice(text) : FixedPoint.parseSize(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    private static KalshiRestError invalid(String message) {
        return new KalshiRestError(400, "invalid_order", message);
    }
}

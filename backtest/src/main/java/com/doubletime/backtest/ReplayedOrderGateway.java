package com.doubletime.backtest;

import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Orderbook;
import com.doubletime.domain.OrderbookSet;
import com.doubletime.domain.Platform;
import com.doubletime.domain.VenueFees;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.TimeInForce;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegOrder;
import com.doubletime.executor.paper.IocFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One venue as the backtest's leg-risk orders meet it: an order reaches the replayed book {@code latency} ms (capture
 * clock) after it is sent and fills there immediate-or-cancel ({@code IocFill}, the paper fill rule: a buy takes the
 * asks up to its limit, a sell the bids down to its limit; fill-or-kill fills all or nothing), at the pair's taker
 * fee per level taken. What it took is held back from the books ({@link TakenLiquidity}). The answer is final at once
 * and comes back with no further delay; {@code status} and {@code cancel} read it again.
 */
final class ReplayedOrderGateway implements VenueOrderGateway {
    private static final int AVERAGE_PRICE_DECIMALS = FixedPoint.DECIMALS;

    private final Platform platform;
    private final OrderbookSet books;
    private final TakenLiquidity liquidity;
    private final CaptureClock clock;
    private final long latencyMillis;
    private final Map<String, VenueFees> feesByInstrument = new HashMap<>();
    private final Map<String, OrderResult> answers = new HashMap<>();
    private long orders;

    ReplayedOrderGateway(
            Platform platform,
            List<MarketPair> pairs,
            OrderbookSet books,
            TakenLiquidity liquidity,
            CaptureClock clock,
            long latencyMillis) {
        this.platform = platform;
        this.books = books;
        this.liquidity = liquidity;
        this.clock = clock;
        this.latencyMillis = latencyMillis;
        for (MarketPair pair : pairs) {
            VenueFees fees = VenueFees.of(pair, platform);
            if (platform == Platform.KALSHI) {
                feesByInstrument.putIfAbsent(pair.kalshiTicker(), fees);
            } else {
                feesByInstrument.putIfAbsent(pair.yesTokenId(), fees);
                feesByInstrument.putIfAbsent(pair.noTokenId(), fees);
            }
        }
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CompletionStage<OrderResult> place(OrderRequest order) {
        CompletableFuture<OrderResult> answer = new CompletableFuture<>();
        String venueOrderId = "replayed-" + platform.wireName() + "-" + ++orders;
        clock.schedule(latencyMillis, () -> {
            OrderResult result = fill(order, venueOrderId);
            answers.put(venueOrderId, result);
            answer.complete(result);
        });
        return answer;
    }

    private OrderResult fill(OrderRequest request, String venueOrderId) {
        long quantity = FixedPoint.wholeUnitsDown(request.quantity());
        Orderbook book = books.find(platform, request.instrument());
        VenueFees fees = feesByInstrument.get(request.instrument());
        if (book == null || book.isStale() || fees == null) {
            return unfilled(
                    request,
                    venueOrderId,
                    quantity,
                    "the " + platform.wireName() + " book " + request.instrument()
                            + " is stale or unknown when the order arrives");
        }
        LegOrder order = new LegOrder(platform, request.outcome(), request.instrument(), request.limitPrice());
        boolean buy = request.action() == OrderAction.BUY;
        LegFill fill = buy
                ? IocFill.buy(order, IocFill.asks(book, order), quantity, fees)
                : IocFill.sell(order, IocFill.bids(book, order), quantity, fees);
        if (request.timeInForce() == TimeInForce.FILL_OR_KILL && fill.filledQuantity() < quantity) {
            return unfilled(
                    request,
                    venueOrderId,
                    quantity,
                    "fill or kill: only " + fill.filledQuantity() + " of " + quantity + " available at the limit");
        }
        long now = clock.getAsLong();
        liquidity.take(fill, request.action(), now);
        liquidity.evaluate(platform, now);
        long filled = fill.filledQuantity();
        OrderStatus status = filled == quantity
                ? OrderStatus.FILLED
                : filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.UNFILLED;
        long average = filled == 0
                ? -1
                : FixedPoint.parse(fill.cost()
                        .divide(BigDecimal.valueOf(filled), AVERAGE_PRICE_DECIMALS, RoundingMode.HALF_UP)
                        .toPlainString());
        return answer(
                request,
                venueOrderId,
                status,
                filled * FixedPoint.ONE,
                (quantity - filled) * FixedPoint.ONE,
                average,
                fill.fee(),
                filled == 0
                        ? "nothing at or " + (buy ? "below" : "above") + " the limit when the order arrived"
                        : null);
    }

    /** Nothing filled: the whole quantity remains, no fee. */
    private static OrderResult unfilled(OrderRequest request, String venueOrderId, long quantity, String reason) {
        return answer(
                request, venueOrderId, OrderStatus.UNFILLED, 0, quantity * FixedPoint.ONE, -1, BigDecimal.ZERO, reason);
    }

    private static OrderResult answer(
            OrderRequest request,
            String venueOrderId,
            OrderStatus status,
            long filled,
            long remaining,
            long averagePrice,
            BigDecimal fees,
            String reason) {
        return new OrderResult(
                request.clientOrderId(),
                venueOrderId,
                status,
                filled,
                remaining,
                averagePrice,
                fees,
                reason == null ? null : "replayed",
                reason);
    }

    @Override
    public CompletionStage<OrderResult> cancel(String venueOrderId) {
        return status(venueOrderId);
    }

    @Override
    public CompletionStage<OrderResult> status(String venueOrderId) {
        OrderResult answer = answers.get(venueOrderId);
        return answer != null
                ? CompletableFuture.completedFuture(answer)
                : CompletableFuture.completedFuture(new OrderResult(
                        null,
                        venueOrderId,
                        OrderStatus.UNKNOWN,
                        0,
                        0,
                        -1,
                        BigDecimal.ZERO,
                        "replayed",
                        "no such order (it has not reached the replayed venue yet)"));
    }

    @Override
    public CompletionStage<List<VenuePosition>> positions() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a replayed venue holds no account"));
    }

    @Override
    public CompletionStage<VenueBalance> balance() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a replayed venue holds no account"));
    }
}

package com.doubletime.executor;

import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A scripted venue: answers each order with what the test says, records every call. */
final class FakeVenue implements VenueOrderGateway {
    final Platform platform;
    final List<OrderRequest> placed = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.atomic.AtomicInteger balanceReads = new java.util.concurrent.atomic.AtomicInteger();
    volatile java.util.function.Supplier<CompletionStage<VenueBalance>> onBalance =
            () -> CompletableFuture.completedFuture(new VenueBalance(platform(), new BigDecimal("1000")));
    volatile Function<OrderRequest, CompletionStage<OrderResult>> onPlace;
    volatile Function<String, OrderResult> onStatus = id -> null;
    volatile List<VenuePosition> positions = List.of();
    /** Lookup by client order id: null keeps the port's default (UNKNOWN, not supported). */
    volatile java.util.function.BiFunction<String, String, CompletionStage<OrderResult>> onFind;

    FakeVenue(Platform platform) {
        this.platform = platform;
        this.onPlace = order -> CompletableFuture.completedFuture(fill(order, order.quantity(), order.limitPrice()));
    }

    static OrderResult fill(OrderRequest order, long quantity, long price) {
        OrderStatus status = quantity == 0
                ? OrderStatus.UNFILLED
                : quantity == order.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        return new OrderResult(
                order.clientOrderId(),
                "v-" + order.clientOrderId(),
                status,
                quantity,
                0,
                quantity == 0 ? -1 : price,
                BigDecimal.ZERO,
                null,
                null);
    }

    static OrderResult rejected(OrderRequest order, String code) {
        return new OrderResult(
                order.clientOrderId(), null, OrderStatus.REJECTED, 0, 0, -1, BigDecimal.ZERO, code, "refused");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CompletionStage<OrderResult> place(OrderRequest order) {
        placed.add(order);
        calls.add("place " + order.clientOrderId());
        return onPlace.apply(order);
    }

    @Override
    public CompletionStage<OrderResult> cancel(String venueOrderId) {
        calls.add("cancel " + venueOrderId);
        OrderResult state = onStatus.apply(venueOrderId);
        return CompletableFuture.completedFuture(
                state != null && state.status() != OrderStatus.DELAYED
                        ? state
                        : new OrderResult(
                                null,
                                venueOrderId,
                                OrderStatus.UNFILLED,
                                0,
                                0,
                                -1,
                                BigDecimal.ZERO,
                                null,
                                "cancelled"));
    }

    @Override
    public CompletionStage<OrderResult> status(String venueOrderId) {
        calls.add("status " + venueOrderId);
        return CompletableFuture.completedFuture(onStatus.apply(venueOrderId));
    }

    @Override
    public CompletionStage<OrderResult> findByClientOrderId(String clientOrderId, String instrument) {
        calls.add("find " + clientOrderId + " " + instrument);
        var find = onFind;
        return find == null
                ? VenueOrderGateway.super.findByClientOrderId(clientOrderId, instrument)
                : find.apply(clientOrderId, instrument);
    }

    @Override
    public CompletionStage<List<VenuePosition>> positions() {
        return CompletableFuture.completedFuture(positions);
    }

    @Override
    public CompletionStage<VenueBalance> balance() {
        balanceReads.incrementAndGet();
        return onBalance.get();
    }
}

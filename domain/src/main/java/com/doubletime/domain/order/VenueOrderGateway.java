package com.doubletime.domain.order;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The port through which the executor trades on one venue. Each venue adapter implements it over the
 * venue's REST API; the domain stays free of HTTP and of the venues' JSON.
 */
public interface VenueOrderGateway {
    Platform platform();

    CompletionStage<OrderResult> place(OrderRequest order);

    CompletionStage<OrderResult> cancel(String venueOrderId);

    /** The order's current state, by the venue's id (Polymarket: the order hash). */
    CompletionStage<OrderResult> status(String venueOrderId);

    /**
     * The order sent with {@code clientOrderId} on {@code instrument}, found by the id we chose: how a restart
     * settles an order whose request was journaled but whose answer (and so its venue id) never was. A venue
     * that lists no orders by client order id keeps this default: {@link OrderStatus#UNKNOWN}.
     * Implementations complete with {@link OrderStatus#UNFILLED} and nothing filled only when the venue's
     * listing was read in full and holds no such order (it never reached the venue), and with UNKNOWN on
     * any error.
     */
    default CompletionStage<OrderResult> findByClientOrderId(String clientOrderId, String instrument) {
        return CompletableFuture.completedFuture(new OrderResult(
                clientOrderId,
                null,
                OrderStatus.UNKNOWN,
                0,
                0,
                -1,
                BigDecimal.ZERO,
                "not_supported",
                "lookup by client order id not supported"));
    }

    CompletionStage<List<VenuePosition>> positions();

    CompletionStage<VenueBalance> balance();

    /**
     * Where this gateway reports a fill it had to correct: a venue's record of an order that contradicts the fill its
     * answer reported (the record is what the result carries). The executor journals and publishes each as an alert.
     * A gateway that never corrects a fill keeps this default, which reports nothing. May be called on any thread.
     */
    default VenueOrderGateway onFillMismatch(Consumer<String> alerts) {
        return this;
    }
}

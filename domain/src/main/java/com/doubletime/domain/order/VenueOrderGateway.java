package com.doubletime.domain.order;

import com.doubletime.domain.Platform;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /**
     * The id the venue will know {@code order} by, when the client fixes it before sending (Polymarket: the order
     * hash, set by the signed order, whose timestamp is the signing time); null when only the venue's answer tells
     * it (Kalshi). Journaled with the request before the order leaves, so that an executor that dies before the
     * answer is journaled can still be found at the venue ({@link #findUnanswered}). The same order sent afterwards
     * must carry exactly this id.
     */
    default String venueOrderIdBeforeSending(OrderRequest order) {
        return null;
    }

    /**
     * An order whose request was journaled but whose answer never was (its sender died): looked up by the venue
     * order id fixed before sending when there is one ({@link #venueOrderIdBeforeSending}), else by the client order
     * id. An order the venue does not know is answered UNFILLED with reject code {@code not_found}.
     */
    default CompletionStage<OrderResult> findUnanswered(
            String clientOrderId, String instrument, String plannedVenueOrderId) {
        return findByClientOrderId(clientOrderId, instrument);
    }

    CompletionStage<List<VenuePosition>> positions();

    CompletionStage<VenueBalance> balance();
}

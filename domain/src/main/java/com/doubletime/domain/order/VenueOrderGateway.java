package com.doubletime.domain.order;

import com.doubletime.domain.Platform;
import java.util.List;
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

    CompletionStage<List<VenuePosition>> positions();

    CompletionStage<VenueBalance> balance();
}

package com.doubletime.domain.order;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
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

    /**
     * The order's venue id when the venue's id can be known before the order is sent: Polymarket's order id is the
     * EIP-712 hash of the signed order, so the order is signed here (and that signed order is what {@link #place}
     * sends for this {@code clientOrderId}). The executor journals it with the request, so an order whose answer is
     * lost in a crash is found again by {@link #findByVenueOrderId}. Null when the venue assigns its id on receipt
     * (Kalshi) or the request cannot be signed (it is refused by {@link #place} then, with the reason).
     */
    default String orderIdBeforeSending(OrderRequest order) {
        return null;
    }

    /**
     * An order whose request was journaled with its venue id ({@link #orderIdBeforeSending}) but whose answer never
     * was: the venue's record of it. Completes with {@link OrderStatus#UNFILLED} and nothing filled only when the
     * venue says it has no such order (it never reached the venue), with UNKNOWN when the venue cannot be asked.
     * This default asks {@link #status}.
     */
    default CompletionStage<OrderResult> findByVenueOrderId(String venueOrderId, String clientOrderId) {
        return status(venueOrderId);
    }

    /**
     * Every order of this account the venue received at or after {@code sinceEpochMillis}, with what filled, read in
     * full: how a restart finds orders whose journal lines a power cut lost. Completes exceptionally when the
     * listing cannot be read in full (a failed page, a malformed record): an order's absence is never assumed. This
     * default cannot list orders and says so.
     */
    default CompletionStage<List<VenueOrder>> ordersSince(long sinceEpochMillis) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                platform().wireName() + " order gateway cannot list the account's orders"));
    }

    CompletionStage<List<VenuePosition>> positions();

    CompletionStage<VenueBalance> balance();

    /**
     * Cash for the capital rules: Kalshi with its per-shard breakdown, Polymarket with the exchange's allowance. This
     * default reads {@link #balance} as cash without shards or allowance (all of a Kalshi account on shard 0).
     */
    default CompletionStage<VenueCash> cash() {
        return balance()
                .thenApply(balance ->
                        new VenueCash(platform(), balance.available(), List.of(), null, System.currentTimeMillis()));
    }

    /**
     * Cash after money arrived from outside the venue's own trading (a redemption paid on chain): a venue that caches
     * balances is made to read the account again first (Polymarket {@code GET /balance-allowance/update}). This
     * default is {@link #cash}.
     */
    default CompletionStage<VenueCash> cashAfterDeposit() {
        return cash();
    }

    /**
     * Where this gateway reports a fill it had to correct: a venue's record of an order that contradicts the fill its
     * answer reported (the record is what the result carries). The executor journals and publishes each as an alert.
     * A gateway that never corrects a fill keeps this default, which reports nothing. May be called on any thread.
     */
    default VenueOrderGateway onFillMismatch(Consumer<String> alerts) {
        return this;
    }
}

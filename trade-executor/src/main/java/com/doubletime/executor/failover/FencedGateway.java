package com.doubletime.executor.failover;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCash;
import com.doubletime.domain.order.OrderRequest;
import com.doubletime.domain.order.OrderResult;
import com.doubletime.domain.order.OrderStatus;
import com.doubletime.domain.order.VenueBalance;
import com.doubletime.domain.order.VenueOrder;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.order.VenuePosition;
import com.doubletime.executor.lifecycle.Scheduler;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A venue's order gateway as a fail-over executor uses it:
 *
 * <ul>
 *   <li>{@link #place} asks the {@link FencingGate} first and sends nothing once this executor may no longer act
 *       (its lease lapsed, a newer epoch exists): the order is answered REJECTED {@code not_sent} without reaching
 *       the venue, so the leg holds nothing and no policy acts on it;</li>
 *   <li>{@link #findByVenueOrderId}, {@link #findByClientOrderId} and {@link #ordersSince}, which recovery uses for an order of the previous active executor whose answer
 *       never reached the journal: when the venue does not know the order ({@code not_found}) before
 *       {@code settleUntil}, it is asked once more then — an order sent just before the previous lease lapsed may
 *       still have been on its way to the venue at the first lookup.</li>
 * </ul>
 * Everything else is passed through (cancelling this executor's own orders and reading the venue are safe).
 */
public final class FencedGateway implements VenueOrderGateway {
    static final String NOT_SENT = "not_sent";
    private static final String NOT_FOUND = "not_found";

    private final VenueOrderGateway venue;
    private final FencingGate gate;
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final long settleUntilMillis;

    /**
     * @param settleUntilMillis wall-clock time before which a {@code not_found} lookup is repeated at that time
     */
    public FencedGateway(
            VenueOrderGateway venue,
            FencingGate gate,
            Scheduler scheduler,
            LongSupplier wallClock,
            long settleUntilMillis) {
        this.venue = venue;
        this.gate = gate;
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.settleUntilMillis = settleUntilMillis;
    }

    @Override
    public Platform platform() {
        return venue.platform();
    }

    @Override
    public CompletionStage<OrderResult> place(OrderRequest order) {
        String refusal = gate.refusal();
        if (refusal != null) {
            return CompletableFuture.completedFuture(new OrderResult(
                    order.clientOrderId(), null, OrderStatus.REJECTED, 0, 0, -1, BigDecimal.ZERO, NOT_SENT, refusal));
        }
        return venue.place(order);
    }

    @Override
    public CompletionStage<OrderResult> cancel(String venueOrderId) {
        return venue.cancel(venueOrderId);
    }

    @Override
    public CompletionStage<OrderResult> status(String venueOrderId) {
        return venue.status(venueOrderId);
    }

    @Override
    public CompletionStage<OrderResult> findByClientOrderId(String clientOrderId, String instrument) {
        return settled(() -> venue.findByClientOrderId(clientOrderId, instrument));
    }

    @Override
    public CompletionStage<OrderResult> findByVenueOrderId(String venueOrderId, String clientOrderId) {
        return settled(() -> venue.findByVenueOrderId(venueOrderId, clientOrderId));
    }

    @Override
    public String orderIdBeforeSending(OrderRequest order) {
        return venue.orderIdBeforeSending(order);
    }

    /**
     * A lookup that finds nothing filled (the venue never saw the order, or it ended unfilled) before {@code
     * settleUntil} is made once more then: an order sent just before the previous lease lapsed may still have been on
     * its way. Asking an order that did end unfilled again costs only the wait.
     */
    private CompletionStage<OrderResult> settled(Supplier<CompletionStage<OrderResult>> lookup) {
        return lookup.get().thenCompose(found -> {
            long wait = settleUntilMillis - wallClock.getAsLong();
            if (found == null || !nothingFilled(found) || wait <= 0) {
                return CompletableFuture.completedFuture(found);
            }
            CompletableFuture<Void> settledDown = new CompletableFuture<>();
            scheduler.schedule(wait, () -> settledDown.complete(null));
            return settledDown.thenCompose(done -> lookup.get());
        });
    }

    private static boolean nothingFilled(OrderResult found) {
        return NOT_FOUND.equals(found.rejectCode())
                || found.status() == OrderStatus.UNFILLED && found.filledQuantity() <= 0;
    }

    /**
     * The venue's order records, read once {@code settleUntil} has passed: an order the previous active executor sent
     * just before its lease lapsed, and whose journal lines its host lost, is listed only once it reached the venue.
     */
    @Override
    public CompletionStage<List<VenueOrder>> ordersSince(long sinceEpochMillis) {
        long wait = settleUntilMillis - wallClock.getAsLong();
        if (wait <= 0) {
            return venue.ordersSince(sinceEpochMillis);
        }
        CompletableFuture<Void> settledDown = new CompletableFuture<>();
        scheduler.schedule(wait, () -> settledDown.complete(null));
        return settledDown.thenCompose(done -> venue.ordersSince(sinceEpochMillis));
    }

    @Override
    public CompletionStage<List<VenuePosition>> positions() {
        return venue.positions();
    }

    @Override
    public CompletionStage<VenueBalance> balance() {
        return venue.balance();
    }

    @Override
    public CompletionStage<VenueCash> cash() {
        return venue.cash();
    }

    @Override
    public CompletionStage<VenueCash> cashAfterDeposit() {
        return venue.cashAfterDeposit();
    }

    /** The venue's fill corrections reach the executor that uses this gateway. */
    @Override
    public VenueOrderGateway onFillMismatch(Consumer<String> alerts) {
        venue.onFillMismatch(alerts);
        return this;
    }
}

package com.doubletime.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.doubletime.domain.FixedPoint;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link VenueOrderGateway} must do for the executor, run against each implementation (exchange-core's
 * abstract-suite habit): the Kalshi gateway and the Polymarket gateway against their simulators, and the test fake
 * the executor's own tests trade on, so the fake behaves as the venues do.
 *
 * <ul>
 *   <li>a marketable order fills and is read back by its venue id;</li>
 *   <li>an immediate-or-cancel buy beyond what rests at its limit fills what rests there, and nothing stays open;</li>
 *   <li>resending a client order id never buys twice (the executor's idempotency key);</li>
 *   <li>a 429 is sent again by the gateway with the same client order id, and the order fills once;</li>
 *   <li>an order the venue does not answer in time is UNKNOWN (it may exist), never REJECTED or UNFILLED;</li>
 *   <li>cancelling an order that already filled answers a final state and keeps its fills readable;</li>
 *   <li>the account's orders since a time are listed with what filled (how a restart finds orders the journal lost),
 *       and an order from before that time is not.</li>
 * </ul>
 */
@Timeout(120)
public abstract class VenueOrderGatewayContract {
    protected static final long WAIT_SECONDS = 30;
    /** The request timeout of the silent venue's gateway: short, the test waits for it. */
    protected static final long SILENT_TIMEOUT_MILLIS = 300;
    /** Contracts per order: Polymarket's usual minimum order size. */
    protected static final long CONTRACTS = 5 * FixedPoint.ONE;

    private static final Set<OrderStatus> FINAL =
            Set.of(OrderStatus.FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.UNFILLED, OrderStatus.REJECTED);

    private VenueUnderTest venue;

    /** A fresh venue for one test: books standing still, nothing held. */
    protected abstract VenueUnderTest openVenue() throws Exception;

    @BeforeEach
    void open() throws Exception {
        venue = openVenue();
    }

    @AfterEach
    void close() throws Exception {
        venue.close();
    }

    private OrderRequest buy(String clientOrderId, long limit, long quantity) {
        return new OrderRequest(
                clientOrderId,
                venue.gateway().platform(),
                venue.instrument(),
                venue.outcome(),
                OrderAction.BUY,
                limit,
                quantity,
                TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Contracts the venue says this account holds in the market ({@code FixedPoint}). */
    private long held() throws Exception {
        List<VenuePosition> positions = await(venue.gateway().positions());
        return positions.stream()
                .filter(p -> p.instrument().equals(venue.instrument()) && p.outcome() == venue.outcome())
                .mapToLong(VenuePosition::quantity)
                .sum();
    }

    @Test
    void aMarketableOrderFillsAndIsReadBackByItsVenueId() throws Exception {
        long ask = venue.bestAsk();

        OrderResult placed = await(venue.gateway().place(buy("contract-fill", ask, CONTRACTS)));

        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        assertEquals(CONTRACTS, placed.filledQuantity());
        assertEquals(ask, placed.averagePrice());
        assertNotNull(placed.venueOrderId());
        OrderResult read = await(venue.gateway().status(placed.venueOrderId()));
        assertEquals(OrderStatus.FILLED, read.status(), read.toString());
        assertEquals(CONTRACTS, read.filledQuantity());
        assertEquals(CONTRACTS, held());
    }

    @Test
    void anImmediateOrCancelBuyBeyondWhatRestsAtItsLimitFillsThatMuchAndLeavesNothingOpen() throws Exception {
        long ask = venue.bestAsk();
        long resting = venue.restingAtBestAsk();

        OrderResult placed = await(venue.gateway().place(buy("contract-partial", ask, resting + CONTRACTS)));

        assertEquals(OrderStatus.PARTIALLY_FILLED, placed.status(), placed.toString());
        assertEquals(resting, placed.filledQuantity());
        OrderResult read = await(venue.gateway().status(placed.venueOrderId()));
        assertTrue(FINAL.contains(read.status()), "nothing stays open: " + read);
        assertEquals(resting, read.filledQuantity());
        assertEquals(resting, held());
    }

    @Test
    void resendingAClientOrderIdNeverBuysTwice() throws Exception {
        OrderRequest order = buy("contract-resend", venue.bestAsk(), CONTRACTS);

        OrderResult first = await(venue.gateway().place(order));
        OrderResult again = await(venue.gateway().place(order));

        assertEquals(OrderStatus.FILLED, first.status(), first.toString());
        assertNotEquals(OrderStatus.FILLED, again.status(), "a resend is not a second fill: " + again);
        assertEquals(CONTRACTS, held(), "bought once");
    }

    @Test
    void aRateLimitedOrderIsSentAgainWithItsClientOrderIdAndFillsOnce() throws Exception {
        OrderRequest order = buy("contract-429", venue.bestAsk(), CONTRACTS);
        venue.rateLimitNextOrders(1);

        OrderResult placed = await(venue.gateway().place(order));

        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());
        assertEquals("contract-429", placed.clientOrderId());
        assertEquals(CONTRACTS, held());
    }

    @Test
    void anOrderTheVenueDoesNotAnswerInTimeIsUnknownNeverAbsent() throws Exception {
        VenueOrderGateway silent = venue.silentGateway(SILENT_TIMEOUT_MILLIS);

        OrderResult placed = await(silent.place(buy("contract-silent", venue.bestAsk(), CONTRACTS)));

        assertEquals(OrderStatus.UNKNOWN, placed.status(), placed.toString());
        assertEquals("contract-silent", placed.clientOrderId());
        assertEquals(0, placed.filledQuantity());
    }

    @Test
    void cancellingAnOrderThatFilledAnswersAFinalStateAndKeepsItsFills() throws Exception {
        OrderResult placed = await(venue.gateway().place(buy("contract-cancel", venue.bestAsk(), CONTRACTS)));
        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());

        OrderResult cancelled = await(venue.gateway().cancel(placed.venueOrderId()));

        assertTrue(FINAL.contains(cancelled.status()), "a final answer: " + cancelled);
        OrderResult read = await(venue.gateway().status(placed.venueOrderId()));
        assertEquals(OrderStatus.FILLED, read.status(), read.toString());
        assertEquals(CONTRACTS, read.filledQuantity());
        assertEquals(CONTRACTS, held());
    }

    @Test
    void theAccountsOrdersSinceATimeAreListedWithWhatFilled() throws Exception {
        long before = System.currentTimeMillis();
        OrderResult placed = await(venue.gateway().place(buy("contract-listed", venue.bestAsk(), CONTRACTS)));
        assertEquals(OrderStatus.FILLED, placed.status(), placed.toString());

        List<VenueOrder> listed = await(venue.gateway().ordersSince(before - 1_000));

        VenueOrder order = listed.stream()
                .filter(o -> placed.venueOrderId().equals(o.venueOrderId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(placed.venueOrderId() + " is listed: " + listed));
        assertEquals(venue.gateway().platform(), order.platform());
        assertEquals(venue.instrument(), order.instrument());
        assertEquals(CONTRACTS, order.filledQuantity());
        assertEquals(placed.averagePrice(), order.averagePrice(), order.toString());
        assertEquals(OrderAction.BUY, order.action(), order.toString());
        if (order.outcome() != null) {
            assertEquals(venue.outcome(), order.outcome(), order.toString());
        }
        if (order.clientOrderId() != null) {
            assertEquals("contract-listed", order.clientOrderId());
        }
        assertTrue(order.createdAtMillis() >= before - 1_000, order.toString());
        List<VenueOrder> later = await(venue.gateway().ordersSince(System.currentTimeMillis() + 5_000));
        assertTrue(
                later.stream().noneMatch(o -> placed.venueOrderId().equals(o.venueOrderId())),
                "an order from before the time asked is not listed: " + later);
    }
}

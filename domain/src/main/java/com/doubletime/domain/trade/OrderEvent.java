package com.doubletime.domain.trade;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.OrderAction;
import com.doubletime.domain.order.OrderStatus;
import java.math.BigDecimal;

/**
 * One step in the life of one live order, journaled before the executor acts on it: the request before
 * it is sent (so a crash after sending is never forgotten), the venue's answer, a cancel, an error, and
 * what a restart learnt from the venue about an order whose answer was lost.
 *
 * <p>Prices and quantities are {@link com.doubletime.domain.FixedPoint}; {@code averagePrice} is −1 when
 * nothing filled. {@code eventId} is unique per step and makes a repeated write harmless (the PostgreSQL
 * journal keys on it).
 *
 * @param purpose why the order was sent: the trade's own leg, or the leg-risk policy's re-hedge or unwind
 * @param status the venue's answer ({@code ACKNOWLEDGED}, {@code RECONCILED}); null for a request
 * @param detail the venue's reject code and reason, the error, or the reconciliation's finding; may be null
 * @param venueOrderId the venue's id of the order; on a request, set only when it is known before sending
 *     (Polymarket's order hash), so a restart can ask the venue about an order whose answer was lost
 */
public record OrderEvent(
        String eventId,
        String tradeId,
        OrderEventKind kind,
        LegPurpose purpose,
        Platform platform,
        String clientOrderId,
        String venueOrderId,
        OrderAction action,
        Outcome outcome,
        String instrument,
        long limitPrice,
        long quantity,
        OrderStatus status,
        long filledQuantity,
        long averagePrice,
        BigDecimal fees,
        String detail,
        long atNanos)
        implements JournalEntry {
    public OrderEvent {
        if (eventId == null
                || tradeId == null
                || kind == null
                || purpose == null
                || platform == null
                || clientOrderId == null
                || action == null
                || outcome == null
                || instrument == null
                || fees == null) {
            throw new IllegalArgumentException("order event: eventId, tradeId, kind, purpose, platform, clientOrderId, "
                    + "action, outcome, instrument and fees are required");
        }
    }

    /** This event with the venue's order id. */
    public OrderEvent withVenueOrderId(String id) {
        return new OrderEvent(
                eventId,
                tradeId,
                kind,
                purpose,
                platform,
                clientOrderId,
                id,
                action,
                outcome,
                instrument,
                limitPrice,
                quantity,
                status,
                filledQuantity,
                averagePrice,
                fees,
                detail,
                atNanos);
    }
}

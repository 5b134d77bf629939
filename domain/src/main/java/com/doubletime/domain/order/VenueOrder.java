package com.doubletime.domain.order;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import java.math.BigDecimal;

/**
 * One of our orders as the venue's own records list it, with what filled: how a restart finds orders the journal
 * never recorded (a power cut lost its unflushed tail after the orders left).
 *
 * @param clientOrderId the id we chose, when the venue keeps one (Kalshi), else null
 * @param outcome       what the order bought or sold; null when the venue's record does not say (Polymarket names
 *                      the token only: the pair says which outcome it is)
 * @param action        BUY or SELL of {@code outcome}'s contracts (Kalshi lists every order as a purchase of its
 *                      {@code outcome_side})
 * @param filledQuantity FixedPoint contracts filled
 * @param averagePrice  FixedPoint average fill price in {@code outcome}'s terms, or -1 when nothing filled
 * @param fees          fees the venue reports for the order (zero when it reports none)
 */
public record VenueOrder(
        Platform platform,
        String venueOrderId,
        String clientOrderId,
        String instrument,
        Outcome outcome,
        OrderAction action,
        long filledQuantity,
        long averagePrice,
        BigDecimal fees,
        long createdAtMillis) {}

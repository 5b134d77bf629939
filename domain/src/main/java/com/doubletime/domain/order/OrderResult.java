package com.doubletime.domain.order;

import java.math.BigDecimal;

/**
 * The venue's answer to an order, in domain terms.
 *
 * @param averagePrice FixedPoint average fill price in the outcome's terms, or -1 when nothing filled
 * @param fees         fees charged so far (exact), zero when unknown
 * @param rejectCode   the venue's error code or status for a rejection, else null
 */
public record OrderResult(
        String clientOrderId,
        String venueOrderId,
        OrderStatus status,
        long filledQuantity,
        long remainingQuantity,
        long averagePrice,
        BigDecimal fees,
        String rejectCode,
        String rejectReason) {}

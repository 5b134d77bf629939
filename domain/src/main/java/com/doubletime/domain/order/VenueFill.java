package com.doubletime.domain.order;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;
import java.math.BigDecimal;

/** One execution reported by a venue. Price and quantity are FixedPoint. */
public record VenueFill(
        Platform platform,
        String fillId,
        String venueOrderId,
        String clientOrderId,
        String instrument,
        Outcome outcome,
        OrderAction action,
        long price,
        long quantity,
        BigDecimal fee,
        long executedAtMillis) {}

package com.doubletime.domain.order;

import com.doubletime.domain.Outcome;
import com.doubletime.domain.Platform;

/**
 * One leg to send, in venue-neutral terms: buy or sell {@code quantity} contracts of {@code outcome} on
 * {@code instrument} (a Kalshi ticker, or the Polymarket token id of that outcome) at {@code limitPrice}
 * or better, the price being that outcome's price. The venue adapter maps it to the wire (Kalshi: buy
 * YES p → bid p, buy NO q → ask 1 − q, …). Prices and quantities are {@link com.doubletime.domain.FixedPoint}.
 *
 * @param clientOrderId idempotency key derived from the trade id: a resend never doubles the order
 */
public record OrderRequest(
        String clientOrderId,
        Platform platform,
        String instrument,
        Outcome outcome,
        OrderAction action,
        long limitPrice,
        long quantity,
        TimeInForce timeInForce) {}

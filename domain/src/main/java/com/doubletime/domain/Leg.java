package com.doubletime.domain;

import java.math.BigDecimal;

/**
 * One venue's side of a buy-both trade: buy {@code quantity} of {@code outcome} on {@code instrument}
 * (Kalshi ticker or Polymarket token id) up to {@code limitPrice}, the worst level used.
 */
public record Leg(
        Platform platform, Outcome outcome, String instrument, long limitPrice, BigDecimal cost, BigDecimal fee) {}

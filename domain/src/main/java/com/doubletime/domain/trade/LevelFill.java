package com.doubletime.domain.trade;

/** Part of a leg filled at one price level; both fixed-point ({@link com.doubletime.domain.FixedPoint}). */
public record LevelFill(long price, long size) {}

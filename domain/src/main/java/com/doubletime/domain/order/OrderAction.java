package com.doubletime.domain.order;

/** Buying or selling contracts of one outcome. */
public enum OrderAction {
    BUY,
    SELL
}

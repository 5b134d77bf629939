package com.doubletime.domain;

/** Which side of a book a level rests on. */
public enum Side {
    BID,
    ASK
}

package com.doubletime.domain;

/** The outcome a binary contract pays on. */
public enum Outcome {
    YES,
    NO;

    public Outcome opposite() {
        return this == YES ? NO : YES;
    }
}

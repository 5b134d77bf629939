package com.doubletime.domain;

/** Levels one can buy from, best (lowest) price first. */
public interface AskLadder {
    int levelCount();

    long price(int level);

    long size(int level);
}

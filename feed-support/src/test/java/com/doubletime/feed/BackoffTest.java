package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromInitialUpToMaxWhenJitterIsAtItsTop() {
        Backoff backoff = new Backoff(100, 1_000, bound -> bound);

        long[] delays = new long[6];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = backoff.nextDelayMillis();
        }

        assertEquals("[100, 200, 400, 800, 1000, 1000]", Arrays.toString(delays));
    }

    @Test
    void jitterKeepsEachDelayInTheUpperHalfOfItsStep() {
        Backoff low = new Backoff(100, 1_000, bound -> 0);
        assertEquals(50, low.nextDelayMillis());
        assertEquals(100, low.nextDelayMillis());

        Backoff random = new Backoff(1_000, 60_000);
        for (int i = 0; i < 1_000; i++) {
            long delay = random.nextDelayMillis();
            assertTrue(delay >= 500 && delay <= 60_000, "delay " + delay);
        }
    }

    @Test
    void resetStartsAgainFromTheInitialDelay() {
        Backoff backoff = new Backoff(100, 1_000, bound -> bound);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();

        backoff.reset();

        assertEquals(100, backoff.nextDelayMillis());
    }

    @Test
    void rejectsAMaximumBelowTheInitialDelay() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1_000, 10));
    }
}

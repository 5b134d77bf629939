package com.doubletime.domain;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochNanoClockTest {
    @Test
    void everyReaderOfTheProcessClockSharesOneAnchorSoAnIntervalBetweenTwoReadersIsNeverNegative() {
        EpochNanoClock feed = EpochNanoClock.process();
        EpochNanoClock monitor = EpochNanoClock.process();
        assertSame(feed, monitor);
        for (int i = 0; i < 100_000; i++) {
            long received = feed.nowNanos();
            long decided = monitor.nowNanos();
            assertTrue(decided >= received, "decided " + decided + " before received " + received);
        }
    }

    @Test
    void readsTheWallClockWithinASecondAndConvertsANanoTimeReadingToTheSameScale() {
        EpochNanoClock clock = EpochNanoClock.process();
        long wall = System.currentTimeMillis() * 1_000_000L;
        assertTrue(Math.abs(clock.nowNanos() - wall) < 1_000_000_000L);
        long nanoTime = System.nanoTime();
        long converted = clock.toEpochNanos(nanoTime);
        long now = clock.nowNanos();
        assertTrue(converted <= now && now - converted < 1_000_000_000L);
    }
}

package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureClockTest {
    private static final long T = 1_000_000_000L;

    @Test
    void timersFireInDueOrderAtTheirOwnTimeAndTimeNeverGoesBack() {
        CaptureClock clock = new CaptureClock();
        clock.moveTo(T);
        List<String> fired = new ArrayList<>();
        clock.schedule(25, () -> fired.add("b@" + (clock.getAsLong() - T)));
        clock.schedule(10, () -> fired.add("a@" + (clock.getAsLong() - T)));
        clock.schedule(25, () -> fired.add("c@" + (clock.getAsLong() - T)));
        clock.schedule(40, () -> fired.add("late")).cancel();

        while (clock.fireNext(T + 30_000_000)) {
            // each timer's consequences would be handled here
        }
        clock.moveTo(T + 30_000_000);
        clock.moveTo(T); // a capture line from the past

        assertEquals(List.of("a@10000000", "b@25000000", "c@25000000"), fired, "ties fire in scheduling order");
        assertEquals(T + 30_000_000, clock.getAsLong());
        assertFalse(clock.fireNext(Long.MAX_VALUE), "the cancelled timer never fires");
    }

    @Test
    void aTimerDueAtAFramesInstantFiresBeforeTheFrameAndWhatItSchedulesForNowToo() {
        CaptureClock clock = new CaptureClock();
        clock.moveTo(T);
        List<String> fired = new ArrayList<>();
        clock.schedule(5, () -> {
            fired.add("arrives");
            clock.schedule(0, () -> fired.add("answered at once"));
        });

        while (clock.fireNext(T + 5_000_000)) {
            // the replay loop does this before the frame received at T + 5 ms
        }

        assertEquals(List.of("arrives", "answered at once"), fired);
        List<String> direct = new ArrayList<>();
        clock.execute(() -> direct.add("now"));
        assertTrue(direct.contains("now"), "the executor's thread is the caller's");
    }
}

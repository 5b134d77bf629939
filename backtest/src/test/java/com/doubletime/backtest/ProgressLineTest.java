package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void onATerminalItRewritesOneLineWithFramesRateAndTimeLeftThenEndsIt() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(SECOND);
        ProgressLine line = new ProgressLine(new PrintStream(text, true, StandardCharsets.UTF_8), now::get, true);
        line.start();
        line.passStarted();
        now.addAndGet(2 * SECOND);
        // pass 1 of 2, half of it read in 2 s: 1.5 passes left at that pace take 6 s
        line.update(1, 2, -1, 200_000, 500, 1000);
        now.addAndGet(SECOND / 10);
        line.update(1, 2, -1, 210_000, 520, 1000); // too soon to redraw
        line.done();

        String out = text.toString(StandardCharsets.UTF_8);
        assertEquals(
                "\rbacktest: pass 1/2 (plain replay): 200,000 frames, 100,000 frames/s, 25% of the work, ETA 0:06\n",
                out);
    }

    @Test
    void offItPrintsNothing() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(text, true, StandardCharsets.UTF_8), () -> 5, false);
        line.start();
        line.passStarted();
        line.update(2, 3, 25, 10, 10, 100);
        line.done();
        assertTrue(text.toString(StandardCharsets.UTF_8).isEmpty());
    }
}

package com.doubletime.backtest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line on a terminal for a long backtest: which pass (the plain replay, then one per latency), frames done
 * in it, frames a second, and the time left for all passes, rewritten in place at most a few times a second. Quiet
 * when off (not a terminal); one newline when done, so what follows starts on its own line.
 */
public final class ProgressLine {
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long SECONDS_PER_MINUTE = 60;
    private static final int PERCENT = 100;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final boolean on;
    private long startedNanos;
    private long passStartedNanos;
    private long lastDrawNanos;
    private int lastWidth;
    private boolean drawn;

    /** @param on false prints nothing (stderr is not a terminal) */
    public ProgressLine(PrintStream out, LongSupplier nanoTime, boolean on) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.on = on;
    }

    /** Off: for tests, pipes and files. */
    public static ProgressLine off() {
        return new ProgressLine(System.err, System::nanoTime, false);
    }

    void start() {
        startedNanos = nanoTime.getAsLong();
    }

    void passStarted() {
        passStartedNanos = nanoTime.getAsLong();
        lastDrawNanos = 0;
    }

    /**
     * @param pass 1-based; pass 1 is the plain replay
     * @param latencyMillis the pass's latency, or -1 for the plain replay
     * @param bytes read in this pass, of {@code bytesPerPass}
     */
    void update(int pass, int passes, long latencyMillis, long frames, long bytes, long bytesPerPass) {
        if (!on) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double passSeconds = Math.max(1, now - passStartedNanos) / NANOS_PER_SECOND;
        double totalSeconds = Math.max(1, now - startedNanos) / NANOS_PER_SECOND;
        double whole = Math.max(1.0, (double) passes * bytesPerPass);
        double done = Math.min(whole, (double) (pass - 1) * bytesPerPass + bytes);
        String eta = done <= 0 ? "?" : clock((whole - done) * totalSeconds / done);
        String line = String.format(
                Locale.ROOT,
                "backtest: pass %d/%d (%s): %,d frames, %,d frames/s, %d%% of the work, ETA %s",
                pass,
                passes,
                latencyMillis < 0 ? "plain replay" : "latency " + latencyMillis + " ms",
                frames,
                Math.round(frames / passSeconds),
                Math.round(PERCENT * done / whole),
                eta);
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            text.append(' ');
        }
        lastWidth = line.length();
        out.print(text);
        out.flush();
        drawn = true;
    }

    void done() {
        if (on && drawn) {
            out.println();
            out.flush();
        }
    }

    private static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / SECONDS_PER_MINUTE, whole % SECONDS_PER_MINUTE);
    }
}

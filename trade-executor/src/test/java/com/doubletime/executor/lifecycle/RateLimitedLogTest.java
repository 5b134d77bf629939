package com.doubletime.executor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.doubletime.executor.fixtures.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** A halt's repeated refusals: one line at once, then one line per interval with the count of the rest. */
class RateLimitedLogTest {
    private final List<String> lines = new ArrayList<>();
    private final VirtualTime time = new VirtualTime(0);
    private final RateLimitedLog log = new RateLimitedLog(
            new Capture(lines), System.Logger.Level.ERROR, TradeLifecycle.HALT_LOG_INTERVAL_NANOS, time);

    @Test
    void twelveThousandRefusalsInSixteenSecondsAreTwoLinesWithTheirCount() {
        for (int i = 1; i <= 12_372; i++) {
            log.log("not trading opportunity " + i + ": halted");
            if (i % 800 == 0) {
                time.advanceMillis(1_000);
            }
        }

        assertEquals(
                List.of(
                        "not trading opportunity 1: halted",
                        "not trading opportunity 8001: halted (7999 more like it since the last line, 10 s ago)"),
                lines);
        assertEquals(12_372 - 8_001, log.suppressed());
    }

    /** A logger that keeps what it is given. */
    private record Capture(List<String> lines) implements System.Logger {
        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }
}

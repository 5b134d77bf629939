package com.doubletime.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResendThrottleTest {
    private long now = 10_000;
    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final ResendThrottle throttle = new ResendThrottle(1_000, () -> now, (delay, task) -> {
        delays.add(delay);
        timers.add(task);
    });
    private int resends;

    @Test
    void theFirstRequestResendsAtOnce() {
        throttle.request(() -> resends++);

        assertEquals(1, resends);
        assertEquals(List.of(), delays);
    }

    @Test
    void requestsInsideTheIntervalBecomeOneTrailingResendAtItsEnd() {
        throttle.request(() -> resends++);
        now += 300;
        throttle.request(() -> resends++);
        now += 100;
        throttle.request(() -> resends++);

        assertEquals(1, resends, "only the first ran at once");
        assertEquals(List.of(700L), delays, "one trailing resend, at the end of the interval");
        now += 600;
        timers.get(0).run();
        assertEquals(2, resends, "the later requesters are served too");
    }

    @Test
    void aRequestAfterTheIntervalResendsAtOnce() {
        throttle.request(() -> resends++);
        now += 1_000;
        throttle.request(() -> resends++);

        assertEquals(2, resends);
        assertEquals(List.of(), delays);
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ResendThrottle(0, () -> now, (d, t) -> {}));
    }
}

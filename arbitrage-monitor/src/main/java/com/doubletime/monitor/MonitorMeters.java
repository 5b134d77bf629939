package com.doubletime.monitor;

import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.OpportunityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The monitor's meters. Frame-to-decision latency runs from the feed's receive timestamp of a frame to the
 * end of evaluating the pairs it touched, what a trader waits for: in one JVM the feed's own thread hands the frame
 * over (both ends read {@code EpochNanoClock.process()}); between processes the bus hop is included (and the two
 * hosts' clocks differ). Opportunity
 * lifetime is how long a buy-both gap stayed open between the venues: the number that says whether it
 * could have been traded at all.
 */
final class MonitorMeters {
    /** A frame evaluated in under a microsecond is below the histogram's resolution. */
    private static final Duration SHORTEST_EXPECTED = Duration.ofNanos(1_000);

    private final Timer frameToDecision;
    private final Counter found;
    private final Counter closed;
    private final Timer lifetime;

    MonitorMeters(MeterRegistry registry) {
        frameToDecision = Timer.builder("dt.monitor.frame.to.decision")
                .description("feed receive timestamp of a frame to the end of evaluating the pairs it touched")
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST_EXPECTED)
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
        found = Counter.builder("dt.opportunities.found")
                .description("opportunities opened")
                .register(registry);
        closed = Counter.builder("dt.opportunities.closed")
                .description("opportunities closed")
                .register(registry);
        lifetime = Timer.builder("dt.opportunity.lifetime")
                .description("how long an opportunity stayed open, from its first detection to its close")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void frameEvaluated(long receivedAtNanos, long nowNanos) {
        frameToDecision.record(Math.max(0, nowNanos - receivedAtNanos), TimeUnit.NANOSECONDS);
    }

    /** Counts opens (first event of an id) and closes; updates of an open opportunity are neither. */
    void published(OpportunityEvent event, boolean firstOfItsId) {
        if (event instanceof ArbitrageOpportunityClosed close) {
            closed.increment();
            lifetime.record(Math.max(0, close.lifetimeNanos()), TimeUnit.NANOSECONDS);
        } else if (firstOfItsId) {
            found.increment();
        }
    }
}

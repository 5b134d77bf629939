package com.doubletime.cluster.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * Where a service records its meters: the Vert.x Micrometer backend registry when the Vert.x instance was
 * built with {@code MicrometerMetricsOptions} (the gateway scrapes it on {@code /metrics}), otherwise a
 * private registry nobody reads, so services and their tests run the same code with metrics on or off.
 *
 * <p>Meter names are {@code dt.*}; Prometheus shows them as {@code dt_*} (counters end in {@code _total},
 * timers in {@code _seconds}).
 */
public final class Meters {
    private static final MeterRegistry DISCARDED = new SimpleMeterRegistry();

    private Meters() {}

    public static MeterRegistry registry() {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        return registry != null ? registry : DISCARDED;
    }
}

package com.doubletime.executor;

import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The executor's meters: orders sent and orders that filled anything, per venue; trades rejected (by risk,
 * controls or stale books); and the open unhedged exposure in dollars. A gauge is an observation for a
 * dashboard, so it is the one place a dollar amount becomes a double.
 */
final class ExecutorMeters {
    private final Counter kalshiOrders;
    private final Counter polymarketOrders;
    private final Counter kalshiFills;
    private final Counter polymarketFills;
    private final Counter rejects;
    private final Gauge unhedgedExposure;

    ExecutorMeters(MeterRegistry registry, PositionBook positions) {
        kalshiOrders = Counter.builder("dt.orders").tag("venue", "kalshi").description("orders sent").register(registry);
        polymarketOrders = Counter.builder("dt.orders").tag("venue", "polymarket").description("orders sent").register(registry);
        kalshiFills = Counter.builder("dt.fills").tag("venue", "kalshi").description("orders that filled at least one contract")
                .register(registry);
        polymarketFills = Counter.builder("dt.fills").tag("venue", "polymarket")
                .description("orders that filled at least one contract").register(registry);
        rejects = Counter.builder("dt.trade.rejects").description("opportunities not traded: risk limits, controls, books")
                .register(registry);
        unhedgedExposure = Gauge.builder("dt.unhedged.exposure", positions, p -> p.totalUnhedgedExposure().doubleValue())
                .description("dollars in contracts held on one venue only").baseUnit("dollars")
                .strongReference(true).register(registry);
    }

    /** The gauge reads this executor's positions: a later executor in the same JVM registers its own. */
    void close(MeterRegistry registry) {
        registry.remove(unhedgedExposure);
    }

    void executed(TradeReport report) {
        if (report.status() == TradeStatus.REJECTED) {
            rejects.increment();
            return;
        }
        kalshiOrders.increment();
        polymarketOrders.increment();
        count(report.kalshi(), kalshiFills);
        count(report.polymarket(), polymarketFills);
    }

    private static void count(LegFill leg, Counter fills) {
        if (leg.filledQuantity() > 0) {
            fills.increment();
        }
    }
}

package com.doubletime.executor;

import com.doubletime.domain.Platform;
import com.doubletime.domain.capital.VenueCapital;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.domain.trade.JournalEntry;
import com.doubletime.domain.trade.LegFill;
import com.doubletime.domain.trade.LegPurpose;
import com.doubletime.domain.trade.OrderEvent;
import com.doubletime.domain.trade.OrderEventKind;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.ResolutionDivergence;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradeStatus;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.executor.capital.CapitalDesk;
import com.doubletime.executor.position.PositionBook;
import com.doubletime.executor.recovery.JournalFold;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The executor's meters: orders sent and orders that filled anything, per venue; trades rejected (by risk,
 * controls or stale books); the open unhedged exposure in dollars; capital per venue and Kalshi shard ({@code
 * dt.capital.cash|locked|free{venue}}, {@code dt.capital.shard.cash|locked|free{venue,shard}}); settlements by state
 * and resolution divergences by kind. A gauge is an observation for a dashboard, so it is the one place a dollar
 * amount becomes a double.
 */
final class ExecutorMeters {
    private final Counter kalshiOrders;
    private final Counter polymarketOrders;
    private final Counter kalshiFills;
    private final Counter polymarketFills;
    private final Counter rejects;
    private final Counter unhedgedTrades;
    private final Gauge unhedgedExposure;
    private final MeterRegistry registry;
    private final CapitalDesk capital;
    private final List<Gauge> capitalGauges = new ArrayList<>();
    private final Set<Integer> shardsMetered = new HashSet<>();
    private final List<Meter> failClosedGauges = new ArrayList<>();

    ExecutorMeters(MeterRegistry registry, PositionBook positions, CapitalDesk capital) {
        this.registry = registry;
        this.capital = capital;
        kalshiOrders = Counter.builder("dt.orders")
                .tag("venue", "kalshi")
                .description("orders sent")
                .register(registry);
        polymarketOrders = Counter.builder("dt.orders")
                .tag("venue", "polymarket")
                .description("orders sent")
                .register(registry);
        kalshiFills = Counter.builder("dt.fills")
                .tag("venue", "kalshi")
                .description("orders that filled at least one contract")
                .register(registry);
        polymarketFills = Counter.builder("dt.fills")
                .tag("venue", "polymarket")
                .description("orders that filled at least one contract")
                .register(registry);
        rejects = Counter.builder("dt.trade.rejects")
                .description("opportunities not traded: risk limits, controls, books")
                .register(registry);
        unhedgedTrades = Counter.builder("dt.trades.unhedged")
                .description("trades reported with contracts held on one venue only, after the leg-risk policy")
                .register(registry);
        unhedgedExposure = Gauge.builder(
                        "dt.unhedged.exposure",
                        positions,
                        p -> p.totalUnhedgedExposure().doubleValue())
                .description("dollars in contracts held on one venue only")
                .baseUnit("dollars")
                .strongReference(true)
                .register(registry);
        for (Platform venue : Platform.values()) {
            String name = venue.wireName();
            capitalGauge(
                    "dt.capital.cash", "cash the venue holds (paper: the paper account)", name, null, c -> c.cash());
            capitalGauge(
                    "dt.capital.locked",
                    "cash locked by in-flight orders at limit plus worst-case fee",
                    name,
                    null,
                    c -> c.locked());
            capitalGauge(
                    "dt.capital.free",
                    "cash a new order may spend (Polymarket: capped by the allowance)",
                    name,
                    null,
                    c -> c.free());
        }
        meterNewShards();
    }

    /** The gauges read this executor's positions and capital: a later executor in the same JVM registers its own. */
    void close(MeterRegistry registry) {
        registry.remove(unhedgedExposure);
        capitalGauges.forEach(registry::remove);
        failClosedGauges.forEach(registry::remove);
    }

    /** Kalshi shards seen for the first time get their gauges (shards appear as markets on them are traded). */
    void meterNewShards() {
        VenueCapital kalshi = capital.capital(Platform.KALSHI);
        if (kalshi == null) {
            return;
        }
        for (VenueCapital.ShardCapital shard : kalshi.shards()) {
            int index = shard.exchangeIndex();
            if (shardsMetered.add(index)) {
                String name = Platform.KALSHI.wireName();
                capitalGauge(
                        "dt.capital.shard.cash",
                        "cash on one Kalshi shard",
                        name,
                        index,
                        c -> shardOf(c, index).cash());
                capitalGauge(
                        "dt.capital.shard.locked",
                        "cash locked on one Kalshi shard",
                        name,
                        index,
                        c -> shardOf(c, index).locked());
                capitalGauge(
                        "dt.capital.shard.free",
                        "cash free on one Kalshi shard",
                        name,
                        index,
                        c -> shardOf(c, index).free());
            }
        }
    }

    private static VenueCapital.ShardCapital shardOf(VenueCapital capital, int index) {
        return capital.shards().stream()
                .filter(s -> s.exchangeIndex() == index)
                .findFirst()
                .orElse(new VenueCapital.ShardCapital(index, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private void capitalGauge(
            String meter, String description, String venue, Integer shard, Function<VenueCapital, BigDecimal> value) {
        Platform platform = Platform.valueOf(venue.toUpperCase(Locale.ROOT));
        Gauge.Builder<CapitalDesk> builder = Gauge.builder(meter, capital, desk -> {
                    VenueCapital c = desk.capital(platform);
                    return c == null ? Double.NaN : value.apply(c).doubleValue();
                })
                .tag("venue", venue)
                .description(description)
                .baseUnit("dollars")
                .strongReference(true);
        if (shard != null) {
            builder.tag("shard", Integer.toString(shard));
        }
        capitalGauges.add(builder.register(registry));
    }

    /**
     * Fail-closed state: {@code dt.trading.halted} (1 while the executor has stopped on its own: journal outage,
     * damaged journal), {@code dt.journal.repeated} and {@code dt.journal.unreadable} (lines found at start-up).
     */
    void failClosed(MeterRegistry registry, Supplier<TradingControl> control, JournalFold fold) {
        failClosedGauges.add(Gauge.builder(
                        "dt.trading.halted", control, c -> c.get().haltedBecause() == null ? 0 : 1)
                .description("1 while the executor has stopped trading on its own (journal outage, damaged journal)")
                .strongReference(true)
                .register(registry));
        failClosedGauges.add(Gauge.builder("dt.journal.repeated", fold, JournalFold::repeated)
                .description("journal lines found at start that repeat an event already read (counted once)")
                .strongReference(true)
                .register(registry));
        failClosedGauges.add(Gauge.builder("dt.journal.unreadable", fold, JournalFold::unreadable)
                .description("journal lines found at start that cannot be read (a damaged journal)")
                .strongReference(true)
                .register(registry));
    }

    /**
     * Leg risk, loudly: {@code dt.execution.alerts{kind}} per journaled alert (UNHEDGED = a trade whose legs
     * ended apart, LEG_RISK_HANDLED, RECOVERED, POSITION_MISMATCH, TRADING_HALTED, TRADING_RESUMED, JOURNAL_DAMAGED,
     * FILL_MISMATCH); {@code dt.legrisk.actions{result=closed|open}}
     * per leg-risk policy run; {@code dt.legrisk.orders{purpose=rehedge|unwind}} per leg-risk order sent.
     */
    void journaled(JournalEntry entry) {
        meterNewShards();
        if (entry instanceof ResolutionDivergence divergence) {
            Counter.builder("dt.resolution.divergences")
                    .tag("kind", divergence.kind().name())
                    .description("RESOLUTION_DIVERGENCE alerts: held pairs whose venues did not pay $1 per hedged pair")
                    .register(registry)
                    .increment();
        } else if (entry instanceof PositionSettled settled) {
            Counter.builder("dt.settlements")
                    .tag("state", settled.state().wireName())
                    .description("positions settled once both markets resolved, by state (settled, diverged)")
                    .register(registry)
                    .increment();
        }
        if (entry instanceof ExecutionAlert alert) {
            Counter.builder("dt.execution.alerts")
                    .tag("kind", alert.kind().name())
                    .description(
                            "execution alerts journaled: unhedged trades, leg-risk results, recoveries, mismatches")
                    .register(registry)
                    .increment();
            if (alert.kind() == ExecutionAlert.AlertKind.LEG_RISK_HANDLED) {
                Counter.builder("dt.legrisk.actions")
                        .tag("result", alert.message().startsWith("leg risk closed") ? "closed" : "open")
                        .description("leg-risk policy runs, by whether the exposure was closed")
                        .register(registry)
                        .increment();
            }
        } else if (entry instanceof OrderEvent order
                && order.kind() == OrderEventKind.REQUESTED
                && order.purpose() != LegPurpose.ENTRY) {
            Counter.builder("dt.legrisk.orders")
                    .tag("purpose", order.purpose().name().toLowerCase(Locale.ROOT))
                    .description("re-hedge and unwind orders sent by the leg-risk policy")
                    .register(registry)
                    .increment();
        }
    }

    void executed(TradeReport report) {
        meterNewShards();
        if (report.status() == TradeStatus.REJECTED) {
            rejects.increment();
            return;
        }
        kalshiOrders.increment();
        polymarketOrders.increment();
        count(report.kalshi(), kalshiFills);
        count(report.polymarket(), polymarketFills);
        if (report.unhedgedQuantity() > 0) {
            unhedgedTrades.increment();
        }
    }

    private static void count(LegFill leg, Counter fills) {
        if (leg.filledQuantity() > 0) {
            fills.increment();
        }
    }
}

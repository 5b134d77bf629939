package com.doubletime.monitor;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.EpochNanoClock;
import com.doubletime.domain.FixedPoint;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Opportunity;
import com.doubletime.domain.event.ArbitrageOpportunityClosed;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BooksResendRequest;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.event.MarketStatusRequest;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.OpportunityJson;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The arbitrage monitor deployable: applies every {@link MarketDataBatch} from {@link Addresses#MARKET_DATA}
 * to one {@link ArbitrageEngine} and publishes what it finds on {@link Addresses#OPPORTUNITIES}. The engine
 * is the single writer of all books; this verticle's event loop is its only thread. The codecs of both
 * event types are registered at start ({@code BusCodecs.registerAll}).
 *
 * <p>Pairs added or removed through the API arrive as {@link PairsChanged} on {@link Addresses#PAIRS_CHANGED};
 * a removed pair's open opportunities are closed. Meters: see {@link MonitorMeters}.
 */
public final class MonitorVerticle extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(MonitorVerticle.class.getName());

    private final List<MarketPair> pairs;
    private ArbitrageEngine engine;
    private MessageConsumer<MarketDataBatch> consumer;
    private MessageConsumer<PairsChanged> pairsConsumer;
    private MessageConsumer<Object> marketsConsumer;
    private MessageConsumer<MarketStatusChanged> statusConsumer;
    private final EpochNanoClock clock = new EpochNanoClock();
    private final Set<String> openIds = new HashSet<>();
    private MonitorMeters meters;

    public MonitorVerticle(List<MarketPair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    @Override
    public Future<?> start() {
        BusCodecs.registerAll(vertx.eventBus());
        meters = new MonitorMeters(Meters.registry());
        // the start instant tells this run's opportunity ids from every earlier run's in the journal
        String run = Long.toString(TimeUnit.NANOSECONDS.toMillis(clock.nowNanos()));
        engine = new ArbitrageEngine(pairs, this::publish, run);
        // not a local consumer: in a cluster the feeds run on other nodes
        consumer = vertx.eventBus().consumer(Addresses.MARKET_DATA, message -> {
            MarketDataBatch batch = message.body();
            engine.apply(batch);
            meters.frameEvaluated(batch.receivedAtNanos(), clock.nowNanos());
        });
        pairsConsumer = vertx.eventBus().consumer(Addresses.PAIRS_CHANGED, message -> onPairsChanged(message.body()));
        marketsConsumer = vertx.eventBus()
                .consumer(Addresses.MARKETS_QUERY, message -> message.reply(MarketsView.report(engine)));
        // contracts §7: expected resolution times come from the feeds' market views
        statusConsumer = vertx.eventBus()
                .consumer(
                        Addresses.MARKET_STATUS,
                        message -> engine.resolutionCalendar().update(message.body()));
        LOG.log(System.Logger.Level.INFO, "monitor watching " + pairs.size() + " pairs");
        return Future.all(
                        consumer.completion(),
                        pairsConsumer.completion(),
                        marketsConsumer.completion(),
                        statusConsumer.completion())
                // the feeds may have published their views before this monitor listened
                .onSuccess(ready -> {
                    vertx.eventBus().publish(Addresses.MARKET_STATUS_RESEND, new MarketStatusRequest("monitor"));
                    vertx.eventBus().publish(Addresses.BOOKS_RESEND, new BooksResendRequest("monitor"));
                });
    }

    /** Removed first, so a pair whose terms changed (in both lists) is re-added with its new terms. */
    private void onPairsChanged(PairsChanged change) {
        for (MarketPair removed : change.removed()) {
            engine.removePair(removed.id(), clock.nowNanos());
        }
        for (MarketPair added : change.added()) {
            if (engine.state(added.id()) == null) {
                engine.addPair(added);
            }
        }
        LOG.log(
                System.Logger.Level.INFO,
                "monitor pairs changed: +" + change.added().size() + " -"
                        + change.removed().size() + ", watching "
                        + engine.pairs().size());
    }

    private void publish(OpportunityEvent event) {
        boolean first =
                event instanceof ArbitrageOpportunityFound ? openIds.add(event.id()) : openIds.remove(event.id());
        meters.published(event, first);
        vertx.eventBus().publish(Addresses.OPPORTUNITIES, event);
        LOG.log(System.Logger.Level.INFO, () -> describe(event));
    }

    /** One log line per event: pair, direction, quantity and edge, or how long a closed one lived. */
    static String describe(OpportunityEvent event) {
        if (event instanceof ArbitrageOpportunityFound found) {
            Opportunity o = found.opportunity();
            return "opportunity " + o.pairId() + " " + o.direction() + " qty=" + o.quantity()
                    + " kalshi@" + FixedPoint.format(o.kalshi().limitPrice(), 2)
                    + " polymarket@" + FixedPoint.format(o.polymarket().limitPrice(), 2)
                    + " edge=" + OpportunityJson.money(o.edge()) + " (" + OpportunityJson.money(o.edgePerContract())
                    + "/contract)";
        }
        ArbitrageOpportunityClosed closed = (ArbitrageOpportunityClosed) event;
        return "opportunity closed " + closed.pairId() + " " + closed.direction() + " after "
                + TimeUnit.NANOSECONDS.toMillis(closed.lifetimeNanos()) + " ms";
    }

    @Override
    public Future<?> stop() {
        return consumer == null
                ? Future.succeededFuture()
                : Future.all(
                        consumer.unregister(),
                        pairsConsumer.unregister(),
                        marketsConsumer.unregister(),
                        statusConsumer.unregister());
    }

    /** For tests and the gateway's book dump; call on this verticle's event loop. */
    ArbitrageEngine engine() {
        return engine;
    }
}

package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns every book and both venues' servers on one event loop, so books have a single writer and need
 * no locks. Book changes come from either the random walk (a periodic timer) or a scenario player.
 */
final class SimulatorVerticle extends VerticleBase implements BookListener, LifecycleListener {

    private final SimulatorConfig config;
    private final Scenario scenario;
    private final long heartbeatMillis;
    private final KalshiSimulatorOptions kalshiOptions;
    private final KalshiFaults kalshiFaults;
    private KalshiServer kalshi;
    private PolymarketServer polymarket;
    /** Accounts and fault switches of the Polymarket venue; exists before start so tests can reach it. */
    private final PolymarketVenue polymarketVenue = new PolymarketVenue();
    /** The latency probe; exists before start so it can be installed at any time. */
    private final ProbeSlot probe = new ProbeSlot();

    private ScenarioPlayer player;
    private long walkTimer = -1;
    private volatile int kalshiPort;
    private volatile int polymarketPort;

    /** {@code scenario} null means random walk. */
    SimulatorVerticle(SimulatorConfig config, Scenario scenario, long heartbeatMillis) {
        this(config, scenario, heartbeatMillis, KalshiSimulatorOptions.DEFAULT, new KalshiFaults());
    }

    SimulatorVerticle(
            SimulatorConfig config,
            Scenario scenario,
            long heartbeatMillis,
            KalshiSimulatorOptions kalshiOptions,
            KalshiFaults kalshiFaults) {
        this.config = config;
        this.scenario = scenario;
        this.heartbeatMillis = heartbeatMillis;
        this.kalshiOptions = kalshiOptions;
        this.kalshiFaults = kalshiFaults;
    }

    @Override
    public Future<?> start() {
        SimulatedBooks books = new SimulatedBooks(config.markets());
        SimulatedLifecycle lifecycle =
                new SimulatedLifecycle(config.markets(), config.catalogue(), System.currentTimeMillis());
        java.util.Map<Integer, java.math.BigDecimal> kalshiCash =
                new java.util.TreeMap<>(java.util.Map.of(0, kalshiOptions.startingBalance()));
        RandomWalk walk = null;
        Runnable onKalshiSubscribed = () -> {};
        Runnable onPolymarketSubscribed = () -> {};
        // the opening books are written before the listener is attached: they reach clients as snapshots
        if (scenario != null) {
            scenario.openBooks(books);
            scenario.openMarkets(lifecycle);
            if (scenario.accounts() != null) {
                if (!scenario.accounts().kalshiShards().isEmpty()) {
                    kalshiCash = new java.util.TreeMap<>(scenario.accounts().kalshiShards());
                }
                if (scenario.accounts().polymarketCash() != null) {
                    polymarketVenue.startingCash(scenario.accounts().polymarketCash());
                }
            }
            player = new ScenarioPlayer(vertx, books, scenario, probe, lifecycle);
            onKalshiSubscribed = player::onKalshiSubscribed;
            onPolymarketSubscribed = player::onPolymarketSubscribed;
        } else {
            walk = new RandomWalk(books, config.markets(), config.seed(), config.windowEveryNSteps());
        }
        books.listener(this);
        lifecycle.listener(this);
        kalshi = new KalshiServer(
                vertx,
                books,
                config.markets(),
                onKalshiSubscribed,
                heartbeatMillis,
                kalshiOptions,
                kalshiFaults,
                config.catalogue(),
                lifecycle,
                kalshiCash);
        polymarket = new PolymarketServer(
                vertx, books, config.markets(), polymarketVenue, onPolymarketSubscribed, config.catalogue(), lifecycle);
        kalshi.probe(probe);
        polymarket.probe(probe);
        RandomWalk walking = walk;
        return Future.all(
                        kalshi.listen(config.host(), config.kalshiPort()),
                        polymarket.listen(config.host(), config.polymarketPort()))
                .onSuccess(ports -> {
                    kalshiPort = ports.resultAt(0);
                    polymarketPort = ports.resultAt(1);
                    if (walking != null && config.stepIntervalMillis() > 0) {
                        walkTimer = vertx.setPeriodic(config.stepIntervalMillis(), id -> walking.step());
                    }
                })
                .onFailure(failure -> {
                    kalshi.close();
                    polymarket.close();
                });
    }

    @Override
    public Future<?> stop() {
        if (walkTimer >= 0) {
            vertx.cancelTimer(walkTimer);
        }
        if (player != null) {
            player.stop();
        }
        return Future.all(kalshi.close(), polymarket.close());
    }

    @Override
    public void onKalshiDelta(KalshiDelta delta) {
        kalshi.onDelta(delta);
    }

    @Override
    public void onPolymarketPriceChange(PolymarketPriceChange change) {
        polymarket.onPriceChange(change);
    }

    @Override
    public void onKalshiLifecycle(KalshiMarketState market, io.vertx.core.json.JsonObject msg) {
        kalshi.onLifecycle(market, msg);
    }

    @Override
    public void onPolymarketLifecycle(PolymarketMarketState market, String change) {
        polymarket.onLifecycle(market, change);
    }

    int kalshiPort() {
        return kalshiPort;
    }

    int polymarketPort() {
        return polymarketPort;
    }

    ProbeSlot probe() {
        return probe;
    }

    PolymarketVenue polymarketVenue() {
        return polymarketVenue;
    }
}

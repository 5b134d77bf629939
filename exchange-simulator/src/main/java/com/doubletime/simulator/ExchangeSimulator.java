package com.doubletime.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Local Kalshi and Polymarket servers speaking the venues' current wire formats, so feeds can be tested
 * and the whole stack can run with no network.
 *
 * <pre>{@code
 * ExchangeSimulator simulator = ExchangeSimulator.start(vertx, SimulatorConfig.randomWalk(markets, 42)).await();
 * connect(simulator.kalshiWsUrl()); connect(simulator.polymarketWsUrl());
 * simulator.stop();
 * }</pre>
 */
public final class ExchangeSimulator {

    /** Kalshi sends a protocol Ping every 10 s. */
    static final long KALSHI_HEARTBEAT_MILLIS = 10_000;
    /** Where on the Polymarket server the simulated Polygon JSON-RPC answers. */
    public static final String POLYGON_RPC_PATH = PolygonRpc.PATH;

    private final Vertx vertx;
    private final String host;
    private final String deploymentId;
    private final int kalshiPort;
    private final int polymarketPort;
    private KalshiFaults kalshiFaults = new KalshiFaults();
    private PolymarketVenue polymarketVenue = new PolymarketVenue();
    private ProbeSlot probe = new ProbeSlot();

    private ExchangeSimulator(Vertx vertx, String host, String deploymentId, int kalshiPort, int polymarketPort) {
        this.vertx = vertx;
        // an IPv6 literal needs brackets inside a URL
        this.host = host.contains(":") ? "[" + host + "]" : host;
        this.deploymentId = deploymentId;
        this.kalshiPort = kalshiPort;
        this.polymarketPort = polymarketPort;
    }

    /**
     * Starts both servers. Fails when a port is taken, or when the scenario file cannot be read, is
     * malformed or names a ticker or token that {@code config.markets()} does not list.
     */
    public static Future<ExchangeSimulator> start(Vertx vertx, SimulatorConfig config) {
        return start(vertx, config, KALSHI_HEARTBEAT_MILLIS);
    }

    /** Tests shorten the Kalshi heartbeat. */
    static Future<ExchangeSimulator> start(Vertx vertx, SimulatorConfig config, long kalshiHeartbeatMillis) {
        return start(vertx, config, KalshiSimulatorOptions.DEFAULT, kalshiHeartbeatMillis);
    }

    /** With Kalshi authentication, account or fault settings ({@link KalshiSimulatorOptions}). */
    public static Future<ExchangeSimulator> start(Vertx vertx, SimulatorConfig config, KalshiSimulatorOptions kalshi) {
        return start(vertx, config, kalshi, KALSHI_HEARTBEAT_MILLIS);
    }

    static Future<ExchangeSimulator> start(
            Vertx vertx, SimulatorConfig config, KalshiSimulatorOptions kalshi, long kalshiHeartbeatMillis) {
        Objects.requireNonNull(kalshi, "kalshi");
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Future<Scenario> scenario = config.scenarioFile() == null
                ? Future.succeededFuture(null)
                : vertx.fileSystem()
                        .readFile(config.scenarioFile().toString())
                        .map(content -> Scenario.parse(content.toString()));
        return scenario.compose(script -> {
            KalshiFaults faults = new KalshiFaults();
            SimulatorVerticle verticle = new SimulatorVerticle(config, script, kalshiHeartbeatMillis, kalshi, faults);
            return vertx.deployVerticle(verticle).map(id -> {
                ExchangeSimulator simulator = new ExchangeSimulator(
                        vertx, config.host(), id, verticle.kalshiPort(), verticle.polymarketPort());
                simulator.kalshiFaults = faults;
                simulator.polymarketVenue = verticle.polymarketVenue();
                simulator.probe = verticle.probe();
                return simulator;
            });
        });
    }

    /**
     * Installs a latency probe (null removes it), usable from any thread: it is told when each scenario step's
     * frames are written and when each order reaches either venue. Measurement only; off by default.
     */
    public void probe(SimulatorProbe probe) {
        this.probe.set(probe);
    }

    /** Switches for the Kalshi side's fault injection, usable from any thread. */
    public KalshiFaults kalshiFaults() {
        return kalshiFaults;
    }

    public int kalshiPort() {
        return kalshiPort;
    }

    public int polymarketPort() {
        return polymarketPort;
    }

    /** {@code ws://host:port/trade-api/ws/v2} */
    public String kalshiWsUrl() {
        return "ws://" + host + ":" + kalshiPort + KalshiServer.WS_PATH;
    }

    /** {@code http://host:port/trade-api/v2} */
    public String kalshiRestUrl() {
        return "http://" + host + ":" + kalshiPort + KalshiServer.REST_BASE;
    }

    /** {@code ws://host:port/ws/market} */
    public String polymarketWsUrl() {
        return "ws://" + host + ":" + polymarketPort + PolymarketServer.WS_PATH;
    }

    /** Polymarket API accounts and fault switches, usable from any thread. */
    public PolymarketVenue polymarket() {
        return polymarketVenue;
    }

    /** {@code http://host:port}: CLOB REST, plus the Gamma-like {@code /markets} and Data-API {@code /positions}. */
    public String polymarketRestUrl() {
        return "http://" + host + ":" + polymarketPort;
    }

    /**
     * {@code http://host:port/polygon-rpc}: the simulated Polygon JSON-RPC on which resolved Polymarket positions are
     * redeemed ({@code eth_sendRawTransaction} of a signed {@code redeemPositions}).
     */
    public String polygonRpcUrl() {
        return "http://" + host + ":" + polymarketPort + POLYGON_RPC_PATH;
    }

    /** Closes both servers and every connection. */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }
}

package com.doubletime.launcher;

import com.doubletime.bus.BusCodecs;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.Polarity;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.TradeExecutorVerticle;
import com.doubletime.executor.capital.CapitalSettings;
import com.doubletime.executor.journal.TradeRepository;
import com.doubletime.gateway.GatewayConfig;
import com.doubletime.gateway.GatewayVerticle;
import com.doubletime.kalshi.KalshiFeedConfig;
import com.doubletime.kalshi.KalshiFeedVerticle;
import com.doubletime.kalshi.auth.KalshiHandshake;
import com.doubletime.monitor.MonitorVerticle;
import com.doubletime.polymarket.PolymarketFeedConfig;
import com.doubletime.polymarket.PolymarketFeedVerticle;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.SimulatedMarket;
import com.doubletime.simulator.SimulatorCatalogue;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything in one JVM: the exchange simulators (or, with {@link RealVenues}, the real venues' market data),
 * both feeds pointed at them, the monitor, the paper executor and the gateway. Consumers are deployed before the
 * feeds so the first snapshots are not missed; on stop the feeds go first for the same reason.
 */
public final class EmbeddedStack {
    /** The capture files {@code run --record DIR} writes, one per venue ({@code replay --capture DIR} merges them). */
    public static final String KALSHI_CAPTURE = "kalshi.jsonl";

    public static final String POLYMARKET_CAPTURE = "polymarket.jsonl";

    private final Vertx vertx;
    private final ExchangeSimulator simulator;
    private final List<String> deployments;
    private final GatewayVerticle gateway;
    private final List<MarketPair> pairs;
    private final SimulatorCredentials.Gateways venues;

    private EmbeddedStack(
            Vertx vertx,
            ExchangeSimulator simulator,
            List<String> deployments,
            GatewayVerticle gateway,
            List<MarketPair> pairs,
            SimulatorCredentials.Gateways venues) {
        this.vertx = vertx;
        this.simulator = simulator;
        this.deployments = deployments;
        this.gateway = gateway;
        this.pairs = pairs;
        this.venues = venues;
    }

    /**
     * Live trading against the simulators ({@code run --live-against-simulators}): the simulated Kalshi checks
     * every signature against {@code credentials}' public key, the Polymarket CLOB verifies every EIP-712
     * order and L2 HMAC, both order gateways point at them, and the executor runs with {@code executor}
     * (mode {@code live}). {@code beforeFeeds} sees the simulator before any feed connects (tests set faults there).
     * {@code journal} replaces the executor's configured file journal when not null (the caller opens and closes
     * it); {@code gateways} wraps each order gateway when not null. Both exist for instrumentation (the
     * wire-to-wire benchmark times the journal and the hand-over to each gateway), not for behaviour.
     */
    public record Live(
            ExecutorConfig executor,
            SimulatorCredentials credentials,
            Consumer<ExchangeSimulator> beforeFeeds,
            TradeRepository journal,
            UnaryOperator<VenueOrderGateway> gateways) {
        public Live {
            if (executor.mode() != ExecutionMode.LIVE) {
                throw new IllegalArgumentException("the executor of a live stack must be in live mode");
            }
        }

        public Live(
                ExecutorConfig executor, SimulatorCredentials credentials, Consumer<ExchangeSimulator> beforeFeeds) {
            this(executor, credentials, beforeFeeds, null, null);
        }
    }

    /** With an open API (no token): for tests that exercise the pipeline, not the API's security. */
    public static Future<EmbeddedStack> start(Vertx vertx, StackConfig config) {
        return start(vertx, config, null);
    }

    /** @param apiToken the bearer token the gateway requires for every API request */
    public static Future<EmbeddedStack> start(Vertx vertx, StackConfig config, String apiToken) {
        return start(vertx, config, apiToken, null);
    }

    /** @param live null for paper trading; else live against the simulators (a token is then required) */
    public static Future<EmbeddedStack> start(Vertx vertx, StackConfig config, String apiToken, Live live) {
        if (live != null && apiToken == null) {
            return Future.failedFuture(new IllegalArgumentException("live mode needs an API token"));
        }
        BusCodecs.registerAll(vertx.eventBus());
        return pairs(vertx, config).compose(pairs -> {
            SimulatorConfig simulation = new SimulatorConfig(
                            config.host(),
                            0,
                            0,
                            simulatedMarkets(pairs),
                            config.seed(),
                            config.stepIntervalMillis(),
                            config.windowEveryNSteps(),
                            config.scenarioFile())
                    .withCatalogue(SimulatorCatalogue.demo());
            Future<ExchangeSimulator> started = live == null
                    ? ExchangeSimulator.start(vertx, simulation)
                    : ExchangeSimulator.start(
                            vertx, simulation, live.credentials().kalshiOptions());
            return started.compose(simulator -> {
                if (live != null && live.beforeFeeds() != null) {
                    live.beforeFeeds().accept(simulator);
                }
                MarketData marketData = new MarketData(
                        simulator.kalshiWsUrl(),
                        simulator.polymarketWsUrl(),
                        live == null ? null : live.credentials().kalshiHandshake(),
                        // pair discovery and the feeds' market lookups read the simulators (signed when they check)
                        VenueCatalogues.forSimulator(
                                vertx,
                                simulator,
                                live == null ? null : live.credentials().kalshiSigner()));
                return deploy(vertx, config, pairs, simulator, marketData, apiToken, live);
            });
        });
    }

    /**
     * Paper trading on the real venues' books ({@code run --real-venues}): no simulator; the feeds stream the
     * venues' market data (Kalshi's connection signed with {@code venues}' key) and the executor trades on paper,
     * so no order ever leaves.
     */
    public static Future<EmbeddedStack> startOnRealVenues(
            Vertx vertx, StackConfig config, String apiToken, RealVenues venues) {
        BusCodecs.registerAll(vertx.eventBus());
        return pairs(vertx, config)
                .compose(pairs -> deploy(
                        vertx,
                        config,
                        pairs,
                        null,
                        new MarketData(
                                venues.kalshiWsUrl(),
                                venues.polymarketWsUrl(),
                                new KalshiHandshake(venues.kalshiSigner()),
                                VenueCatalogues.forRealVenues(vertx, venues)),
                        apiToken,
                        null));
    }

    /** The pairs file's pairs; an empty list is refused here, in the file's terms, before any feed sees it. */
    private static Future<List<MarketPair>> pairs(Vertx vertx, StackConfig config) {
        return PairsLoader.load(vertx, config.pairsFile())
                .compose(pairs -> pairs.isEmpty()
                        ? Future.failedFuture(new PairsFileException(
                                null,
                                "pairs",
                                "the pairs file " + config.pairsFile().toAbsolutePath()
                                        + " lists no pairs: add at least one"
                                        + " (config/pairs.example.json and docs/pairs-file.md show the shape)"))
                        : Future.succeededFuture(pairs));
    }

    /** Where the feeds connect and pair discovery reads the catalogues. */
    private record MarketData(
            String kalshiWsUrl,
            String polymarketWsUrl,
            Function<String, MultiMap> kalshiHandshake,
            VenueCatalogues catalogues) {}

    private static Future<EmbeddedStack> deploy(
            Vertx vertx,
            StackConfig config,
            List<MarketPair> pairs,
            ExchangeSimulator simulator,
            MarketData marketData,
            String apiToken,
            Live live) {
        List<String> deployments = new ArrayList<>();
        GatewayVerticle gateway = new GatewayVerticle(
                GatewayConfig.DEFAULT
                        .withHost(config.host())
                        .withPort(config.gatewayPort())
                        .withApiToken(apiToken, true)
                        .withMode(live == null ? "paper" : "live")
                        .withPairsFile(config.pairsFile()),
                pairs);
        gateway.withCatalogues(marketData.catalogues());
        ExecutorConfig executor = live != null
                ? live.executor()
                : new ExecutorConfig(ExecutionMode.PAPER, ExecutorConfig.DEFAULT_MAX_NOTIONAL, config.journalPath());
        SimulatorCredentials.Gateways venues =
                live == null ? null : live.credentials().gateways(vertx, simulator, pairs);
        TradeExecutorVerticle executorVerticle = venues == null
                ? new TradeExecutorVerticle(
                        config.paperCash() == null
                                ? executor
                                : executor.withCapital(CapitalSettings.DEFAULT.withPaperCash(config.paperCash())),
                        pairs)
                : new TradeExecutorVerticle(
                        executor,
                        pairs,
                        live.journal(),
                        live.gateways() == null
                                ? venues.venues()
                                : venues.venues().entrySet().stream()
                                        .collect(Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> live.gateways().apply(e.getValue()))));
        if (venues != null) {
            // settled Polymarket winnings are redeemed on the simulator's chain with this run's wallet
            executorVerticle.withRedeemer(live.credentials().redeemer(vertx, simulator));
        }
        List<String> tickers =
                pairs.stream().map(MarketPair::kalshiTicker).distinct().toList();
        List<String> tokens = pairs.stream()
                .flatMap(p -> Stream.of(p.yesTokenId(), p.noTokenId()))
                .toList();
        KalshiFeedConfig kalshi = KalshiFeedConfig.of(marketData.kalshiWsUrl(), tickers)
                .withRecordFile(
                        config.recordDir() == null ? null : config.recordDir().resolve(KALSHI_CAPTURE));
        PolymarketFeedConfig polymarket = PolymarketFeedConfig.of(marketData.polymarketWsUrl(), tokens)
                .withRecordFile(
                        config.recordDir() == null ? null : config.recordDir().resolve(POLYMARKET_CAPTURE));
        KalshiFeedVerticle kalshiFeed = marketData.kalshiHandshake() == null
                ? new KalshiFeedVerticle(kalshi)
                : new KalshiFeedVerticle(kalshi, marketData.kalshiHandshake());
        // market lifecycle and resolution times (issue 12) from the venues' market reads
        kalshiFeed.withMarketLookup(
                KalshiFeedVerticle.restMarkets(marketData.catalogues().kalshi()));
        PolymarketFeedVerticle polymarketFeed = new PolymarketFeedVerticle(polymarket)
                .withLifecycle(
                        marketData.catalogues().gamma(), pairs, PolymarketFeedVerticle.DEFAULT_GAMMA_POLL_MILLIS);
        return vertx.deployVerticle(new MonitorVerticle(pairs))
                .andThen(r -> r.map(deployments::add))
                .compose(id -> vertx.deployVerticle(executorVerticle))
                .andThen(r -> r.map(deployments::add))
                .compose(id -> vertx.deployVerticle(gateway))
                .andThen(r -> r.map(deployments::add))
                .compose(id -> vertx.deployVerticle(kalshiFeed))
                .andThen(r -> r.map(deployments::add))
                .compose(id -> vertx.deployVerticle(polymarketFeed))
                .andThen(r -> r.map(deployments::add))
                .map(id -> new EmbeddedStack(vertx, simulator, deployments, gateway, pairs, venues))
                .recover(failure -> {
                    Future<Void> undeployed = Future.succeededFuture();
                    for (String id : deployments) {
                        undeployed = undeployed.eventually(() -> vertx.undeploy(id));
                    }
                    return undeployed
                            .eventually(() -> venues == null ? Future.<Void>succeededFuture() : venues.close())
                            .eventually(() -> simulator == null ? Future.<Void>succeededFuture() : simulator.stop())
                            .transform(ignored -> Future.failedFuture(failure));
                });
    }

    /** One simulated market per Kalshi ticker; a ticker shared by two pairs is simulated with the first. */
    static List<SimulatedMarket> simulatedMarkets(List<MarketPair> pairs) {
        Map<String, SimulatedMarket> markets = new LinkedHashMap<>();
        for (MarketPair pair : pairs) {
            markets.putIfAbsent(
                    pair.kalshiTicker(),
                    new SimulatedMarket(
                            pair.kalshiTicker(),
                            pair.conditionId(),
                            pair.yesTokenId(),
                            pair.noTokenId(),
                            pair.polarity() == Polarity.INVERSE));
        }
        return List.copyOf(markets.values());
    }

    public int gatewayPort() {
        return gateway.actualPort();
    }

    /** The simulators, or null on the real venues. */
    public ExchangeSimulator simulator() {
        return simulator;
    }

    public List<MarketPair> pairs() {
        return pairs;
    }

    public Future<Void> stop() {
        Future<Void> undeployed = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            undeployed = undeployed.compose(v -> vertx.undeploy(id));
        }
        return undeployed
                .eventually(() -> venues == null ? Future.<Void>succeededFuture() : venues.close())
                .eventually(() -> simulator == null ? Future.<Void>succeededFuture() : simulator.stop());
    }
}

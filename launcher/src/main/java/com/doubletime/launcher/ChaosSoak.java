package com.doubletime.launcher;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ExecutorStatus;
import com.doubletime.cluster.LocalPostgresServer;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.event.ArbitrageOpportunityFound;
import com.doubletime.domain.event.BookMarkedStale;
import com.doubletime.domain.event.MarketDataBatch;
import com.doubletime.domain.event.MarketDataEvent;
import com.doubletime.domain.event.OpportunityEvent;
import com.doubletime.domain.event.VenueDisconnected;
import com.doubletime.domain.trade.TradeReport;
import com.doubletime.domain.trade.TradingControl;
import com.doubletime.gateway.GatewayConfig;
import com.doubletime.simulator.ExchangeSimulator;
import com.doubletime.simulator.KalshiSimulatorOptions;
import com.doubletime.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code ./double-time soak}: the cluster against the simulators — two live executors (active and standby, the
 * PostgreSQL journal), two Kalshi feeds, the Polymarket feed, the monitor and the gateway, each its own JVM — with
 * faults injected at random: the simulators' fault kinds on both venues, services killed ({@code kill -9}) and
 * started again, the active executor killed or frozen ({@code SIGSTOP}) past its lease, PostgreSQL stopped and
 * started. A seed makes the schedule reproducible (the venues' random walk too; process timing is not). At the end
 * faults stop, trading is paused, every trade in flight is let settle, and the figures are printed: trades, faults by
 * kind, restarts by service, fail-overs and their take-over times, orders accepted twice, opportunities detected on a
 * stale book, and the journal against both venues' positions. Any mismatch fails the command.
 *
 * <p>Runs in this JVM: PostgreSQL ({@link LocalPostgresServer}), the simulators (so their faults can be injected) and
 * the {@link OrderTap}s in front of them that see every order; a cluster member that watches the bus.
 */
final class ChaosSoak {
    /** What one run is asked to do. */
    record Plan(
            Path root,
            Path pairsFile,
            long minutes,
            long seed,
            long faultEverySeconds,
            long stepMillis,
            int windowEvery,
            Path logDir,
            List<String> javaOptions) {}

    /** What the chaos can do; the soak's figures count them by name. */
    enum Action {
        KILL_ACTIVE_EXECUTOR,
        FREEZE_ACTIVE_EXECUTOR,
        KILL_KALSHI_FEED,
        KILL_POLYMARKET_FEED,
        KILL_MONITOR,
        KILL_GATEWAY,
        STOP_DATABASE,
        VENUE_FAULT
    }

    private static final String DATABASE = "doubletime_soak";
    private static final String TABLE = "trade_journal";
    private static final String TOKEN = "chaos-soak-token-0123456789";
    private static final long RESTART_AFTER_MILLIS = 4_000;
    private static final long DATABASE_DOWN_MILLIS = 5_000;
    /** Past the executor's 3 s lease, and long enough for the standby's take-over. */
    private static final long FREEZE_MILLIS = 8_000;

    private static final long SETTLE_SECONDS = 180;
    private static final int VENUE_FAULT_KINDS = 15;
    private static final long STARTUP_SECONDS = 180;
    private static final long STOP_GRACE_SECONDS = 15;
    /** A stale mark this much older than a detection reached the monitor before it (bus delivery on one host). */
    private static final long STALE_MARK_DELIVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Plan plan;
    private final PrintStream out;
    private final Random random;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, ExecutorStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new TreeMap<>();
    private final Map<String, Integer> faults = new TreeMap<>();
    private final List<Long> takeoverMillis = new CopyOnWriteArrayList<>();
    private final AtomicLong opportunities = new AtomicLong();
    private final AtomicLong staleOpportunities = new AtomicLong();
    private final List<TradeReport> trades = new CopyOnWriteArrayList<>();
    /** Per {@code platform:instrument}: when its book was marked stale (or its venue disconnected). */
    private final Map<String, List<Long>> staleMarks = new ConcurrentHashMap<>();

    private final Map<Platform, Set<String>> instruments = new HashMap<>();
    /** Services killed on purpose whose restart is scheduled: not "found dead". */
    private final Set<String> pendingRestarts = ConcurrentHashMap.newKeySet();

    private final long startedNanos = System.nanoTime();

    private LocalPostgresServer postgres;
    private Vertx plain;
    private Vertx node;
    private ExchangeSimulator simulator;
    private SimulatorCredentials.Gateways probe;
    private OrderTap kalshiTap;
    private OrderTap polymarketTap;
    private Pool journal;
    /** The fail-over being waited for: the epoch the replaced executor traded under, and when it was hit. */
    private volatile long pendingFromEpoch = -1;

    private volatile long pendingSinceNanos;

    ChaosSoak(Plan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
        this.random = new Random(plan.seed());
    }

    /** Runs the soak; true when nothing was lost, duplicated or detected on a stale book. */
    boolean run() throws Exception {
        try {
            start();
            chaos();
            return settleAndReport();
        } finally {
            close();
        }
    }

    private void start() throws Exception {
        Files.createDirectories(plan.logDir());
        out.println("chaos soak: " + plan.minutes() + " min, seed " + plan.seed() + ", a fault every ~"
                + plan.faultEverySeconds() + " s; logs in " + plan.logDir().toAbsolutePath());
        postgres = LocalPostgresServer.create();
        postgres.createDatabase(DATABASE);
        plain = Vertx.vertx();
        List<MarketPair> pairs = PairsLoader.load(plain, plan.pairsFile()).await(30, TimeUnit.SECONDS);
        for (MarketPair pair : pairs) {
            instruments.computeIfAbsent(Platform.KALSHI, p -> new HashSet<>()).add(pair.kalshiTicker());
            instruments
                    .computeIfAbsent(Platform.POLYMARKET, p -> new HashSet<>())
                    .add(pair.yesTokenId());
            instruments.get(Platform.POLYMARKET).add(pair.noTokenId());
        }
        SimulatorCredentials credentials = SimulatorCredentials.generate();
        // the feeds' processes have no Kalshi key: the simulated Kalshi checks no signature here (the fail-over and
        // live tests check them); the executors sign every order all the same
        simulator = ExchangeSimulator.start(
                        plain,
                        new SimulatorConfig(
                                "127.0.0.1",
                                0,
                                0,
                                EmbeddedStack.simulatedMarkets(pairs),
                                plan.seed(),
                                plan.stepMillis(),
                                plan.windowEvery(),
                                null),
                        KalshiSimulatorOptions.DEFAULT)
                .await(60, TimeUnit.SECONDS);
        probe = credentials.gateways(plain, simulator, pairs);
        kalshiTap = OrderTap.kalshi(plain, simulator.kalshiPort()).await(30, TimeUnit.SECONDS);
        polymarketTap = OrderTap.polymarket(plain, simulator.polymarketPort()).await(30, TimeUnit.SECONDS);
        Path keys = plan.logDir().resolve("simulator-keys.json");
        credentials.writeKeyFile(keys);
        journal = PositionLedger.journalPool(plain, postgres, DATABASE);

        LoopbackCluster cluster = LoopbackCluster.create("double-time-soak", plan.pairsFile());
        node = cluster.join().await(120, TimeUnit.SECONDS);
        node.eventBus().<ExecutorStatus>consumer(Addresses.EXECUTOR_STATUS, m -> onStatus(m.body()));
        node.eventBus().<TradeReport>consumer(Addresses.TRADES, m -> trades.add(m.body()));
        node.eventBus().<MarketDataBatch>consumer(Addresses.MARKET_DATA, m -> onMarketData(m.body()));
        node.eventBus().<OpportunityEvent>consumer(Addresses.OPPORTUNITIES, m -> onOpportunity(m.body()));

        List<String> clustered = cluster.memberArgs();
        service("arbitrage-monitor", jar("arbitrage-monitor", clustered), Map.of());
        service(
                "api-gateway",
                jar("api-gateway", with(clustered, "--port", Integer.toString(ClusterLauncher.freePort()))),
                Map.of(GatewayConfig.TOKEN_ENV, TOKEN));
        for (String id : List.of("executor-a", "executor-b")) {
            service(id, launcherMain(SimulatorExecutorMain.class.getName(), executorArgs(cluster, id, keys)), Map.of());
        }
        for (int i = 1; i <= 2; i++) {
            service(
                    "kalshi-feed-" + i,
                    jar(
                            "kalshi-feed",
                            with(clustered, "--ws-url", simulator.kalshiWsUrl(), "--instance-id", "kalshi-" + i)),
                    Map.of());
        }
        service(
                "polymarket-feed",
                jar(
                        "polymarket-feed",
                        with(clustered, "--ws-url", simulator.polymarketWsUrl(), "--instance-id", "polymarket-1")),
                Map.of());
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        await("an active executor", STARTUP_SECONDS, () -> active() != null);
        await("the first trade", STARTUP_SECONDS, () -> !trades.isEmpty());
        out.println("cluster up: " + services.keySet() + "; active executor " + active().instanceId());
    }

    private List<String> executorArgs(LoopbackCluster cluster, String id, Path keys) {
        List<String> own = new ArrayList<>(LoopbackCluster.failoverExecutor(postgres, DATABASE, id));
        own.addAll(LoopbackCluster.simulatorVenues(kalshiTap, polymarketTap, keys));
        return cluster.memberArgs(own);
    }

    private void service(String name, List<String> command, Map<String, String> env) {
        services.put(name, new ServiceProcess(name, command, env, plan.logDir().resolve(name + ".log")));
    }

    private List<String> jar(String module, List<String> args) {
        List<String> command = ServiceProcess.java(plan.javaOptions());
        command.add("-jar");
        command.add(plan.root()
                .resolve(module)
                .resolve("target")
                .resolve(module + "-app.jar")
                .toAbsolutePath()
                .normalize()
                .toString());
        command.addAll(args);
        return command;
    }

    private List<String> launcherMain(String mainClass, List<String> args) {
        List<String> command = ServiceProcess.javaMain(plan.javaOptions(), mainClass);
        command.addAll(args);
        return command;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    // ---- what the bus says ----------------------------------------------------------------------------------

    private void onStatus(ExecutorStatus status) {
        statuses.put(status.instanceId(), status);
        if (pendingFromEpoch >= 0 && status.role() == ExecutorStatus.Role.ACTIVE && status.epoch() > pendingFromEpoch) {
            takeoverMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pendingSinceNanos));
            pendingFromEpoch = -1;
        }
    }

    private ExecutorStatus active() {
        return statuses.values().stream()
                .filter(s -> s.role() == ExecutorStatus.Role.ACTIVE)
                .max((x, y) -> Long.compare(x.epoch(), y.epoch()))
                .orElse(null);
    }

    private void onMarketData(MarketDataBatch batch) {
        for (MarketDataEvent event : batch.events()) {
            if (event instanceof BookMarkedStale stale) {
                mark(stale.platform(), stale.instrument(), stale.atNanos());
            } else if (event instanceof VenueDisconnected gone) {
                instruments
                        .getOrDefault(gone.platform(), Set.of())
                        .forEach(i -> mark(gone.platform(), i, gone.atNanos()));
            }
        }
    }

    private void mark(Platform platform, String instrument, long atNanos) {
        staleMarks
                .computeIfAbsent(platform.wireName() + ":" + instrument, k -> new CopyOnWriteArrayList<>())
                .add(atNanos);
    }

    /**
     * An opportunity is on a stale book when one of its books was last updated before a stale mark of that book
     * that reached the monitor before the detection: the monitor must have dropped that book until its next snapshot.
     */
    private void onOpportunity(OpportunityEvent event) {
        if (!(event instanceof ArbitrageOpportunityFound found)) {
            return;
        }
        opportunities.incrementAndGet();
        var o = found.opportunity();
        if (staleAt(o.kalshi().platform(), o.kalshi().instrument(), o.kalshiBookNanos(), found.detectedAtNanos())
                || staleAt(
                        o.polymarket().platform(),
                        o.polymarket().instrument(),
                        o.polymarketBookNanos(),
                        found.detectedAtNanos())) {
            staleOpportunities.incrementAndGet();
            out.println("opportunity " + found.id() + " detected on a stale book");
        }
    }

    private boolean staleAt(Platform platform, String instrument, long bookNanos, long detectedNanos) {
        return staleMarks.getOrDefault(platform.wireName() + ":" + instrument, List.of()).stream()
                .anyMatch(mark -> mark > bookNanos && mark < detectedNanos - STALE_MARK_DELIVERY_NANOS);
    }

    // ---- the chaos ------------------------------------------------------------------------------------------

    private void chaos() throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(plan.minutes());
        Action[] actions = Action.values();
        while (System.nanoTime() < end) {
            long pause = TimeUnit.SECONDS.toMillis(plan.faultEverySeconds()) / 2
                    + (long) (random.nextDouble() * TimeUnit.SECONDS.toMillis(plan.faultEverySeconds()));
            Thread.sleep(pause);
            Action action = actions[random.nextInt(actions.length)];
            if ((action == Action.KILL_ACTIVE_EXECUTOR || action == Action.FREEZE_ACTIVE_EXECUTOR)
                    && (pendingFromEpoch >= 0 || active() == null || standbys() == 0)) {
                action = Action.VENUE_FAULT; // one executor disruption at a time, and only with a standby to take over
            }
            act(action);
            reviveTheDead();
        }
    }

    private long standbys() {
        return statuses.values().stream()
                .filter(s -> s.role() == ExecutorStatus.Role.STANDBY && services.get(s.instanceId()) != null)
                .filter(s -> services.get(s.instanceId()).alive())
                .count();
    }

    private void act(Action action) throws Exception {
        String what = switch (action) {
            case KILL_ACTIVE_EXECUTOR -> {
                ExecutorStatus active = active();
                pendingSinceNanos = System.nanoTime();
                pendingFromEpoch = active.epoch();
                services.get(active.instanceId()).kill();
                statuses.remove(active.instanceId());
                restartLater(active.instanceId());
                yield "kill -9 " + active.instanceId() + " (active, epoch " + active.epoch() + ")";
            }
            case FREEZE_ACTIVE_EXECUTOR -> {
                ExecutorStatus active = active();
                ServiceProcess frozen = services.get(active.instanceId());
                pendingSinceNanos = System.nanoTime();
                pendingFromEpoch = active.epoch();
                frozen.freeze();
                statuses.remove(active.instanceId());
                later(FREEZE_MILLIS, frozen::thaw);
                yield "SIGSTOP " + active.instanceId() + " (active, epoch " + active.epoch() + ") for " + FREEZE_MILLIS
                        + " ms";
            }
            case KILL_KALSHI_FEED -> killAndRestart("kalshi-feed-" + (1 + random.nextInt(2)));
            case KILL_POLYMARKET_FEED -> killAndRestart("polymarket-feed");
            case KILL_MONITOR -> killAndRestart("arbitrage-monitor");
            case KILL_GATEWAY -> killAndRestart("api-gateway");
            case STOP_DATABASE -> {
                postgres.stop();
                later(DATABASE_DOWN_MILLIS, postgres::start);
                yield "PostgreSQL stopped for " + DATABASE_DOWN_MILLIS + " ms";
            }
            case VENUE_FAULT -> venueFault();
        };
        faults.merge(
                action == Action.VENUE_FAULT ? what.substring(0, what.indexOf(' ')) : action.name(), 1, Integer::sum);
        out.println(String.format("%6.1f s  %s", (System.nanoTime() - startedNanos) / 1e9, what));
    }

    private String killAndRestart(String name) throws Exception {
        services.get(name).kill();
        restartLater(name);
        return "kill -9 " + name;
    }

    private void restartLater(String name) {
        pendingRestarts.add(name);
        later(RESTART_AFTER_MILLIS, () -> {
            pendingRestarts.remove(name);
            services.get(name).start();
            synchronized (restarts) {
                restarts.merge(name, 1, Integer::sum);
            }
        });
    }

    /**
     * One of the simulators' faults, on a venue chosen at random; named {@code venue:kind}. Every kind but Polymarket's
     * {@code closeOnSubscribeLargerThan}, a standing setting that would keep the feed out for the rest of the run.
     */
    private String venueFault() {
        int kind = random.nextInt(VENUE_FAULT_KINDS);
        return switch (kind) {
            case 0 -> {
                simulator.kalshiFaults().skipSeq(1);
                yield "kalshi:skip-seq a sequence number skipped";
            }
            case 1 -> {
                simulator.kalshiFaults().repeatFrames(2);
                yield "kalshi:repeat-frames two frames sent twice";
            }
            case 2 -> {
                simulator.kalshiFaults().malformedFrames(2);
                yield "kalshi:malformed-frames two malformed frames";
            }
            case 3 -> {
                simulator.kalshiFaults().rateLimitNextRequests(2);
                yield "kalshi:rate-limit the next two REST requests answered 429";
            }
            case 4 -> {
                simulator.kalshiFaults().dropConnections();
                yield "kalshi:drop-connections every WebSocket dropped";
            }
            case 5 -> {
                simulator.kalshiFaults().answerSlowly(1_500);
                later(5_000, () -> simulator.kalshiFaults().answerSlowly(0));
                yield "kalshi:slow-answers REST answers 1.5 s late for 5 s";
            }
            case 6 -> {
                simulator.polymarket().faults().stallOpenConnections();
                later(4_000, () -> simulator.polymarket().faults().clearStall());
                yield "polymarket:stall open connections silent for 4 s";
            }
            case 7 -> {
                simulator.polymarket().faults().dropOpenConnectionsWithoutCloseFrame();
                yield "polymarket:drop-connections dropped without a close frame";
            }
            case 8 -> {
                simulator.polymarket().faults().sendMalformedFrames(2);
                yield "polymarket:malformed-frames two malformed frames";
            }
            case 9 -> {
                simulator.polymarket().faults().loseNextPriceChanges(1);
                yield "polymarket:lost-price-change a price change never sent (the book goes wrong unseen)";
            }
            case 10 -> {
                simulator.polymarket().faults().rateLimitNextOrders(2, 1);
                yield "polymarket:rate-limit the next two orders answered 429";
            }
            case 11 -> {
                simulator.polymarket().faults().delayNextOrders(1);
                yield "polymarket:delayed-order the next order answered delayed";
            }
            case 12 -> {
                simulator.kalshiFaults().endSubscriptions();
                yield "kalshi:end-subscriptions every subscription ended by the venue";
            }
            case 13 -> {
                simulator.polymarket().faults().tooEarlyForNextOrders(1, 1);
                yield "polymarket:too-early the next order answered 425";
            }
            default -> {
                simulator.polymarket().faults().answerNextMatchesInRawUnits(1);
                yield "polymarket:raw-units the next match answered in raw units (confirmed by GET /data/order)";
            }
        };
    }

    /** A failed restart (the port still held, the cluster busy) is tried again on the next round. */
    private void reviveTheDead() throws IOException {
        for (ServiceProcess service : services.values()) {
            if (!service.alive() && !pendingRestarts.contains(service.name())) {
                out.println("  " + service.name() + " was found dead: started again");
                service.start();
                synchronized (restarts) {
                    restarts.merge(service.name(), 1, Integer::sum);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private void later(long millis, Step step) {
        plain.setTimer(
                millis,
                id -> plain.executeBlocking(() -> {
                            step.run();
                            return null;
                        })
                        .onFailure(
                                failure -> out.println("  a scheduled recovery step failed: " + failure.getMessage())));
    }

    // ---- the end --------------------------------------------------------------------------------------------

    private boolean settleAndReport() throws Exception {
        out.println("chaos over: faults stop, every service runs, trading is paused and the trades in flight settle");
        simulator.kalshiFaults().answerSlowly(0);
        simulator.polymarket().faults().clearStall();
        Thread.sleep(FREEZE_MILLIS + DATABASE_DOWN_MILLIS); // scheduled thaws, restarts and the database's return
        reviveTheDead();
        await("an active executor", SETTLE_SECONDS, () -> active() != null);
        await("the active executor paused", SETTLE_SECONDS, this::paused);
        await("every trade with an order reported", SETTLE_SECONDS, () -> PositionLedger.settled(journal, TABLE));

        Map<String, Long> venues = PositionLedger.ofVenues(probe.venues().values());
        List<String> bodies = PositionLedger.journalRows(journal, TABLE);
        PositionLedger.Journal journaled = PositionLedger.ofJournal(bodies);
        List<String> mismatches = new ArrayList<>();
        Set<String> keys = new HashSet<>(venues.keySet());
        keys.addAll(journaled.held().keySet());
        for (String key : keys) {
            long venue = venues.getOrDefault(key, 0L);
            long journal = journaled.held().getOrDefault(key, 0L);
            if (venue != journal) {
                mismatches.add(key + ": venue " + venue + ", journal " + journal);
            }
        }
        journaled.reportedTwice().forEach(id -> mismatches.add("trade " + id + " reported twice"));
        Duplicates kalshi = duplicates(kalshiTap, o -> o.getString("client_order_id"));
        Duplicates polymarket = duplicates(
                polymarketTap, o -> String.valueOf(o.getJsonObject("order").getValue("salt")));

        long reported =
                bodies.stream().filter(b -> b.contains("\"type\":\"trade\"")).count();
        long filled = bodies.stream()
                .filter(b -> b.contains("\"type\":\"trade\"") && b.contains("\"status\":\"FILLED\""))
                .count();
        List<Long> times = new ArrayList<>(takeoverMillis);
        Collections.sort(times);
        out.println();
        out.println("=== chaos soak figures (seed " + plan.seed() + ", " + plan.minutes() + " min) ===");
        out.println("trades journaled:            " + reported + " (" + filled + " filled on both legs)");
        out.println("orders accepted:             kalshi " + kalshi.accepted + ", polymarket " + polymarket.accepted);
        out.println("faults injected by kind:     " + faults);
        out.println("restarts by service:         " + restarts);
        out.println("fail-overs:                  " + times.size() + " taken over"
                + (times.isEmpty()
                        ? ""
                        : ", time to take over p50 " + times.get(times.size() / 2) + " ms, max "
                                + times.get(times.size() - 1) + " ms (from the kill / SIGSTOP to the new active)"));
        out.println("client order ids accepted twice: kalshi " + kalshi.acceptedTwice + ", polymarket "
                + polymarket.acceptedTwice + " (sent again after a refusal, e.g. a 429 retry: "
                + (kalshi.resent + polymarket.resent) + ")");
        out.println("opportunities on a stale book: " + staleOpportunities.get() + " of " + opportunities.get());
        out.println("journal vs venues:           "
                + (mismatches.isEmpty() ? "equal, " + venues.size() + " positions" : "MISMATCH " + mismatches));
        long bad = mismatches.size() + kalshi.acceptedTwice + polymarket.acceptedTwice + staleOpportunities.get();
        out.println("mismatches:                  " + bad);
        return bad == 0;
    }

    private record Duplicates(long accepted, long acceptedTwice, long resent) {}

    private static Duplicates duplicates(OrderTap tap, Function<JsonObject, String> id) {
        Map<String, Integer> accepted = new HashMap<>();
        Map<String, Integer> sent = new HashMap<>();
        for (OrderTap.TappedOrder order : tap.answeredOrders()) {
            String key = id.apply(order.body());
            sent.merge(key, 1, Integer::sum);
            if (order.accepted()) {
                accepted.merge(key, 1, Integer::sum);
            }
        }
        long twice = accepted.values().stream().filter(n -> n > 1).count();
        long resent = sent.values().stream().filter(n -> n > 1).count();
        return new Duplicates(accepted.size(), twice, resent);
    }

    private boolean paused() {
        try {
            Object answer = node.eventBus()
                    .request(Addresses.CONTROL, new ControlCommand.Pause("chaos soak: settle"))
                    .await(10, TimeUnit.SECONDS)
                    .body();
            return answer instanceof TradingControl;
        } catch (Exception e) {
            return false;
        }
    }

    private void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("chaos soak: no " + what + " within " + seconds + " s; see the logs in "
                        + plan.logDir().toAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    private void close() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        Collections.reverse(all);
        for (ServiceProcess service : all) {
            try {
                service.stop(STOP_GRACE_SECONDS);
            } catch (Exception e) {
                out.println("stopping " + service.name() + ": " + e.getMessage());
            }
        }
        for (Step step : List.<Step>of(
                () -> node.close().await(30, TimeUnit.SECONDS),
                () -> probe.close().await(10, TimeUnit.SECONDS),
                () -> simulator.stop().await(30, TimeUnit.SECONDS),
                () -> journal.close().await(10, TimeUnit.SECONDS),
                () -> plain.close().await(30, TimeUnit.SECONDS),
                () -> postgres.destroy())) {
            try {
                step.run();
            } catch (Exception e) {
                // closing what never started, or what already failed: nothing left to do
            }
        }
    }
}

package com.doubletime.executor.failover;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.BusCodecs;
import com.doubletime.bus.protocol.ExecutorStatus;
import com.doubletime.cluster.ActiveLease;
import com.doubletime.cluster.MarketLease;
import com.doubletime.cluster.metrics.Meters;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.Platform;
import com.doubletime.domain.order.VenueOrderGateway;
import com.doubletime.domain.trade.ExecutionAlert;
import com.doubletime.executor.ExecutorConfig;
import com.doubletime.executor.TradeExecutorVerticle;
import com.doubletime.executor.journal.JournalEpochs;
import com.doubletime.executor.journal.PostgresTradeRepository;
import com.doubletime.executor.lifecycle.Scheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One of several trade executors, wiring only: active while it holds the cluster's active lease ({@link ActiveLease}),
 * standing by otherwise. Needs the PostgreSQL journal, which every instance shares.
 *
 * <pre>
 *  standby ──(lease lapsed or free: take it)──► taking over: open the journal ─► claim the next fencing epoch
 *     ▲                                          ─► journal a FAILOVER alert (the epoch's first row) ─► deploy a
 *     │                                          TradeExecutorVerticle over the fenced journal and fenced gateways
 *     │                                          (it folds the whole journal, closes the previous active's trades
 *     │                                          in flight with the venues by client order id, warms up, subscribes)
 *     │                                          ─► active: trades, answers the operator
 *     └──(another holds the lease, or a journal write is refused for a newer epoch)── stand down: gate closed at
 *                                                once, the executor undeployed, the journal closed
 * </pre>
 *
 * <p>A standby trades nothing and registers no request consumer (control, trades, positions), so the gateway's
 * requests reach the active instance only. Every order leaves through a {@link FencedGateway} (the lease, on this
 * process's monotonic clock, checked right before each one) after its request was journaled under this executor's
 * epoch ({@link JournalEpochs}); a paused or cut-off active that wakes up after another took over sends nothing and
 * writes nothing. Each instance publishes its {@link ExecutorStatus} every second and on every change.
 */
public final class ExecutorFailoverVerticle extends VerticleBase {
    /** The role name of the active lease: its map is {@code dt.active-lease.trade-executor}. */
    public static final String ROLE = "trade-executor";

    static final long STATUS_EVERY_MILLIS = 1_000;
    private static final System.Logger LOG = System.getLogger(ExecutorFailoverVerticle.class.getName());
    private static final char SESSION_SEPARATOR = '~';
    private static final int SESSION_CHARS = 8;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final ExecutorConfig config;
    private final List<MarketPair> pairs;
    private final Map<Platform, VenueOrderGateway> venues;
    private final FailoverSettings settings;
    private final List<Meter> meters = new ArrayList<>();
    private ActiveLease lease;
    private long statusTimer = -1;

    /** Bumped at every take-over and stand-down: a late completion of an earlier one is ignored. */
    private int generation;

    private ExecutorStatus.Role role = ExecutorStatus.Role.STANDBY;
    private String detail;
    private long epoch;
    private long activeSinceMillis;
    private long takeovers;
    private long lastTakeoverMillis;
    private PostgresTradeRepository repository;
    private FencingGate gate;
    private String executorDeployment;

    /**
     * @param venues one order gateway per platform in live mode; empty for paper
     */
    public ExecutorFailoverVerticle(
            ExecutorConfig config,
            List<MarketPair> pairs,
            Map<Platform, VenueOrderGateway> venues,
            FailoverSettings settings) {
        this.config = config;
        this.pairs = List.copyOf(pairs);
        this.venues = Map.copyOf(venues);
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        if (config.postgres() == null) {
            return Future.failedFuture(new IllegalStateException("trade-executor: fail-over needs the PostgreSQL"
                    + " journal every instance shares (executor.journal: postgres, or --journal-store postgres)"));
        }
        BusCodecs.registerAll(vertx.eventBus());
        // one lease id per process: a restart under the same instance id is a new holder, never mistaken for the old
        String leaseId = settings.instanceId()
                + SESSION_SEPARATOR
                + UUID.randomUUID().toString().substring(0, SESSION_CHARS);
        lease = new ActiveLease(vertx, ROLE, leaseId, settings.lease(), new ActiveLease.Listener() {
            @Override
            public void acquired(MarketLease replaced) {
                takeOver(replaced == null ? null : instanceOf(replaced.owner()));
            }

            @Override
            public void lost(String holder) {
                standDown("instance " + instanceOf(holder) + " holds the active lease");
            }
        });
        registerMeters(Meters.registry());
        statusTimer = vertx.setPeriodic(STATUS_EVERY_MILLIS, id -> publishStatus());
        LOG.log(
                System.Logger.Level.INFO,
                "trade executor " + settings.instanceId() + " (" + config.mode().wireName()
                        + ") with fail-over: standing by until it holds the active lease " + settings.lease());
        return lease.start().onSuccess(started -> publishStatus());
    }

    /**
     * Hands the lease over at once so a standby need not wait for it to expire. Vert.x has undeployed the executor
     * (a child of this verticle) before this runs, so nothing of this instance can still act.
     */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(statusTimer);
        MeterRegistry registry = Meters.registry();
        meters.forEach(registry::remove);
        if (gate != null) {
            gate.fenceOut("this executor is stopping");
        }
        Future<Void> handedOver = lease == null ? Future.succeededFuture() : lease.stop();
        PostgresTradeRepository journal = repository;
        repository = null;
        return handedOver.compose(done -> journal == null ? Future.succeededFuture() : journal.close());
    }

    /** This instance's standing now. */
    public ExecutorStatus status() {
        String why = detail;
        if (role != ExecutorStatus.Role.STANDBY && lease != null && lease.notHeldBecause() != null) {
            why = lease.notHeldBecause(); // renewals failing: orders are refused until one succeeds again
        } else if (role == ExecutorStatus.Role.STANDBY && why == null && lease != null && lease.holder() != null) {
            why = "instance " + instanceOf(lease.holder()) + " holds the active lease";
        }
        return new ExecutorStatus(
                settings.instanceId(),
                role,
                epoch,
                activeSinceMillis,
                takeovers,
                lastTakeoverMillis,
                true,
                why,
                System.currentTimeMillis());
    }

    private void takeOver(String previousHolder) {
        int taking = ++generation;
        long startedNanos = System.nanoTime();
        long settleUntil = System.currentTimeMillis() + settings.lookupSettleMillis();
        role = ExecutorStatus.Role.TAKING_OVER;
        detail = null;
        publishStatus();
        PostgresTradeRepository.open(vertx, config.postgres())
                .compose(opened -> {
                    if (taking != generation) {
                        return opened.close().compose(closed -> Future.failedFuture("stood down meanwhile"));
                    }
                    repository = opened;
                    return opened.claimEpoch(settings.instanceId());
                })
                .compose(claimed -> {
                    if (taking != generation) {
                        return Future.failedFuture("stood down meanwhile");
                    }
                    gate = new FencingGate(lease::notHeldBecause, claimed.epoch());
                    repository.onFencedOut(refused -> context.runOnContext(v -> {
                        if (taking == generation) {
                            standDown("a newer fencing epoch " + refused.newerEpoch() + " was claimed by "
                                    + refused.newerHolder());
                        }
                    }));
                    String message = "trade executor " + settings.instanceId() + " is active under fencing epoch "
                            + claimed.epoch()
                            + (claimed.previousHolder() == null
                                    ? " (the journal's first)"
                                    : claimed.previousHolder().equals(settings.instanceId())
                                            ? " (after its own epoch " + (claimed.epoch() - 1) + ")"
                                            : ", taking over from " + claimed.previousHolder()
                                                    + (previousHolder == null
                                                            ? " (which had handed the lease back)"
                                                            : " (whose lease lapsed)"));
                    return repository
                            .append(new ExecutionAlert(
                                    "failover:" + claimed.epoch(),
                                    null,
                                    ExecutionAlert.AlertKind.FAILOVER,
                                    message,
                                    TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis())))
                            .compose(recorded -> vertx.deployVerticle(
                                    new TradeExecutorVerticle(config, pairs, repository, fenced(gate, settleUntil))))
                            .map(deployment -> {
                                LOG.log(level(claimed), message);
                                return new Activation(claimed, deployment);
                            });
                })
                .onComplete(done -> {
                    if (taking != generation) {
                        if (done.succeeded()) {
                            vertx.undeploy(done.result().deployment());
                        }
                        return;
                    }
                    if (done.failed()) {
                        failedTakeOver(done.cause());
                        return;
                    }
                    Activation activation = done.result();
                    executorDeployment = activation.deployment();
                    role = ExecutorStatus.Role.ACTIVE;
                    epoch = activation.claimed().epoch();
                    activeSinceMillis = System.currentTimeMillis();
                    lastTakeoverMillis = (System.nanoTime() - startedNanos) / NANOS_PER_MILLI;
                    String previous = activation.claimed().previousHolder();
                    if (previous != null && !previous.equals(settings.instanceId())) {
                        takeovers++;
                    }
                    LOG.log(
                            level(activation.claimed()),
                            "trade executor " + settings.instanceId() + " trading under epoch " + epoch + ", "
                                    + lastTakeoverMillis + " ms after taking the lease");
                    publishStatus();
                });
    }

    private record Activation(JournalEpochs.Claimed claimed, String deployment) {}

    /** A take-over from another instance is worth a warning; the first activation, or its own again, is not. */
    private System.Logger.Level level(JournalEpochs.Claimed claimed) {
        String previous = claimed.previousHolder();
        return previous != null && !previous.equals(settings.instanceId())
                ? System.Logger.Level.WARNING
                : System.Logger.Level.INFO;
    }

    private void failedTakeOver(Throwable cause) {
        LOG.log(
                System.Logger.Level.ERROR,
                "trade executor " + settings.instanceId() + " could not take over: " + cause.getMessage()
                        + "; handing the lease back",
                cause);
        String why = "the take-over failed: " + cause.getMessage();
        release(why);
        lease.release();
        publishStatus();
    }

    private void standDown(String why) {
        if (role == ExecutorStatus.Role.STANDBY) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "trade executor " + settings.instanceId() + " stands down: " + why);
        generation++;
        release(why);
        lease.release(); // held only if the journal refused us first: let the instance with the newer epoch have it
        publishStatus();
    }

    /** Closes the gate at once, then undeploys the executor and closes the journal. */
    private void release(String why) {
        if (gate != null) {
            gate.fenceOut(why);
        }
        role = ExecutorStatus.Role.STANDBY;
        detail = why;
        epoch = 0;
        activeSinceMillis = 0;
        String deployment = executorDeployment;
        executorDeployment = null;
        PostgresTradeRepository journal = repository;
        repository = null;
        Future<Void> undeployed = deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
        undeployed
                .otherwiseEmpty()
                .compose(done -> journal == null ? Future.succeededFuture() : journal.close())
                .onFailure(failure -> LOG.log(
                        System.Logger.Level.WARNING, "closing the stood-down executor: " + failure.getMessage()));
    }

    private Map<Platform, VenueOrderGateway> fenced(FencingGate fencing, long settleUntilMillis) {
        Scheduler timers = (delay, task) -> {
            long timer = vertx.setTimer(Math.max(1, delay), id -> task.run());
            return () -> vertx.cancelTimer(timer);
        };
        Map<Platform, VenueOrderGateway> out = new EnumMap<>(Platform.class);
        venues.forEach((platform, gateway) -> out.put(
                platform, new FencedGateway(gateway, fencing, timers, System::currentTimeMillis, settleUntilMillis)));
        return out;
    }

    private void publishStatus() {
        vertx.eventBus().publish(Addresses.EXECUTOR_STATUS, status());
    }

    private void registerMeters(MeterRegistry registry) {
        meters.add(FunctionCounter.builder("dt.executor.failovers", this, v -> v.takeovers)
                .description("times this executor instance took over from another whose lease had lapsed")
                .register(registry));
        meters.add(Gauge.builder("dt.executor.active", this, v -> v.role == ExecutorStatus.Role.ACTIVE ? 1 : 0)
                .description("1 while this executor instance is the active one")
                .register(registry));
        meters.add(Gauge.builder("dt.executor.epoch", this, v -> v.epoch)
                .description("the fencing epoch this executor instance trades under (0 when standing by)")
                .register(registry));
        meters.add(Gauge.builder("dt.executor.takeover.last.millis", this, v -> v.lastTakeoverMillis)
                .description("how long this instance's last take-over took, from holding the lease to trading")
                .register(registry));
    }

    /** The instance id inside a lease id ({@code instance~session}). */
    static String instanceOf(String leaseId) {
        int at = leaseId.lastIndexOf(SESSION_SEPARATOR);
        return at < 0 ? leaseId : leaseId.substring(0, at);
    }
}
